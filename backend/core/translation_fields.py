"""The API side of `core.translations`: the fields a translatable object's serializer declares.

`translatable(Model, limits)` is the base a translatable object's serializer adds: the four
fields every translatable representation has — `source_language`, `translations` (all of
them: what sync carries), `languages_available` and `localized` (the text in the reader's
language, with the fallback declared) — with `computed_fields` saying how the compiled
representation makes the read-only ones, and `validate` stamping the translations a write
sends.
"""

from __future__ import annotations

from collections.abc import Mapping

from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail

from .representation import Computed
from .serializers import CodeListField, value_after
from .translations import (
    LANGUAGES,
    TranslationError,
    languages_available,
    localized,
    merged,
    presented,
)
from .vocabulary import LANGUAGE_CHOICES


def _sources(model, values) -> dict[str, str]:
    return {name: value or "" for name, value in zip(model.translated_fields, values, strict=True)}


class TranslationsField(serializers.DictField):
    """Every translation by ISO 639-1 code; written as a whole set (a language left out is removed)."""

    # Documented in the contract's error codes of the field (drf-standardized-errors reads them).
    default_error_messages = {
        "unknown_language": "{code}: not an ISO 639-1 language code.",
        "untranslatable": "{message}",
        "invalid": "{message}",
    }

    def __init__(self, model, child, **kwargs):
        self.model = model
        kwargs.setdefault("required", False)
        super().__init__(child=child, source="*", **kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance):
        sources = {name: getattr(instance, name) or "" for name in self.model.translated_fields}
        return presented(instance.translations, sources)

    def to_internal_value(self, data):
        # Errors name their language and field in the message, under `translations` itself: the
        # contract documents error attributes by field, and a language code is no field.
        if isinstance(data, Mapping):
            unknown = [code for code in data if code not in LANGUAGES]
            if unknown:
                raise serializers.ValidationError(
                    [self.error_messages["unknown_language"].format(code=code) for code in unknown],
                    code="unknown_language",
                )
        try:
            return {"translations": super().to_internal_value(data)}
        except serializers.ValidationError as exc:
            raise serializers.ValidationError(_flattened(exc.detail), code="invalid") from exc


def _flattened(detail, path: str = "") -> list[str]:
    """Nested error messages as "uk.label: message"."""
    if isinstance(detail, Mapping):
        return [
            message
            for key, value in detail.items()
            for message in _flattened(value, f"{path}.{key}" if path else str(key))
        ]
    if isinstance(detail, list):
        return [message for value in detail for message in _flattened(value, path)]
    return [f"{path}: {detail}" if path else str(detail)]


class SourceLanguageField(serializers.ChoiceField):
    """The language the text fields are written in (ISO 639-1)."""

    default_error_messages = {"translated": "There is a translation into {code}: remove it first."}

    def __init__(self):
        super().__init__(LANGUAGE_CHOICES, required=False, help_text=self.__doc__)


class LanguagesAvailableField(CodeListField):
    """The original language first, then each translated one."""

    def __init__(self):
        super().__init__(LANGUAGE_CHOICES, source="*", read_only=True, help_text=self.__doc__)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance):
        return languages_available(instance.source_language, instance.translations)


def _entry_serializer(model, limits: Mapping[str, int]) -> type[serializers.Serializer]:
    """The schema of one translation of `model`: its texts (as long as the originals may be) and marks."""
    texts = {
        name: serializers.CharField(required=False, allow_blank=True, max_length=limits[name])
        for name in model.translated_fields
    }
    marks = {
        "machine": serializers.BooleanField(
            required=False, default=False, help_text="Machine-made, not yet reviewed by a person."
        ),
        "written_at": serializers.DateTimeField(
            read_only=True, help_text="When this translation was written."
        ),
        "outdated": serializers.BooleanField(
            required=False,
            help_text=(
                "The original changed after this translation was written. Send `false` to confirm "
                "that the translation still matches."
            ),
        ),
    }
    return type(f"{model.__name__}Translation", (serializers.Serializer,), {**texts, **marks})


def _localized_serializer(model) -> type[serializers.Serializer]:
    """The schema of `localized`: the texts in one language and which language that is."""

    def to_representation(self, instance):
        sources = {name: getattr(instance, name) or "" for name in model.translated_fields}
        return localized(instance.source_language, instance.translations, sources)

    declared = {
        "language": serializers.CharField(
            read_only=True, help_text="The language of the texts below (ISO 639-1)."
        ),
        "fallback": serializers.BooleanField(
            read_only=True,
            help_text="The language asked for (`?language=`, else Accept-Language) has no translation: "
            "the texts are in `language` instead.",
        ),
        "outdated": serializers.BooleanField(
            read_only=True, help_text="The original changed after this translation was written."
        ),
        **{name: serializers.CharField(read_only=True) for name in model.translated_fields},
        "to_representation": to_representation,
    }
    return type(f"{model.__name__}Localized", (serializers.Serializer,), declared)


def _declared_fields(model, limits: Mapping[str, int]) -> dict[str, serializers.Field]:
    return {
        "source_language": SourceLanguageField(),
        "translations": TranslationsField(model, _entry_serializer(model, limits)()),
        "languages_available": LanguagesAvailableField(),
        "localized": _localized_serializer(model)(
            source="*",
            read_only=True,
            help_text="The texts in the reader's language (`?language=`, else Accept-Language) when it "
            "exists, otherwise in the original language.",
        ),
    }


def _computed(model) -> dict[str, Computed]:
    fields = model.translated_fields
    return {
        "translations": Computed(
            ("translations", *fields), lambda stored, *values: presented(stored, _sources(model, values))
        ),
        "languages_available": Computed(("source_language", "translations"), languages_available),
        "localized": Computed(
            ("source_language", "translations", *fields),
            lambda language, stored, *values: localized(language, stored, _sources(model, values)),
        ),
    }


TRANSLATABLE_FIELD_NAMES = ["source_language", "translations", "languages_available", "localized"]


class TranslatableMixin:
    """Stamps the translations a write sends against the source texts it leaves (`translations.merged`)."""

    computed_fields: dict[str, Computed] = {}

    def validate(self, attrs):
        attrs = super().validate(attrs)
        model = self.Meta.model
        source_language = value_after(self, attrs, "source_language") or "en"
        if "translations" in attrs:
            sources = {name: value_after(self, attrs, name) or "" for name in model.translated_fields}
            stored = getattr(self.instance, "translations", None)
            try:
                attrs["translations"] = merged(
                    sent=attrs["translations"],
                    stored=stored,
                    sources=sources,
                    source_language=source_language,
                )
            except TranslationError as exc:
                message = ErrorDetail(f"{exc.language}: {exc}", code="untranslatable")
                raise serializers.ValidationError({"translations": [message]}) from exc
        elif source_language in (getattr(self.instance, "translations", None) or {}):
            text = self.fields["source_language"].error_messages["translated"].format(code=source_language)
            message = ErrorDetail(text, code="translated")
            raise serializers.ValidationError({"source_language": [message]})
        return attrs


def translatable(model, limits: Mapping[str, int]) -> type:
    """A serializer base for `model`: the translation fields, their computed reads and stamping.

    `limits` are the lengths the original fields may have; a translation may be as long. The
    serializer lists `TRANSLATABLE_FIELD_NAMES` in its `Meta.fields` and merges this base's
    `computed_fields` into its own.
    """
    return type(
        f"{model.__name__}TranslatableBase",
        (TranslatableMixin, serializers.Serializer),
        {**_declared_fields(model, limits), "computed_fields": _computed(model)},
    )
