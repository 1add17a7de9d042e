"""Producers: the one place that decides who is told what, written as plain functions services call.

`notify()` stores a notification for an organization and, once the transaction has
committed, sends `notification_created`; an e-mail or push sender subscribes to that
signal and needs no change here. Every producer names its event in a `dedupe_key`, so
running it twice (a retried request, the demo loaded again) stores one notification.
"""

from django.db import IntegrityError, transaction
from django.dispatch import Signal

from core.visibility import audience_of
from organizations.models import ContactPoint
from resources.models import Resource

from .models import Notification

notification_created = Signal()  # sent with `notification=` after the creating transaction commits


def notify(
    *,
    organization_id: int,
    kind: str,
    text: str,
    actor=None,
    actor_organization_id: int | None = None,
    resource=None,
    related_resource=None,
    response=None,
    contact_point=None,
    dedupe_key: str = "",
) -> Notification | None:
    """Store one notification; None when the dedupe key says it was already stored."""
    if (
        dedupe_key
        and Notification.objects.filter(organization_id=organization_id, dedupe_key=dedupe_key).exists()
    ):
        return None
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                organization_id=organization_id,
                kind=kind,
                text=text[:400],
                actor=actor if getattr(actor, "is_authenticated", False) else None,
                actor_organization_id=actor_organization_id,
                resource=resource,
                related_resource=related_resource,
                response=response,
                contact_point=contact_point,
                dedupe_key=dedupe_key,
            )
    except IntegrityError:  # a concurrent producer stored the same dedupe key first
        return None
    transaction.on_commit(lambda: notification_created.send(sender=Notification, notification=notification))
    return notification


def _tell_resource_owner(*, response, kind: str, did: str, event: str, actor) -> None:
    """Tell the resource's organization what the responding organization `did` about it."""
    resource = response.resource
    notify(
        organization_id=resource.organization_id,
        kind=kind,
        text=f"{response.organization.name} {did} “{resource.title}”.",
        actor=actor,
        actor_organization_id=response.organization_id,
        resource=resource,
        response=response,
        dedupe_key=f"response:{response.pk}:{event}",
    )


def response_received(*, response, actor) -> None:
    _tell_resource_owner(
        response=response,
        kind=Notification.Kind.RESPONSE_RECEIVED,
        did="responded to",
        event="received",
        actor=actor,
    )


def response_decided(*, response, actor) -> None:
    resource = response.resource
    accepted = response.status == response.Status.ACCEPTED
    notify(
        organization_id=response.organization_id,
        kind=Notification.Kind.RESPONSE_ACCEPTED if accepted else Notification.Kind.RESPONSE_DECLINED,
        text=(
            f"{resource.organization.name} {'accepted' if accepted else 'declined'} "
            f"your response to “{resource.title}”."
        ),
        actor=actor,
        actor_organization_id=resource.organization_id,
        resource=resource,
        response=response,
        dedupe_key=f"response:{response.pk}:{response.status}",
    )


def response_withdrawn(*, response, actor) -> None:
    _tell_resource_owner(
        response=response,
        kind=Notification.Kind.RESPONSE_WITHDRAWN,
        did="withdrew its response to",
        event="withdrawn",
        actor=actor,
    )


def message_posted(*, message, actor) -> None:
    """Tell the other side of the thread; both sides when the network office wrote."""
    response = message.response
    resource = response.resource
    sides = {response.organization_id, resource.organization_id} - {message.organization_id}
    author = message.organization.name if message.organization_id else "The network office"
    for organization_id in sorted(sides):
        notify(
            organization_id=organization_id,
            kind=Notification.Kind.MESSAGE_RECEIVED,
            text=f"{author} wrote on the response to “{resource.title}”.",
            actor=actor,
            actor_organization_id=message.organization_id,
            resource=resource,
            response=response,
            dedupe_key=f"message:{message.pk}",
        )


def resource_matched(*, resource, actor) -> int:
    """Tell other organizations that `resource` fits one of their open resources.

    Only organizations whose members may see `resource` are told; a restricted resource
    matches nobody outside its organization. Returns how many were told.
    """
    if resource.effective_status != Resource.Status.OPEN:
        return 0
    audience = audience_of(resource)
    told = 0
    for theirs in Resource.objects.matching(resource).select_related("organization")[:200]:
        if not audience.admits_members_of(theirs.organization_id):
            continue
        created = notify(
            organization_id=theirs.organization_id,
            kind=Notification.Kind.NEW_MATCH,
            text=(
                f"{resource.organization.name}'s {resource.get_kind_display().lower()} "
                f"“{resource.title}” fits your {theirs.get_kind_display().lower()} “{theirs.title}”."
            ),
            actor=actor,
            actor_organization_id=resource.organization_id,
            resource=theirs,
            related_resource=resource,
            dedupe_key=f"match:{theirs.pk}:{resource.pk}",
        )
        told += created is not None
    return told


def stale_contacts(*, organization_ids) -> int:
    """Store a notice for each active contact point of these organizations that went stale.

    Run daily by the worker (inbox.tasks), since contacts go stale with time alone. The key
    holds the last verification, so a contact that is verified and goes stale again is
    announced again, and running twice stores nothing new. Returns how many were stored.
    """
    stale = list(
        ContactPoint.objects.filter(ContactPoint.reminder_q(), organization_id__in=organization_ids).only(
            "id", "organization_id", "label", "channel", "value", "last_verified_at"
        )
    )
    if not stale:
        return 0
    keys = {cp.pk: _stale_key(cp) for cp in stale}
    known = set(
        Notification.objects.filter(
            organization_id__in=organization_ids, dedupe_key__in=list(keys.values())
        ).values_list("organization_id", "dedupe_key")
    )
    fresh = []
    for cp in stale:
        if (cp.organization_id, keys[cp.pk]) in known:
            continue
        name = cp.label or f"{cp.get_channel_display()} {cp.value}"
        state = "was never verified" if cp.last_verified_at is None else "needs verification"
        fresh.append(
            Notification(
                organization_id=cp.organization_id,
                kind=Notification.Kind.CONTACT_STALE,
                text=f"Contact point “{name}” {state}."[:400],
                contact_point=cp,
                dedupe_key=keys[cp.pk],
            )
        )
    if not fresh:
        return 0
    try:
        with transaction.atomic():
            created = Notification.objects.bulk_create(fresh)
    except IntegrityError:  # another worker stored them first
        return 0
    for notification in created:
        transaction.on_commit(
            lambda n=notification: notification_created.send(sender=Notification, notification=n)
        )
    return len(created)


def _stale_key(cp) -> str:
    verified = cp.last_verified_at.isoformat() if cp.last_verified_at else "never"
    return f"stale:{cp.pk}:{verified}"


def webhook_disabled(*, endpoint) -> None:
    """Tell an organization that one of its webhook endpoints was disabled after repeated failures."""
    notify(
        organization_id=endpoint.organization_id,
        kind=Notification.Kind.WEBHOOK_DISABLED,
        text=f"The webhook to {endpoint.url} was disabled after repeated failed deliveries.",
        dedupe_key=f"webhook:{endpoint.pk}:disabled:{endpoint.disabled_at.isoformat()}",
    )
