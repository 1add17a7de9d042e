"""The search query (validated, so any input is a clear 400 or a result) and its answer."""

from django.conf import settings
from rest_framework import serializers

from core.serializers import COUNTRY_CHOICES
from core.vocabulary import LANGUAGE_CHOICES

from . import registry
from .text import MAX_QUERY_LENGTH

MAX_PAGE = 400


class SharedChoices:
    """A choice field copied without deep-copying its choices (the country list is long, and
    DRF copies every declared field for each request); the choices are never changed."""

    def __deepcopy__(self, memo):
        return self.__class__(*self._args, **self._kwargs)


class ChoiceField(SharedChoices, serializers.ChoiceField):
    pass


class TypeListField(serializers.ListField):
    """Accepts `type=a&type=b` and `type=a,b` alike; one error for the field, naming unknown types."""

    def to_internal_value(self, data):
        if isinstance(data, str):
            data = [data]
        items = list(
            dict.fromkeys(part.strip() for item in data for part in str(item).split(",") if part.strip())
        )
        known = registry.type_names()
        unknown = [item for item in items if item not in known]
        if unknown:
            named = ", ".join(repr(u[:40]) for u in unknown[:3])
            raise serializers.ValidationError(
                f"Unknown type {named}; choose from {', '.join(known)}.", code="invalid_choice"
            )
        if len(items) > len(known):
            raise serializers.ValidationError("Too many types.", code="max_length")
        return items


class UpperChoiceField(ChoiceField):
    def to_internal_value(self, data):
        return super().to_internal_value(str(data).strip().upper())


class SearchParamsSerializer(serializers.Serializer):
    q = serializers.CharField(
        max_length=MAX_QUERY_LENGTH,
        help_text=(
            'What to look for, in any language. Words are all required; "quoted phrases", '
            "`or` and `-excluded` words work as in web search engines. Other punctuation is ignored."
        ),
    )
    type = TypeListField(
        child=ChoiceField(choices=registry.type_names()),
        required=False,
        max_length=len(registry.type_names()),
        help_text="Only these types (repeat the parameter or separate with commas).",
    )
    language = ChoiceField(
        choices=LANGUAGE_CHOICES,
        required=False,
        help_text=(
            "ISO 639-1: only results in this language. "
            "Types without a language (country profiles) are left out."
        ),
    )
    country = UpperChoiceField(
        choices=COUNTRY_CHOICES,
        required=False,
        help_text="ISO 3166-1 alpha-2: only results about this country.",
    )
    page = serializers.IntegerField(min_value=1, max_value=MAX_PAGE, default=1, help_text="Page number.")
    page_size = serializers.IntegerField(
        min_value=1,
        max_value=settings.API_MAX_PAGE_SIZE,
        default=settings.REST_FRAMEWORK["PAGE_SIZE"],
        help_text=f"Results per page, at most {settings.API_MAX_PAGE_SIZE}.",
    )


class SearchHitSerializer(serializers.Serializer):
    type = ChoiceField(choices=registry.type_names())
    id = serializers.IntegerField()
    title = serializers.CharField(help_text="Plain text; escape it when you insert it into HTML.")
    snippet = serializers.CharField(
        help_text="An excerpt around the match: HTML-escaped text whose only elements are <mark>."
    )
    languages = serializers.ListField(child=serializers.CharField(), help_text="ISO 639-1 codes.")
    countries = serializers.ListField(child=serializers.CharField(), help_text="ISO 3166-1 alpha-2 codes.")
    url = serializers.CharField(allow_null=True, help_text="The API path of the object.")
    rank = serializers.FloatField(help_text="Relevance; results come best first.")


class SearchResultsSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="All results you may see, over every page.")
    counts = serializers.DictField(
        child=serializers.IntegerField(), help_text="Results per type, for the types searched."
    )
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = SearchHitSerializer(many=True)
