"""Audit log filters: which object, who, when (imported by the view, once every type is registered)."""

import django_filters

from core.filters import IdFilter, UtcIsoDateTimeFilter

from .models import Change
from .registry import type_choices


class ChangeFilter(django_filters.FilterSet):
    object_type = django_filters.ChoiceFilter(
        choices=type_choices(), help_text="The type of the changed object."
    )
    object_id = django_filters.CharFilter(
        max_length=64, help_text="The changed object's id (a country's code); use with `object_type`."
    )
    actor = IdFilter(field_name="actor_id", help_text="Id of the user who made the change.")
    action = django_filters.ChoiceFilter(choices=Change.Action.choices)
    since = UtcIsoDateTimeFilter(field_name="at", lookup_expr="gte", help_text="At or after this time.")
    until = UtcIsoDateTimeFilter(field_name="at", lookup_expr="lt", help_text="Before this time.")
    after = IdFilter(
        field_name="seq", lookup_expr="gt", min_value=0, help_text="Only entries after this sequence number."
    )

    class Meta:
        model = Change
        fields: list[str] = []
