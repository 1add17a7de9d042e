"""Writes with side effects on contact points, and the rules a contact value must pass."""

from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import Conflict, Invalid
from core.viewer import Viewer

from .models import CompromisedValue, ContactPoint


def contact_point_verify(*, contact_point: ContactPoint, actor) -> ContactPoint:
    """Record that `actor` checked the contact still works today."""
    contact_point.last_verified_at = timezone.now()
    contact_point.last_verified_by = actor
    contact_point.save(update_fields=["last_verified_at", "last_verified_by", "version", "updated_at"])
    return contact_point


def contact_point_check_value(
    *, viewer: Viewer, channel: str, value: str, status: str, instance: ContactPoint | None = None
) -> None:
    """Refuse a value the network withdrew, and a second copy of a contact the viewer can see.

    `value` is already normalized, so case variants, `t.me` links and spaced phone numbers
    meet their marks and their twins.

    A value once marked compromised anywhere stays out of every active contact, whoever
    writes it, until the network office lifts the mark (`CompromisedValue`). The refusal
    names no organization: it tells only what the network has decided for everyone.

    A duplicate is refused only when the viewer can see the existing contact, and then it is
    named so they can edit that one. A copy the viewer cannot see is allowed: any refusal,
    however worded, would let a coordinator test whether a number or handle is another
    organization's restricted (or paused) contact, which is what restricted means to hide
    (docs/design.md, rule 3).
    """
    if status == ContactPoint.Status.ACTIVE and CompromisedValue.blocks(value):
        raise Invalid(
            _(
                "This value was marked compromised in the network and cannot be published as an "
                "active contact again. The network office can lift the mark once it is safe."
            ),
            field="value",
        )
    twins = ContactPoint.objects.visible_to(viewer).filter(channel=channel, value=value)
    if instance is not None and instance.pk is not None:
        twins = twins.exclude(pk=instance.pk)
    twin = twins.select_related("organization").order_by("pk").first()
    if twin is not None:
        raise Conflict(
            _("This contact already exists: #%(id)s of %(organization)s. Edit that one instead.")
            % {"id": twin.pk, "organization": twin.organization.name},
            field="value",
        )
