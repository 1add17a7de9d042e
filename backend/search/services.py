"""One search over every registered type, ranked together, scoped to what the viewer may see.

Each type's rows come from `visible_to(viewer)` before anything is matched, so hits,
per-type counts and pages never include what the viewer may not see. The page is one
UNION query over the types (ranked, then typed, then by id, so paging is stable); the
hits of the page are then read back per type, again through `visible_to`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import reduce
from operator import add

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db.models import Case, CharField, F, FloatField, Q, QuerySet, TextField, Value, When
from django.db.models.functions import Coalesce, Concat

from core.viewer import Viewer

from . import registry
from .registry import Searchable
from .text import (
    ALL_CONFIGS,
    MARK_START,
    MARK_STOP,
    WORD,
    Fold,
    config_for,
    highlight,
    is_postgresql,
    mark_to_html,
    terms,
    ts_query,
)


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


def configs_for(language: str | None) -> tuple[str, ...]:
    """Parse the query in the filtered language only, or in every configuration."""
    return (config_for(language),) if language else ALL_CONFIGS


def _vector(searchable: Searchable, configs):
    if searchable.vector_field:
        return F(searchable.vector_field)
    parts = [
        SearchVector(name, weight=weight, config=config)
        for config in configs
        for name, weight in searchable.fields
    ]
    return reduce(add, parts)


def match(searchable: Searchable, qs: QuerySet, q: str, *, configs=ALL_CONFIGS) -> QuerySet:
    """Rows of `qs` that match `q`, annotated with `_rank` (higher is better)."""
    extra = searchable.extra_match(q) if searchable.extra_match else None
    if is_postgresql():
        query = ts_query(q, configs)
        qs = qs.annotate(_search=_vector(searchable, configs))
        condition = Q(_search=query)
        if searchable.config_field and len(configs) > 1:
            # Rank against the query as read in the row's own language: the readings in the
            # other languages cannot match its stems and would only dilute the rank.
            rank = Case(
                *(
                    When(
                        **{searchable.config_field: config},
                        then=SearchRank(F("_search"), SearchQuery(q, config=config, search_type="websearch")),
                    )
                    for config in configs
                ),
                default=SearchRank(F("_search"), query),
                output_field=FloatField(),
            )
        else:
            rank = SearchRank(F("_search"), query)
    else:
        stems = terms(q)
        if not stems and extra is None:
            return qs.none()
        text = _joined([name for name, _ in searchable.fields])
        qs = qs.annotate(_text=Fold(text), _title=Fold(F(searchable.title_attr)))
        condition = reduce(lambda a, b: a & b, (Q(_text__contains=s) for s in stems)) if stems else Q(pk=None)
        # Without ts_rank: 0.1 for a match, up to 1.0 when every word is in the title.
        rank = Value(0.1) + reduce(
            add,
            (Case(When(_title__contains=s, then=Value(0.9 / len(stems))), default=Value(0.0)) for s in stems),
            Value(0.0),
        )
    if extra is not None:
        extra_condition, bonus = extra
        condition |= extra_condition
        rank = rank + Case(When(extra_condition, then=Value(float(bonus))), default=Value(0.0))
    return qs.filter(condition).annotate(_rank=Coalesce(rank, Value(0.0), output_field=FloatField()))


def _joined(names):
    columns = [Coalesce(F(name), Value(""), output_field=TextField()) for name in names]
    return columns[0] if len(columns) == 1 else Concat(*_spaced(columns), output_field=TextField())


def _spaced(columns):
    spaced = []
    for column in columns:
        if spaced:
            spaced.append(Value(" "))
        spaced.append(column)
    return spaced


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
    if not WORD.search(q):
        return Outcome(count=0, counts=counts)
    configs = configs_for(language)
    scoped: list[tuple[Searchable, QuerySet]] = []
    for searchable in searchables:
        qs = searchable.queryset(viewer)
        if language:
            qs = searchable.filter_language(qs, language)
        if qs is not None and country:
            qs = searchable.filter_country(qs, country)
        if qs is None:
            continue
        scoped.append((searchable, match(searchable, qs, q, configs=configs)))

    for searchable, qs in scoped:
        counts[searchable.type_name] = qs.count()
    total = sum(counts.values())
    if total == 0 or offset >= total:
        return Outcome(count=total, counts=counts)

    parts = [
        qs.order_by()
        .annotate(_type=Value(searchable.type_name, output_field=CharField()), _id=F("pk"), _score=F("_rank"))
        .values_list("_type", "_id", "_score")
        for searchable, qs in scoped
        if counts[searchable.type_name]
    ]
    page = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    rows = list(page.order_by("-_score", "_type", "_id")[offset : offset + limit])
    return Outcome(count=total, counts=counts, hits=_present(rows, scoped, viewer, q, configs))


def _present(rows, scoped, viewer: Viewer, q: str, configs) -> list[Hit]:
    by_type = {searchable.type_name: searchable for searchable, _ in scoped}
    wanted: dict[str, list[int]] = {}
    for type_name, pk, _ in rows:
        wanted.setdefault(type_name, []).append(pk)
    stems = terms(q)
    loaded: dict[tuple[str, int], tuple[object, str]] = {}
    for type_name, ids in wanted.items():
        searchable = by_type[type_name]
        qs = searchable.queryset(viewer).filter(pk__in=ids)
        headline = is_postgresql() and searchable.config_field and searchable.snippet_fields
        if headline:
            qs = qs.annotate(
                _headline=SearchHeadline(
                    _joined(searchable.snippet_fields),
                    ts_query(q, configs),
                    config=F(searchable.config_field),
                    start_sel=MARK_START,
                    stop_sel=MARK_STOP,
                    max_words=35,
                    min_words=15,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                )
            )
        for obj in qs:
            if headline:
                snippet = mark_to_html(" ".join((obj._headline or "").split()))
            else:
                text = " ".join(str(getattr(obj, name) or "") for name in searchable.snippet_fields)
                snippet = highlight(text, stems)
            loaded[(type_name, obj.pk)] = (obj, snippet)
    hits = []
    for type_name, pk, rank in rows:
        if (type_name, pk) not in loaded:
            continue  # gone between the two queries
        obj, snippet = loaded[(type_name, pk)]
        searchable = by_type[type_name]
        hits.append(
            Hit(
                type=type_name,
                id=pk,
                title=searchable.title(obj),
                snippet=snippet,
                languages=searchable.languages_of(obj),
                countries=searchable.countries_of(obj),
                url=searchable.url(obj),
                rank=round(float(rank or 0.0), 6),
            )
        )
    return hits
