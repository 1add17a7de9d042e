"""Inbox filters: by kind, organization and read state."""

import django_filters

from core.filters import IdFilter, StrictBooleanFilter

from .models import Notification


class NotificationFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Notification.Kind.choices)
    organization = IdFilter(field_name="organization_id")
    unread = StrictBooleanFilter(method="filter_unread", help_text="true: only what you have not read.")

    class Meta:
        model = Notification
        fields = []

    def filter_unread(self, queryset, name, value):
        return queryset.filter(read=not value)
