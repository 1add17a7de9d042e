"""Finding country profiles by the names of their countries, in the network's languages.

"France", "Франции", "Frankreich" and "FR" all find the profile of France: the search type
of country profiles adds these rows to what its text fields match.
"""

from functools import lru_cache

from django.db.models import Q
from django.utils import translation
from django_countries import countries

from search.text import WORD, fold, stem

COUNTRY_NAME_LANGUAGES = ("en", "ru", "de", "uk", "fr")


@lru_cache(maxsize=1)
def _country_names() -> tuple[tuple[str, str], ...]:
    """(folded name, code) for every country, in the languages the network works in."""
    names = set()
    for language in COUNTRY_NAME_LANGUAGES:
        with translation.override(language):
            for code, name in countries:
                names.add((fold(str(name)), code))
                names.add((fold(code), code))
    return tuple(sorted(names))


def countries_named(q: str) -> tuple[set[str], int]:
    """Countries the query names ("France", "Франции", "Frankreich", "FR"), and how many of
    the query's words those names take up."""
    words = [fold(w) for w in WORD.findall(q)]
    joined = " " + " ".join(words) + " "
    found: set[str] = set()
    used: set[int] = set()
    for name, code in _country_names():
        if " " in name or not name.isalpha():
            parts = WORD.findall(name)
            phrase = f" {' '.join(parts)} "
            if parts and phrase in joined:
                found.add(code)
                start = joined[: joined.index(phrase)].count(" ")
                used.update(range(start, start + len(parts)))
        elif len(name) == 2:
            if q.strip() == code:  # a bare code only when the whole query is that code, in capitals
                found.add(code)
                used.add(0)
        else:
            for index, word in enumerate(words):
                if word == name or (
                    len(name) >= 5 and word.startswith(stem(name)) and len(word) - len(stem(name)) <= 3
                ):
                    found.add(code)
                    used.add(index)
    return found, len(used)


def country_profiles_named(q: str) -> tuple[Q, float] | None:
    """Country profiles named by the query; the more of the query the name is, the higher they rank."""
    codes, used = countries_named(q)
    if not codes:
        return None
    words = max(len(WORD.findall(q)), 1)
    return Q(code__in=sorted(codes)), used / words


def country_title(country) -> str:
    return str(country.code.name)
