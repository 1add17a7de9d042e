"""Memberships give roles per organization; invitations are the only way in; sessions make JWTs revocable."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from core.models import VersionedModel
from core.visibility import Visibility, VisibilityRule, VisibleQuerySet
from core.vocabulary import APP_LANGUAGES


class Membership(VersionedModel):
    """A user's role in one organization; removing it ends that access on the next request."""

    class Role(models.TextChoices):
        MEMBER = "member", "Member"
        COORDINATOR = "coordinator", "Coordinator"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.MEMBER)

    objects = VisibleQuerySet.as_manager()
    # Members see who else belongs to their organizations (their own memberships among them).
    visibility_rule = VisibilityRule(level=Visibility.RESTRICTED)

    class Meta:
        ordering = ["organization__name", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="one_membership_per_org"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.role} of {self.organization}"


def memberships_of(user) -> list[tuple[int, bool]]:
    """(organization id, is coordinator) for each membership of `user`: what a viewer is built from."""
    rows = Membership.objects.filter(user_id=user.pk).values_list("organization_id", "role")
    return [(organization_id, role == Membership.Role.COORDINATOR) for organization_id, role in rows]


class Invitation(models.Model):
    """A one-time invitation; only the SHA-256 of its token is stored.

    Seen by the coordinators of its organization and by admins: it names a person who
    has not joined yet, which is nobody else's business.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        ACCEPTED = "accepted", "Accepted"
        EXPIRED = "expired", "Expired"

    email = models.EmailField()
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="invitations"
    )
    role = models.CharField(max_length=12, choices=Membership.Role.choices, default=Membership.Role.MEMBER)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The e-mailed link carries a secret of its own, made by the job that sends it (mail/tasks.py),
    # so the queue never holds a usable token; sending again replaces it. Null until then, not "":
    # a unique index admits any number of nulls.
    email_token_hash = models.CharField(max_length=64, unique=True, null=True, editable=False)  # noqa: DJ001
    emailed_at = models.DateTimeField(null=True, blank=True, editable=False)
    language = models.CharField(
        max_length=2,
        choices=APP_LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text="The language of the invitation e-mail, and of the new account's e-mails.",
    )
    expires_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = VisibleQuerySet.as_manager()
    visibility_rule = VisibilityRule(level=Visibility.RESTRICTED, coordinators_only=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.organization} ({self.role})"

    @property
    def status(self) -> str:
        if self.accepted_at is not None:
            return self.Status.ACCEPTED
        if self.expires_at <= timezone.now():
            return self.Status.EXPIRED
        return self.Status.PENDING

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class AuthSessionQuerySet(models.QuerySet):
    def active(self):
        """Sessions whose refresh token still works: not ended, not past either lifetime."""
        now = timezone.now()
        return self.filter(
            revoked_at__isnull=True,
            created_at__gt=now - timedelta(days=settings.JWT_SESSION_MAX_DAYS),
            last_used_at__gt=now - settings.SIMPLE_JWT["REFRESH_TOKEN_LIFETIME"],
        )

    def ended_before(self, cutoff):
        """Sessions that stopped working before `cutoff`: ended, or expired without being ended."""
        return self.filter(
            Q(revoked_at__lt=cutoff)
            | Q(created_at__lt=cutoff - timedelta(days=settings.JWT_SESSION_MAX_DAYS))
            | Q(last_used_at__lt=cutoff - settings.SIMPLE_JWT["REFRESH_TOKEN_LIFETIME"])
        )


class AuthSession(models.Model):
    """One login: every access and refresh token carries its id, so revoking it ends them all at once.

    It lives at most JWT_SESSION_MAX_DAYS from sign-in however often it is refreshed, so
    a copied refresh token cannot keep access forever. Nothing identifies the device but
    the label its user typed: no address, no user agent.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="auth_sessions")
    device_label = models.CharField(max_length=60, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # When the device last signed in or refreshed its tokens. Access tokens are not
    # counted (that would be a write per request); since they live JWT_ACCESS_MINUTES, a
    # device in use refreshes at least that often, so this is accurate to within that.
    last_used_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.CharField(max_length=40, blank=True)
    # The refresh token rotated last, when, and its successor, so a client that lost the answer
    # to its refresh on a bad connection may retry briefly and receive the same successor.
    rotated_jti = models.CharField(max_length=255, blank=True, editable=False)
    rotated_at = models.DateTimeField(null=True, blank=True, editable=False)
    successor_jti = models.CharField(max_length=255, blank=True, editable=False)

    objects = AuthSessionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"session {self.id} of {self.user}"

    @property
    def ends_at(self):
        """The absolute end of the session, however often it is refreshed."""
        return self.created_at + timedelta(days=settings.JWT_SESSION_MAX_DAYS)

    def may_retry_rotation(self, jti: str, grace_seconds: int) -> bool:
        """True for a retry of the latest rotation, within the grace period, before its successor was used."""
        return (
            grace_seconds > 0
            and self.revoked_at is None
            and bool(jti)
            and jti == self.rotated_jti
            and self.rotated_at is not None
            and (timezone.now() - self.rotated_at).total_seconds() <= grace_seconds
        )

    def record_rotation(self, old_jti: str, new_jti: str, *, at) -> None:
        """Remember a rotation made `at`. A retry of the same rotation keeps its time: the grace
        period is a fixed window from the rotation, so replaying the old token cannot extend it."""
        if old_jti != self.rotated_jti or self.rotated_at is None:
            self.rotated_at = at
        self.rotated_jti, self.successor_jti, self.last_used_at = old_jti, new_jti, timezone.now()
        self.save(update_fields=["rotated_jti", "successor_jti", "rotated_at", "last_used_at"])

    def revoke(self, reason: str) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.revoked_reason = reason
            self.save(update_fields=["revoked_at", "revoked_reason"])


# Top-level names for the OpenAPI enum names in settings (overrides resolve one attribute deep).
MembershipRole = Membership.Role
InvitationStatus = Invitation.Status
