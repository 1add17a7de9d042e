"""Text helpers shared by search and its types: query limits, case folding, snippets.

Matching itself happens in the index (`lexemes`, `query`, `services`); here a snippet
marks the words of a hit whose lexemes the query asked for, so what is marked is exactly
what matched, on every database.
"""

import re
from html import escape

from . import lexemes as words

MAX_QUERY_LENGTH = 200
WORD = re.compile(r"\w+", re.UNICODE)
MARK_START, MARK_STOP = "\x02", "\x03"


def fold(text: str) -> str:
    return text.casefold()


def stem(word: str) -> str:
    """A crude, language-neutral stem for names (countries): drop a short inflection ending."""
    word = fold(word)
    if len(word) >= 7:
        return word[:-2]
    if len(word) >= 5:
        return word[:-1]
    return word


def mark_to_html(text: str) -> str:
    """Escape a snippet and turn its match markers into <mark> elements; nothing else is HTML."""
    return escape(text).replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>")


def _matches(word: str, wanted: set[str]) -> bool:
    found = words.lexeme(word)
    if found in wanted:
        return True
    return found.isdigit() and any(
        lex.isdigit() and len(lex) >= words.MIN_DIGITS and lex in found for lex in wanted
    )


def highlight(text: str, wanted: set[str], width: int = 160) -> str:
    """A short excerpt of `text` around the first word whose lexeme is wanted, those words in
    <mark>, HTML-escaped."""
    text = " ".join((text or "").split())
    if not text:
        return ""
    hits = [m.span() for m in words.WORD.finditer(text) if _matches(m.group(), wanted)]
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
