"""One search over every registered type, ranked together, scoped to what the viewer may see.

The query is matched against the index (PostgreSQL: each type through the GIN index over
type and `tsvector`, ranked by `ts_rank`; SQLite: FTS5 once, ranked by `bm25`; the rank's
scale differs between the databases, the hits do not), then each type keeps the matches
whose object `visible_to(viewer)` (an EXISTS on the model's own visibility query, so the
rule stays in `core/visibility.py`). One statement returns the exact per-type counts and
the page (ranked, then typed, then by id, so paging is stable); the page's objects are then
read back per type, again through `visible_to`. The cost follows the number of matches,
not the number of rows.

The statement runs under a time limit (`SEARCH_TIMEOUT_MS`): PostgreSQL's
`statement_timeout`, set for the search only, and on SQLite a progress handler that
interrupts the statement once the time is up. A search that runs out of time is answered
503 with problem details; it never holds a worker for longer.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy
from rest_framework import status
from rest_framework.exceptions import APIException

from core.viewer import Viewer

from . import registry
from .models import FTS_TABLE
from .query import Query, parse
from .registry import Searchable
from .text import highlight

DEFAULT_TIMEOUT_MS = 2000
# A match in the title (weight A) far above one in the text: with PostgreSQL's default
# weights (0.1, 0.2, 0.4, 1.0 for D-A) a long text full of the words ranks like a title.
TS_RANK_WEIGHTS = "'{0.02, 0.05, 0.1, 1.0}'::float4[]"  # D, C, B, A
BM25_WEIGHTS = "10.0, 4.0, 2.0, 1.0"  # columns a-d
SQLITE_CHECK_EVERY = 1000  # virtual-machine steps between two looks at the clock


class SearchTimeout(APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = gettext_lazy(
        "The search took too long and was stopped; try fewer or more specific words."
    )
    default_code = "search_timeout"


@dataclass(frozen=True)
class Hit:
    type: str
    id: int
    title: str
    snippet: str
    languages: list[str]
    countries: list[str]
    url: str | None
    rank: float


@dataclass(frozen=True)
class Outcome:
    count: int
    counts: dict[str, int]
    hits: list[Hit] = field(default_factory=list)


def timeout_ms() -> int:
    return int(getattr(settings, "SEARCH_TIMEOUT_MS", DEFAULT_TIMEOUT_MS))


# For the search only. No parallel workers and no JIT: starting workers or compiling the
# plan costs more than a search's few milliseconds (the planner, estimating a common word's
# matches from every type together, would otherwise often compile), and two cores are better
# left to concurrent requests.
POSTGRESQL_SETTINGS = {"max_parallel_workers_per_gather": "0", "jit": "off"}


def _set_local(values: dict[str, str]) -> None:
    """Set PostgreSQL settings until the end of the current savepoint or transaction."""
    writes = ", ".join(["set_config(%s, %s, true)"] * len(values))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {writes}", [part for item in values.items() for part in item])


@contextmanager
def time_limit() -> Iterator[None]:
    """Bound every statement inside to SEARCH_TIMEOUT_MS; a statement past it raises SearchTimeout.

    The search only reads, so its savepoint is rolled back rather than released: that
    restores the settings made for it in the same round trip.
    """
    limit = timeout_ms()
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                _set_local({**POSTGRESQL_SETTINGS, "statement_timeout": f"{max(limit, 1)}ms"})
                yield
            else:
                with _sqlite_deadline(limit):
                    yield
            transaction.set_rollback(True)
    except OperationalError as error:
        if _timed_out(error):
            raise SearchTimeout from error
        raise


@contextmanager
def _sqlite_deadline(limit_ms: int) -> Iterator[None]:
    connection.ensure_connection()
    raw = connection.connection
    deadline = time.monotonic() + limit_ms / 1000
    raw.set_progress_handler(lambda: int(time.monotonic() > deadline), SQLITE_CHECK_EVERY)
    try:
        yield
    finally:
        raw.set_progress_handler(None, 0)


def _timed_out(error: OperationalError) -> bool:
    cause = error.__cause__
    if connection.vendor == "postgresql":
        from psycopg.errors import QueryCanceled

        return isinstance(cause, QueryCanceled)
    return "interrupted" in str(cause or error)


def _match_sql(query: Query) -> tuple[str, list]:
    """Index entries matching `query`: (id, kind, object_id, score), a higher score is better
    (PostgreSQL ranks in `_part`, for the visible matches only)."""
    if connection.vendor == "postgresql":
        sql = (
            "SELECT id, kind, object_id, 0 AS score "
            "FROM search_searchentry WHERE vector @@ to_tsquery('simple', %s)"
        )
        return sql, [query.tsquery()]
    sql = (
        f"SELECT e.id, e.kind, e.object_id, -bm25({FTS_TABLE}, {BM25_WEIGHTS}) AS score "  # noqa: S608 (constants)
        f"FROM {FTS_TABLE} CROSS JOIN search_searchentry e "
        f"WHERE {FTS_TABLE} MATCH %s AND e.id = {FTS_TABLE}.rowid"
    )
    return sql, [query.fts5()]


def _visible_sql(qs: QuerySet) -> tuple[str, tuple]:
    """The viewer's own visibility query, for the object of the index row `hit` (inside EXISTS).

    It is checked per match, through primary keys, so its cost follows the matches. On
    PostgreSQL `OFFSET 0` keeps it so: the planner estimates a word's matches per type from
    all types together and, guessing thousands, would otherwise read every visible row.
    """
    sql, params = qs.filter(pk=RawSQL("hit.object_id", ())).order_by().values("pk").query.sql_with_params()
    return (f"{sql} OFFSET 0" if connection.vendor == "postgresql" else sql), params


def _part(searchable: Searchable, qs: QuerySet, query: Query, q: str) -> tuple[str, list]:
    """The visible matches of one type: (kind, object_id, rank).

    PostgreSQL reads the type's matches straight from its GIN index over type and vector.
    SQLite reads the FTS5 matches with their index rows once (`m`, see `search`), and each
    type takes its own from them.
    """
    extra = searchable.extra_match(q) if searchable.extra_match else None
    if connection.vendor == "postgresql":
        ts = query.tsquery()
        source = "search_searchentry hit"
        matched, matched_params = "hit.vector @@ to_tsquery('simple', %s)", [ts]
        rank, rank_params = f"ts_rank({TS_RANK_WEIGHTS}, hit.vector, to_tsquery('simple', %s))", [ts]
    elif extra is None:
        source = "m hit"
        matched, matched_params = "1 = 1", []
        rank, rank_params = "hit.score", []
    else:  # a few rows (country profiles): every one is looked at
        source = "search_searchentry hit LEFT JOIN m f ON f.id = hit.id"
        matched, matched_params = "f.id IS NOT NULL", []
        rank, rank_params = "COALESCE(f.score, 0)", []
    if extra is not None:
        condition, bonus = extra
        named = searchable.model._default_manager.filter(condition).order_by().values("pk")
        named_sql, named_params = named.query.sql_with_params()
        matched = f"({matched} OR hit.object_id IN ({named_sql}))"
        matched_params = [*matched_params, *named_params]
        rank = f"{rank} + CASE WHEN hit.object_id IN ({named_sql}) THEN %s ELSE 0 END"
        rank_params = [*rank_params, *named_params, float(bonus)]
    visible_sql, visible_params = _visible_sql(qs)
    # Constants and Django-compiled queries; every value is a parameter.
    sql = (
        f"SELECT %s AS kind, hit.object_id AS object_id, {rank} AS rank FROM {source} "  # noqa: S608
        f"WHERE hit.kind = %s AND {matched} AND EXISTS ({visible_sql})"
    )
    params = [
        searchable.type_name,
        *rank_params,
        searchable.type_name,
        *matched_params,
        *visible_params,
    ]
    return sql, params


def search(
    *,
    viewer: Viewer,
    q: str,
    types: list[str] | None = None,
    language: str | None = None,
    country: str | None = None,
    offset: int = 0,
    limit: int = 25,
) -> Outcome:
    """Search `q` across the registered types the viewer may see; `counts` is per type."""
    searchables = registry.available(types)
    counts = {s.type_name: 0 for s in searchables}
    query = parse(q)
    if query.empty:
        return Outcome(count=0, counts=counts)
    scoped: list[tuple[Searchable, QuerySet]] = []
    for searchable in searchables:
        qs = searchable.queryset(viewer)
        if language:
            qs = searchable.filter_language(qs, language)
        if qs is not None and country:
            qs = searchable.filter_country(qs, country)
        if qs is not None:
            scoped.append((searchable, qs))
    if not scoped:
        return Outcome(count=0, counts=counts)

    if connection.vendor == "postgresql":
        first, params = "", []
    else:
        match_sql, params = _match_sql(query)
        first = f"m AS MATERIALIZED ({match_sql}), "
    parts = []
    for searchable, qs in scoped:
        sql, part_params = _part(searchable, qs, query, q)
        parts.append(sql)
        params += part_params
    # Every value is a parameter; the text joined here is constants and Django-compiled queries.
    sql = (
        f"WITH {first}hits AS MATERIALIZED ({' UNION ALL '.join(parts)}) "  # noqa: S608
        "SELECT kind, CAST(NULL AS BIGINT), CAST(NULL AS FLOAT), COUNT(*) FROM hits GROUP BY kind "
        "UNION ALL SELECT * FROM (SELECT kind, object_id, rank, CAST(NULL AS BIGINT) FROM hits "
        "ORDER BY rank DESC, kind, object_id LIMIT %s OFFSET %s) page"
    )
    params += [limit, offset]
    with time_limit():
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        for kind, object_id, _, number in rows:
            if object_id is None:
                counts[kind] = number
        page = [(kind, object_id, rank) for kind, object_id, rank, _ in rows if object_id is not None]
        hits = _present(page, scoped, query) if page else []
    return Outcome(count=sum(counts.values()), counts=counts, hits=hits)


def matching(searchable: Searchable, qs: QuerySet, q: str) -> QuerySet:
    """Rows of `qs` whose index entry matches `q` (a list's `q` filter, as search reads it)."""
    query = parse(q)
    if query.empty:
        return qs.none()
    match_sql, params = _match_sql(query)
    sql = f"SELECT object_id FROM ({match_sql}) m WHERE kind = %s"  # noqa: S608 (values are parameters)
    found = RawSQL(sql, (*params, searchable.type_name))  # noqa: S611
    return qs.filter(pk__in=found)


def _present(rows, scoped, query: Query) -> list[Hit]:
    by_type = {searchable.type_name: (searchable, qs) for searchable, qs in scoped}
    wanted: dict[str, list[int]] = {}
    for type_name, pk, _ in rows:
        wanted.setdefault(type_name, []).append(pk)
    lexemes = query.lexemes()
    loaded: dict[tuple[str, int], object] = {}
    for type_name, ids in wanted.items():
        _, qs = by_type[type_name]
        for obj in qs.filter(pk__in=ids):
            loaded[(type_name, obj.pk)] = obj
    hits = []
    for type_name, pk, rank in rows:
        obj = loaded.get((type_name, pk))
        if obj is None:
            continue  # gone between the two queries
        searchable, _ = by_type[type_name]
        text = " ".join(str(getattr(obj, name) or "") for name in searchable.snippet_fields)
        hits.append(
            Hit(
                type=type_name,
                id=pk,
                title=searchable.title(obj),
                snippet=highlight(text, lexemes),
                languages=searchable.languages_of(obj),
                countries=searchable.countries_of(obj),
                url=searchable.url(obj),
                rank=round(float(rank or 0.0), 6),
            )
        )
    return hits
