"""Text to lexemes: one normalizer for stored documents and queries, on every database.

Search is one stored index on both databases (PostgreSQL and SQLite), and both must find
the same rows, so words are reduced to lexemes here, in Python, once per write, and the
databases only compare lexemes. Neither database can do it alone: PostgreSQL has no
Ukrainian configuration and SQLite's FTS5 stems English only.

Each word becomes exactly one lexeme, so phrases keep their word positions:

- Cyrillic words go through pymorphy3's dictionaries, Russian first, then Ukrainian (a
  lemmatizer, not a suffix cutter: "притулку" and "притулок" both become "притулок",
  which no stemmer finds, and Ukrainian has no Snowball stemmer). A word neither
  dictionary knows is guessed by the Ukrainian predictor when it has a letter only
  Ukrainian uses (і ї є ґ), otherwise by the Russian one. Belarusian falls to the
  predictors: consistent, if cruder.
- Latin words go through the Snowball English stemmer, then the German one: one function
  for both languages, since a single word rarely says which it is ("claims" → "claim",
  "Beratungen" → "berat", "Anhörung" → "anhor"). Other Latin-script languages get the
  same treatment, which is consistent for queries and text alike.
- A number is kept as written and, joined across spaces, dashes and brackets ("+49 30
  1234-56"), also whole and as every suffix of four digits or more, so a query for any
  part of a phone number finds it by prefix.
- Other scripts (Georgian, Armenian...) are case-folded only.
"""

# ruff: noqa: RUF001, RUF002 (Cyrillic letters are the point here)
from __future__ import annotations

import re
from functools import lru_cache

import pymorphy3
import snowballstemmer

# Underscores separate words too: "@free_help_12" is found by "free help".
WORD = re.compile(r"[^\W_]+", re.UNICODE)
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN_END = 0x250  # Basic Latin to Latin Extended-B
UKRAINIAN_ONLY = re.compile(r"[іїєґ]")
NUMBER = re.compile(r"\d(?:[\d\s().\-/]*\d)?")
MIN_DIGITS = 4


@lru_cache(maxsize=1)
def _analyzers():
    return pymorphy3.MorphAnalyzer(lang="ru"), pymorphy3.MorphAnalyzer(lang="uk")


@lru_cache(maxsize=1)
def _stemmers():
    return snowballstemmer.stemmer("english"), snowballstemmer.stemmer("german")


def _cyrillic(word: str) -> str:
    russian, ukrainian = _analyzers()
    word = word.replace("ё", "е")
    if russian.word_is_known(word):
        analyzer = russian
    elif ukrainian.word_is_known(word) or UKRAINIAN_ONLY.search(word):
        analyzer = ukrainian
    else:
        analyzer = russian
    return analyzer.parse(word)[0].normal_form.replace("ё", "е")


def _latin(word: str) -> str:
    english, german = _stemmers()
    return german.stemWord(english.stemWord(word))


@lru_cache(maxsize=200_000)
def lexeme(word: str) -> str:
    """The one lexeme of a word (a match of WORD); the same on every database."""
    word = word.casefold()
    if word.isdigit():
        return word
    if CYRILLIC.search(word):
        found = _cyrillic(word)
    elif all(ord(char) < LATIN_END for char in word):
        found = _latin(word)
    else:
        return word
    # A lemma may hold a hyphen ("кто-то"); keep one token, as the index stores tokens.
    return "".join(WORD.findall(found)) or word


def number_lexemes(text: str) -> list[str]:
    """Each number of `text` joined into one digit run (when written in parts), and every
    suffix of it from MIN_DIGITS digits on, for prefix queries."""
    found = []
    for match in NUMBER.finditer(text):
        digits = "".join(char for char in match.group() if char.isdigit())
        if digits != match.group():
            found.append(digits)
        found += [digits[start:] for start in range(1, len(digits) - MIN_DIGITS + 1)]
    return found


def lexemes(text: str) -> list[str]:
    """The lexemes of `text` in order (a stored field); numbers' extra forms follow the text."""
    text = text or ""
    return [lexeme(word) for word in WORD.findall(text)] + number_lexemes(text)
