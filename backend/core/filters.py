"""Filter building blocks every list shares: free-text `q`, `updated_since`, code-list membership."""

from datetime import UTC

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from .serializers import COUNTRY_CHOICES
from .vocabulary import LANGUAGE_CHOICES, Topic


class CodeFilter(django_filters.ChoiceFilter):
    """Matches rows whose code-list column contains the given code."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("lookup_expr", "has")
        super().__init__(*args, **kwargs)


class CountryListFilter(django_filters.ChoiceFilter):
    """django-countries stores several codes as "DE,FR"; two-letter codes cannot straddle a comma."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", COUNTRY_CHOICES)
        kwargs.setdefault("lookup_expr", "contains")
        super().__init__(*args, **kwargs)


@extend_schema_field(OpenApiTypes.INT)
class IdFilter(django_filters.NumberFilter):
    """An object id: a whole number the database can hold; `1.5` or a 30-digit id is a 400, not a 500."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 2**63 - 1)
        super().__init__(*args, **kwargs)
        # A schema override replaces the generated description: carry the range and help text into it.
        schema = {"type": "integer", "minimum": self.extra["min_value"], "maximum": self.extra["max_value"]}
        if self.extra.get("help_text"):
            schema["description"] = str(self.extra["help_text"])
        extend_schema_field(schema)(self)


@extend_schema_field({"type": "integer", "minimum": 1})
class IdsFilter(django_filters.BaseInFilter, django_filters.NumberFilter):
    """Object ids, comma-separated (`3,8`), each a whole number the database can hold."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("lookup_expr", "in")
        super().__init__(*args, **kwargs)
        self.extra.setdefault("min_value", 1)
        self.extra.setdefault("max_value", 2**63 - 1)


class StrictBooleanField(forms.NullBooleanField):
    """`true`/`false` (or `1`/`0`); anything else is refused instead of silently dropping the filter."""

    widget = forms.TextInput
    default_error_messages = {"invalid": _("Enter true or false.")}

    def to_python(self, value):
        if value in (None, ""):
            return None
        lowered = str(value).strip().lower()
        if lowered in ("true", "1"):
            return True
        if lowered in ("false", "0"):
            return False
        raise ValidationError(self.error_messages["invalid"], code="invalid")


class StrictBooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField


class StaleFilter(StrictBooleanFilter):
    """`true`: only the rows the model's `stale_q()` selects; `false`: only the others."""

    def filter(self, qs, value):
        if value is None:
            return qs
        stale = qs.model.stale_q()
        return qs.filter(stale) if value else qs.exclude(stale)


class UtcIsoDateTimeField(django_filters.fields.IsoDateTimeField):
    """An ISO 8601 time, in UTC: PostgreSQL refuses offsets beyond ±15:59 (a 500), and a time
    that cannot be represented in UTC is refused here with a 400."""

    def to_python(self, value):
        value = super().to_python(value)
        if value is None:
            return None
        try:
            return value.astimezone(UTC)
        except (OverflowError, ValueError) as exc:
            message = "Enter a date and time that can be expressed in UTC."
            raise ValidationError(message, code="invalid") from exc


class UtcIsoDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UtcIsoDateTimeField


def language_filter(field_name: str = "languages") -> CodeFilter:
    return CodeFilter(field_name=field_name, choices=LANGUAGE_CHOICES, help_text="ISO 639-1 code.")


def topic_filter(field_name: str = "topics") -> CodeFilter:
    return CodeFilter(field_name=field_name, choices=Topic.choices)


class BaseFilterSet(django_filters.FilterSet):
    """Adds `q` (case-insensitive search over `search_fields`) and `updated_since`."""

    search_fields: tuple[str, ...] = ()

    q = django_filters.CharFilter(method="filter_q", max_length=200, help_text="Free-text search.")
    updated_since = UtcIsoDateTimeFilter(
        field_name="updated_at", lookup_expr="gte", help_text="Only objects changed at or after this time."
    )

    def filter_q(self, queryset, name, value):
        terms = value.split()
        for term in terms:
            condition = Q()
            for field in self.search_fields:
                condition |= Q(**{f"{field}__icontains": term})
            queryset = queryset.filter(condition)
        return queryset


class UnlessUnfilteredFilterBackend(DjangoFilterBackend):
    """Skips building and validating the filter form when the request names none of its filters.

    An unfiltered list, the most common request, then does not pay for a form of a dozen
    fields (two of them with hundreds of choices) that would filter nothing.
    """

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None and not set(request.query_params) & set(filterset_class.base_filters):
            return queryset
        return super().filter_queryset(request, queryset, view)
