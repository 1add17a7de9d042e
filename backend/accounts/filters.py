"""List filters for memberships, invitations and user accounts."""

import django_filters
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from core.filters import BaseFilterSet, IdFilter, StrictBooleanFilter

from .models import Invitation, Membership


class MembershipFilter(BaseFilterSet):
    organization = IdFilter(field_name="organization_id")
    organization_slug = django_filters.CharFilter(field_name="organization__slug", max_length=80)
    user = IdFilter(field_name="user_id")
    role = django_filters.ChoiceFilter(choices=Membership.Role.choices)

    search_fields = ("user__username", "user__first_name", "user__last_name", "organization__name")

    class Meta:
        model = Membership
        fields = []


class InvitationFilter(django_filters.FilterSet):
    organization = IdFilter(field_name="organization_id")
    role = django_filters.ChoiceFilter(choices=Membership.Role.choices)
    status = django_filters.ChoiceFilter(choices=Invitation.Status.choices, method="filter_status")
    email = django_filters.CharFilter(lookup_expr="icontains", max_length=254)

    class Meta:
        model = Invitation
        fields = []

    def filter_status(self, queryset, name, value):
        now = timezone.now()
        if value == Invitation.Status.ACCEPTED:
            return queryset.filter(accepted_at__isnull=False)
        if value == Invitation.Status.EXPIRED:
            return queryset.filter(accepted_at__isnull=True, expires_at__lte=now)
        return queryset.filter(accepted_at__isnull=True, expires_at__gt=now)


class UserFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", max_length=200, help_text="Free-text search.")
    is_active = StrictBooleanFilter()
    organization = IdFilter(field_name="memberships__organization_id", distinct=True)

    class Meta:
        model = get_user_model()
        fields = []

    def filter_q(self, queryset, name, value):
        for term in value.split():
            queryset = queryset.filter(
                Q(username__icontains=term)
                | Q(email__icontains=term)
                | Q(first_name__icontains=term)
                | Q(last_name__icontains=term)
            )
        return queryset
