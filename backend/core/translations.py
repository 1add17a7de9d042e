"""Content in the reader's language: every translation is carried by the object it translates.

A translatable model keeps its original text in its own fields, the language of that text in
`source_language`, and all its translations in one JSON column `translations`:

    {"uk": {"label": "Гаряча лінія", "hours": "Пн-Пт 10-18", "machine": true,
            "written_at": "2026-12-06T05:00:00Z", "source_hashes": {"label": "3f2a…", "hours": "9b1c…"}}}

Why one JSON column, rather than django-modeltranslation (a column per field and language) or
a table of translations: the object and every language of it are one row, so sync carries all
translations with the object (the app switches language offline, docs/design.md), a list
reads no extra query, a new language needs no migration, and the change feed, ETags and
`If-Match` cover translations like any other field. A translation records a hash of each
source field as it stood when the translation was written; when the source changes, the hash
no longer matches and the translation is reported `outdated`.

The reader's languages (`?language=`, then `Accept-Language`) are read once per request by
`ReaderLanguageMiddleware`, as Django's own `LocaleMiddleware` activates the interface
language, so a representation compiled once (`core.representation`) can pick the text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from contextvars import ContextVar

from django.db import models
from django.utils import timezone
from django.utils.translation.trans_real import parse_accept_lang_header

from .vocabulary import LANGUAGE_CHOICES

LANGUAGES = frozenset(code for code, _ in LANGUAGE_CHOICES)
# What a stored translation holds besides its texts.
META_KEYS = ("machine", "written_at", "source_hashes")
HEADER_MAX = 500

_reader_languages: ContextVar[tuple[str, ...]] = ContextVar("reader_languages", default=())


class Translatable(models.Model):
    """An object whose human-readable fields (`translated_fields`) may carry translations."""

    translated_fields: tuple[str, ...] = ()

    source_language = models.CharField(
        max_length=8, default="en", help_text="ISO 639-1 code of the language the text fields are written in."
    )
    translations = models.JSONField(
        default=dict, blank=True, help_text="Translations by language (core.translations)."
    )

    class Meta:
        abstract = True


def reader_languages_of(query_language: str | None, accept_language: str) -> tuple[str, ...]:
    """The languages a request asks for, best first: `?language=`, then those of `Accept-Language`."""
    wanted = [query_language.lower()] if query_language else []
    for tag, _ in parse_accept_lang_header(accept_language[:HEADER_MAX]):
        if tag != "*":
            wanted.append(tag.split("-")[0].lower())
    return tuple(code for code in dict.fromkeys(wanted) if code in LANGUAGES)


def reader_languages() -> tuple[str, ...]:
    """The languages the current request asks for (empty outside a request or when it names none)."""
    return _reader_languages.get()


class ReaderLanguageMiddleware:
    """Reads the reader's languages once per request, for every representation it answers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _reader_languages.set(
            reader_languages_of(request.GET.get("language"), request.headers.get("Accept-Language", ""))
        )
        try:
            return self.get_response(request)
        finally:
            _reader_languages.reset(token)


def source_hash(text: str) -> str:
    return hashlib.sha256((text or "").encode()).hexdigest()[:16]


def is_outdated(entry: Mapping, sources: Mapping[str, str]) -> bool:
    """Whether a source field changed (or gained text) since the translation was written."""
    hashes = entry.get("source_hashes", {})
    return any(hashes.get(name) != source_hash(text) for name, text in sources.items())


def texts_of(entry: Mapping, fields: Iterable[str]) -> dict[str, str]:
    return {name: entry[name] for name in fields if entry.get(name)}


def presented(stored: Mapping | None, sources: Mapping[str, str]) -> dict:
    """The API's form of the stored translations: texts, `machine`, `written_at` and `outdated`."""
    return {
        language: {
            **texts_of(entry, sources),
            "machine": bool(entry.get("machine")),
            "written_at": entry.get("written_at"),
            "outdated": is_outdated(entry, sources),
        }
        for language, entry in sorted((stored or {}).items())
    }


def languages_available(source_language: str, stored: Mapping | None) -> list[str]:
    return [source_language, *sorted(code for code in stored or {} if code != source_language)]


def localized(source_language: str, stored: Mapping | None, sources: Mapping[str, str]) -> dict:
    """The text in the first language the reader asks for that exists, else the original (a fallback)."""
    stored = stored or {}
    wanted = reader_languages()
    language = next((code for code in wanted if code == source_language or code in stored), source_language)
    entry = stored.get(language) if language != source_language else None
    texts = dict(sources) if entry is None else {name: entry.get(name) or sources[name] for name in sources}
    return {
        "language": language,
        "fallback": bool(wanted) and language != wanted[0],
        "outdated": entry is not None and is_outdated(entry, sources),
        **texts,
    }


class TranslationError(ValueError):
    """A sent translation that cannot be kept; `field` names where (a language or language.field)."""

    def __init__(self, message: str, field: str):
        super().__init__(message)
        self.field = field


def merged(
    *, sent: Mapping, stored: Mapping | None, sources: Mapping[str, str], source_language: str
) -> dict:
    """The translations to store once `sent` (the whole set, by language) is written.

    A language whose texts and `machine` mark are as stored keeps its stamp, so sending back
    what was read changes nothing and an outdated translation stays outdated; one whose text
    changed, or sent with `outdated: false` (a reviewer confirming it still matches), is
    stamped against the current source. A written translation covers every source field
    that has text, so a reader never gets a mix of languages from one fresh translation.
    """
    stored = stored or {}
    result = {}
    for language, entry in sent.items():
        if language == source_language:
            raise TranslationError(f"The original text is in {language!r} already.", language)
        old = stored.get(language, {})
        texts = texts_of(entry, sources)
        machine = bool(entry.get("machine", False))
        confirmed = entry.get("outdated") is False and old and is_outdated(old, sources)
        if old and texts == texts_of(old, sources) and machine == bool(old.get("machine")) and not confirmed:
            result[language] = dict(old)
            continue
        missing = [name for name, text in sources.items() if text and name not in texts]
        if missing:
            raise TranslationError(f"Translate every field that has text: {', '.join(missing)}.", language)
        result[language] = {
            **texts,
            "machine": machine,
            "written_at": timezone.now().isoformat().replace("+00:00", "Z"),
            "source_hashes": {name: source_hash(text) for name, text in sources.items()},
        }
    return result


def stamped(sources: Mapping[str, str], texts: Mapping[str, str], *, machine: bool, written_at: str) -> dict:
    """One stored translation of `sources`, written at `written_at` (demo and directory loaders)."""
    return {
        **texts,
        "machine": machine,
        "written_at": written_at,
        "source_hashes": {name: source_hash(text) for name, text in sources.items()},
    }


def indexed_text(stored: Mapping | None) -> str:
    """The texts of every translation, for the search index."""
    return " ".join(
        text
        for entry in (stored or {}).values()
        for key, text in entry.items()
        if key not in META_KEYS and isinstance(text, str)
    )
