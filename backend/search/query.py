"""A web-search query read once, then written as PostgreSQL `tsquery` or SQLite FTS5 syntax.

Hand-written because the query must become lexemes by our own normalizer before either
database sees it (`websearch_to_tsquery` would stem by a PostgreSQL configuration, and
FTS5 has no web-search syntax). It follows `websearch_to_tsquery`: words are all required,
`"quoted words"` and hyphenated words are phrases, `or` between two items makes either one
enough, `-item` excludes. Anything else is text: every lexeme is quoted in the output, so
no input can inject an operator. A number of four digits or more is matched as a prefix,
so part of a phone number finds it (the index keeps a number's suffixes, see `lexemes`);
shorter ones match whole, or "1" would find every number. A query with nothing
required matches nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexemes import MIN_DIGITS, WORD, lexeme

MAX_TERMS = 12
TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@dataclass(frozen=True)
class Item:
    """A word or phrase: its lexemes in order."""

    lexemes: tuple[str, ...]

    def tsquery(self) -> str:
        if len(self.lexemes) == 1:
            return _ts_lexeme(self.lexemes[0], prefix=True)
        return "(" + " <-> ".join(_ts_lexeme(lex, prefix=False) for lex in self.lexemes) + ")"

    def fts5(self) -> str:
        joined = " ".join(self.lexemes)
        return f'"{joined}"*' if len(self.lexemes) == 1 and _is_prefix(joined) else f'"{joined}"'


def _is_prefix(lex: str) -> bool:
    return lex.isdigit() and len(lex) >= MIN_DIGITS


def _ts_lexeme(lex: str, *, prefix: bool) -> str:
    return f"'{lex}':*" if prefix and _is_prefix(lex) else f"'{lex}'"


@dataclass(frozen=True)
class Query:
    """Groups that must all match (each a set of alternatives), and items that must not."""

    required: tuple[tuple[Item, ...], ...]
    excluded: tuple[Item, ...]

    @property
    def empty(self) -> bool:
        return not self.required

    def lexemes(self) -> set[str]:
        return {lex for group in self.required for item in group for lex in item.lexemes}

    def tsquery(self) -> str:
        groups = [" | ".join(item.tsquery() for item in group) for group in self.required]
        text = " & ".join(f"({group})" for group in groups)
        return text + "".join(f" & !{item.tsquery()}" for item in self.excluded)

    def fts5(self) -> str:
        groups = [" OR ".join(item.fts5() for item in group) for group in self.required]
        text = "(" + " AND ".join(f"({group})" for group in groups) + ")"
        return text + "".join(f" NOT {item.fts5()}" for item in self.excluded)


def parse(q: str) -> Query:
    """Read `q` as a web-search query; at most MAX_TERMS lexemes are kept."""
    required: list[list[Item]] = []
    excluded: list[Item] = []
    budget = MAX_TERMS
    join_next = False
    for match in TOKEN.finditer(q):
        minus, quoted, bare = match.groups()
        if bare is not None and bare.lower() == "or":
            join_next = bool(required)
            continue
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            minus, bare = "-", bare[1:]
        words = WORD.findall(quoted if bare is None else bare)[:budget]
        if not words:
            continue
        budget -= len(words)
        item = Item(tuple(lexeme(word) for word in words))
        if minus:
            excluded.append(item)
        elif join_next:
            required[-1].append(item)
        else:
            required.append([item])
        join_next = False
        if budget <= 0:
            break
    return Query(tuple(tuple(group) for group in required), tuple(excluded))
