"""The monthly digest of stale contact points: who gets one, and what it lists.

Each coordinator gets one e-mail for the organizations they coordinate that have active
contact points gone stale (never verified, or not within CONTACT_STALE_DAYS); nobody gets
an empty one. A contact is named by its label and channel only, never by its value: an
inbox may be read by others, and a number or handle of a counseling line is what the
people at risk must not lose to them.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model

from accounts.models import Membership
from organizations.models import ContactPoint

from .models import MailPreferences


@dataclass(frozen=True)
class StaleContact:
    label: str
    channel: str
    last_verified_at: datetime | None


@dataclass(frozen=True)
class StaleGroup:
    organization: str
    contacts: list[StaleContact]


def _stale():
    return ContactPoint.objects.filter(ContactPoint.reminder_q())


def digest_recipients() -> list[int]:
    """Ids of active coordinators with an address, the digest on, and stale contacts to hear of."""
    opted_out = MailPreferences.objects.filter(stale_digest=False).values("user_id")
    return list(
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__role=Membership.Role.COORDINATOR,
            memberships__organization_id__in=_stale().values("organization_id"),
        )
        .exclude(email="")
        .exclude(pk__in=opted_out)
        .order_by("pk")
        .values_list("pk", flat=True)
        .distinct()
    )


def stale_groups(user) -> list[StaleGroup]:
    """The stale contacts of the organizations `user` coordinates now, by organization."""
    coordinated = Membership.objects.filter(user=user, role=Membership.Role.COORDINATOR).values(
        "organization_id"
    )
    contacts = (
        _stale()
        .filter(organization_id__in=coordinated)
        .select_related("organization")
        .order_by("organization__name", "organization_id", "label", "pk")
    )
    groups: dict[int, StaleGroup] = {}
    for cp in contacts:
        group = groups.setdefault(cp.organization_id, StaleGroup(cp.organization.name, []))
        # The channel's name stays lazy: it is written in the recipient's language with the message.
        channel = ContactPoint.Channel(cp.channel).label
        group.contacts.append(StaleContact(cp.label, channel, cp.last_verified_at))
    return list(groups.values())
