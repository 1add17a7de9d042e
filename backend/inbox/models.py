"""Notifications addressed to an organization, and who of its members has read them.

Rows are written by producers (`inbox.producers`) when something happens that an
organization should know about; delivery beyond the in-app inbox (e-mail, push) hooks
onto the `notification_created` signal those producers send after commit.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from core.viewer import Viewer
from organizations.models import ContactPoint
from resources.models import Resource


class NotificationQuerySet(models.QuerySet):
    def visible_to(self, viewer: Viewer):
        """An inbox is personal: admins too see only their own organizations' notifications.

        Anything a notification points to must still be visible to the viewer, so a
        resource made restricted since then drops out of other organizations' inboxes.
        """
        if not viewer.member_of:
            return self.none()
        resources = Resource.objects.visible_to(viewer).values("pk")
        contacts = ContactPoint.objects.visible_to(viewer).values("pk")
        return self.filter(
            Q(organization_id__in=viewer.member_of),
            Q(resource__isnull=True) | Q(resource__in=resources),
            Q(related_resource__isnull=True) | Q(related_resource__in=resources),
            Q(contact_point__isnull=True) | Q(contact_point__in=contacts),
        )


class Notification(models.Model):
    """Something an organization's members should see in their inbox."""

    class Kind(models.TextChoices):
        RESPONSE_RECEIVED = "response_received", "New response to your resource"
        RESPONSE_ACCEPTED = "response_accepted", "Your response was accepted"
        RESPONSE_DECLINED = "response_declined", "Your response was declined"
        RESPONSE_WITHDRAWN = "response_withdrawn", "A response was withdrawn"
        MESSAGE_RECEIVED = "message_received", "New message on a response"
        NEW_MATCH = "new_match", "New match for your open resource"
        CONTACT_STALE = "contact_stale", "Contact point needs verification"
        WEBHOOK_DISABLED = "webhook_disabled", "A webhook was disabled after repeated failures"

    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=24, choices=Kind.choices)
    text = models.CharField(max_length=400)
    resource = models.ForeignKey(
        "resources.Resource",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The resource this is about (the recipient's own for matches).",
    )
    related_resource = models.ForeignKey(
        "resources.Resource",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="For a match: the resource of another organization that fits.",
    )
    response = models.ForeignKey(
        "resources.ResourceResponse", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    contact_point = models.ForeignKey(
        "organizations.ContactPoint", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_organization = models.ForeignKey(
        "organizations.Organization", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dedupe_key = models.CharField(
        max_length=120, blank=True, help_text="Producers that may run twice for one event set this."
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "dedupe_key"],
                condition=~Q(dedupe_key=""),
                name="one_notification_per_dedupe_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.organization_id}"


class NotificationRead(models.Model):
    """That one user has read one notification; read state is per person, not per organization."""

    notification = models.ForeignKey(Notification, on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["notification", "user"], name="one_read_per_user")]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.notification_id}"
