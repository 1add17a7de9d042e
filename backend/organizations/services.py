"""Writes with side effects on contact points."""

from django.utils import timezone

from .models import ContactPoint


def contact_point_verify(*, contact_point: ContactPoint, actor) -> ContactPoint:
    """Record that `actor` checked the contact still works today."""
    contact_point.last_verified_at = timezone.now()
    contact_point.last_verified_by = actor
    contact_point.save(update_fields=["last_verified_at", "last_verified_by", "version", "updated_at"])
    return contact_point
