"""Text-search building blocks shared by every searchable type, on PostgreSQL and on SQLite.

PostgreSQL gets language-aware full-text search: each document is indexed with the
stemming configuration of its language (russian, english, german; `simple` for the
others) and a query is parsed by `websearch_to_tsquery`, which never fails on syntax,
so `&|!():*` and quotes are just text. Not knowing the language of a query, we parse it
once per configuration and OR the results: a Russian query matches Russian stems, an
English one English stems.

SQLite (the embedded default) has no stemming: each word of the query must occur in the
text, compared case-folded (Unicode-aware, so "Франция" finds "франция") after cutting
a short inflection ending, so "Франции" and "Франция" meet at "франци".
"""

import re
from html import escape

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.backends.signals import connection_created
from django.db.models import CharField, Func
from django.dispatch import receiver

LANGUAGE_CONFIGS = {"ru": "russian", "en": "english", "de": "german"}
DEFAULT_CONFIG = "simple"
ALL_CONFIGS = (*LANGUAGE_CONFIGS.values(), DEFAULT_CONFIG)

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
WORD = re.compile(r"\w+", re.UNICODE)
MARK_START, MARK_STOP = "\x02", "\x03"


def config_for(language: str | None) -> str:
    """The PostgreSQL text-search configuration for an ISO 639-1 language code."""
    return LANGUAGE_CONFIGS.get((language or "").lower(), DEFAULT_CONFIG)


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def ts_query(q: str, configs=ALL_CONFIGS) -> SearchQuery:
    """`q` parsed by `websearch_to_tsquery` in each of `configs`, OR-ed together."""
    query = None
    for config in configs:
        part = SearchQuery(q, config=config, search_type="websearch")
        query = part if query is None else query | part
    return query


def fold(text: str) -> str:
    return text.casefold()


def stem(word: str) -> str:
    """A crude, language-neutral stem: drop a short inflection ending from longer words."""
    word = fold(word)
    if len(word) >= 7:
        return word[:-2]
    if len(word) >= 5:
        return word[:-1]
    return word


def terms(q: str) -> list[str]:
    """The stems of the words of `q`, without duplicates, at most MAX_TERMS."""
    return list(dict.fromkeys(stem(w) for w in WORD.findall(q)))[:MAX_TERMS]


class Fold(Func):
    """Unicode case folding inside SQLite (whose own LOWER() folds only ASCII letters)."""

    function = "waypoint_casefold"
    output_field = CharField()


@receiver(connection_created)
def _register_sqlite_functions(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "waypoint_casefold", 1, lambda v: v.casefold() if isinstance(v, str) else v, deterministic=True
        )


def mark_to_html(text: str) -> str:
    """Escape a headline and turn its match markers into <mark> elements; nothing else is HTML."""
    return escape(text).replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>")


def highlight(text: str, stems: list[str], width: int = 160) -> str:
    """A short excerpt of `text` around the first match of any stem, matches in <mark>, HTML-escaped."""
    text = " ".join((text or "").split())
    if not text:
        return ""
    folded = fold(text)
    # Case folding can change lengths (ß → ss); mark only when the folded text aligns.
    aligned = len(folded) == len(text)
    hits = sorted(
        (m.start(), m.end()) for s in stems if s and aligned for m in re.finditer(re.escape(s), folded)
    )
    start = max(0, hits[0][0] - width // 3) if hits else 0
    end = min(len(text), start + width)
    pieces, cursor = [], start
    for hit_start, hit_end in hits:
        if hit_start < cursor or hit_end > end:
            continue
        pieces.append(text[cursor:hit_start])
        pieces.append(MARK_START + text[hit_start:hit_end] + MARK_STOP)
        cursor = hit_end
    pieces.append(text[cursor:end])
    excerpt = "".join(pieces)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_to_html(prefix + excerpt + suffix)
