"""Writes with side effects on invitations, memberships and sessions.

Each runs in one transaction with the change feed rows its saves produce. An
organization is never left without a coordinator by one of its own coordinators:
only the network office may do that, since only it can appoint a new one.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from core import rules
from core.errors import Conflict, InvalidTransition
from core.locks import lock_for_write
from core.secrets import new_secret
from core.viewer import Viewer
from mail.models import MailPreferences
from mail.tasks import send_invitation
from organizations.models import Organization

from .models import AuthSession, Invitation, Membership


@transaction.atomic
def invitation_create(*, data: dict, actor) -> tuple[Invitation, str]:
    """Create an invitation from validated `data`; returns it with its clear token (never stored)."""
    token, token_hash = new_secret()
    expires_at = data.get("expires_at") or timezone.now() + timedelta(days=settings.INVITATION_DEFAULT_DAYS)
    invitation = Invitation.objects.create(
        email=data["email"],
        organization=data["organization"],
        role=data.get("role", Membership.Role.MEMBER),
        language=data.get("language", settings.LANGUAGE_CODE),
        expires_at=expires_at,
        token_hash=token_hash,
        created_by=actor,
    )
    send_invitation.enqueue(invitation.pk)
    return invitation, token


@transaction.atomic
def invitation_resend(*, invitation: Invitation, viewer: Viewer) -> None:
    """E-mail a pending invitation's link again; the link sent before stops working."""
    rules.check_may_write(viewer, invitation.organization_id)
    if not invitation.is_usable:
        raise InvalidTransition("This invitation was already used or has expired.", field=None)
    send_invitation.enqueue(invitation.pk)


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, viewer: Viewer) -> None:
    """Delete a pending or expired invitation of an organization `viewer` coordinates, so its token fails."""
    rules.check_may_write(viewer, invitation.organization_id)
    if invitation.accepted_at is not None:
        raise InvalidTransition(
            "This invitation was already accepted; remove the membership instead.", field=None
        )
    invitation.delete()


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user=None, username: str = "", password: str = ""):
    """Use `invitation` once: for the signed-in `user`, or for a new account `username`/`password`.

    The row is locked and checked again, so two requests racing with one token cannot both win.
    """
    invitation = lock_for_write(Invitation.objects.filter(pk=invitation.pk)).get()
    if not invitation.is_usable:
        raise InvalidTransition("This invitation was already used or has expired.", field="token")
    if user is None:
        user_model = get_user_model()
        try:
            with transaction.atomic():
                user = user_model.objects.create_user(
                    username=user_model.normalize_username(username),
                    email=invitation.email,
                    password=password,
                )
        except IntegrityError as exc:
            raise Conflict("This username is taken; choose another.", field="username") from exc
        # The new account's e-mails speak the language its invitation was written in.
        MailPreferences.objects.create(user=user, language=invitation.language)
    try:
        with transaction.atomic():
            Membership.objects.create(user=user, organization=invitation.organization, role=invitation.role)
    except IntegrityError as exc:
        raise Conflict("You already belong to this organization.", field="token") from exc
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return user


def _would_leave_without_coordinator(membership: Membership) -> bool:
    # Lock the organization so two coordinators stepping down at once are checked one after the other.
    lock_for_write(Organization.objects.filter(pk=membership.organization_id)).first()
    others = Membership.objects.filter(
        organization_id=membership.organization_id, role=Membership.Role.COORDINATOR
    ).exclude(pk=membership.pk)
    return membership.role == Membership.Role.COORDINATOR and not others.exists()


LAST_COORDINATOR = (
    "This is the organization's last coordinator; appoint another first or ask the network office."
)


@transaction.atomic
def membership_change_role(*, membership: Membership, role: str, viewer: Viewer) -> Membership:
    rules.check_may_write(viewer, membership.organization_id)
    if role != membership.role:
        if not viewer.is_admin and _would_leave_without_coordinator(membership):
            raise Conflict(LAST_COORDINATOR, field="role")
        membership.role = role
        membership.save()
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, viewer: Viewer) -> None:
    """Remove a membership; the person loses that organization's data on their next request."""
    rules.check_may_write(viewer, membership.organization_id)
    if not viewer.is_admin and _would_leave_without_coordinator(membership):
        raise Conflict(LAST_COORDINATOR)
    membership.delete()


def sessions_end(*, user, reason: str, keep: str | None = None) -> int:
    """End every active session of `user` but `keep`; returns how many. Their tokens fail at once."""
    sessions = AuthSession.objects.active().filter(user=user)
    if keep is not None:
        sessions = sessions.exclude(pk=keep)
    return sessions.update(revoked_at=timezone.now(), revoked_reason=reason)


@transaction.atomic
def sessions_prune(*, days: int, dry_run: bool = False) -> tuple[int, int]:
    """Delete sessions that ended more than `days` ago and the records of expired refresh tokens.

    Returns how many of each were (or, with `dry_run`, would be) deleted. An expired token is
    refused by its signature alone, so its record (what simplejwt's `flushexpiredtokens`
    deletes; blacklist rows go with it) serves nothing.
    """
    now = timezone.now()
    sessions = AuthSession.objects.ended_before(now - timedelta(days=days))
    tokens = OutstandingToken.objects.filter(expires_at__lte=now)
    counts = (sessions.count(), tokens.count())
    if not dry_run:
        sessions.delete()
        tokens.delete()
    return counts
