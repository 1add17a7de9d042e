"""Background jobs that send e-mail: each job sends at most one message, so a retry repeats no other.

The jobs that find the recipients queue one job per message, exactly once (`atomic_job`).
Jobs carry ids only and read the current state when they run: an invitation revoked, a
membership removed or a switch turned off since the job was queued sends nothing.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from django_tasks import task

from accounts.models import Invitation, Membership
from core.secrets import new_secret
from inbox.models import Notification
from jobs.atomic import atomic_job
from jobs.retry import retrying

from . import digest, notifications
from .models import preferences_of
from .sending import join_link, send_email

# A mail server down, slow or refusing for now (smtplib's errors are OSErrors): try again later.
sends_mail = retrying(max_attempts=8, base=timedelta(minutes=1), cap=timedelta(hours=2), on=(OSError,))


def _active_user(user_id: int):
    return get_user_model().objects.filter(pk=user_id, is_active=True).exclude(email="").first()


@sends_mail
@task()
def send_invitation(invitation_id: int) -> None:
    """E-mail the accept link of a pending invitation, under a fresh secret of its own.

    The secret is made here, so the job queue never holds a token that works; its hash
    replaces the one of any earlier e-mail, so only the latest link sent works (the token
    the API answered to the inviter keeps working).
    """
    invitation = Invitation.objects.select_related("organization").filter(pk=invitation_id).first()
    if invitation is None or not invitation.is_usable:
        return
    token, token_hash = new_secret()
    # Stored before sending: a message that went out always carries a link that works.
    Invitation.objects.filter(pk=invitation.pk).update(email_token_hash=token_hash, emailed_at=timezone.now())
    send_email(
        to=invitation.email,
        template="invitation",
        language=invitation.language,
        context={
            "organization": invitation.organization.name,
            "coordinator": invitation.role == Membership.Role.COORDINATOR,
            "link": join_link(token),
            "expires_at": invitation.expires_at,
        },
    )


@task(takes_context=True)
@atomic_job
def send_stale_digests() -> int:
    """Monthly (jobs/schedule.py): queue one digest per coordinator with stale contacts; returns how many."""
    recipients = digest.digest_recipients()
    for user_id in recipients:
        send_stale_digest.enqueue(user_id)
    return len(recipients)


@sends_mail
@task()
def send_stale_digest(user_id: int) -> None:
    user = _active_user(user_id)
    if user is None:
        return
    preferences = preferences_of(user)
    groups = digest.stale_groups(user)
    if not preferences.stale_digest or not groups:
        return
    send_email(
        to=user.email,
        template="stale_digest",
        language=preferences.language,
        context={"groups": groups, "count": sum(len(g.contacts) for g in groups)},
    )


@task(takes_context=True)
@atomic_job
def send_notification_emails(notification_id: int) -> int:
    """Queue the e-mail of a notification to each member who wants it; returns how many."""
    notification = Notification.objects.filter(pk=notification_id).first()
    if notification is None:
        return 0
    recipients = notifications.recipients(notification)
    for user_id in recipients:
        send_notification_email.enqueue(notification_id, user_id)
    return len(recipients)


@sends_mail
@task()
def send_notification_email(notification_id: int, user_id: int) -> None:
    notification = Notification.objects.filter(pk=notification_id).first()
    user = _active_user(user_id)
    if notification is None or user is None:
        return
    emailed = notifications.EMAILED[Notification.Kind(notification.kind)]
    preferences = preferences_of(user)
    if not getattr(preferences, emailed.switch) or not notifications.may_read(user, notification):
        return
    send_email(
        to=user.email,
        template="notification",
        language=preferences.language,
        context={"headline": emailed.headline},
    )
