"""Webhook endpoints of an organization, and the deliveries of events to them.

An endpoint receives the changes of the feed its organization may see (webhooks/fanout.py),
each as one delivery, signed with the endpoint's secret (webhooks/delivery.py).
"""

import uuid

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q

from core.models import VersionedModel
from core.sealed import seal, unseal
from core.viewer import Viewer
from core.visibility import Visibility, VisibilityRule, VisibleQuerySet


class WebhookEndpoint(VersionedModel):
    """An HTTPS address an organization's coordinators registered for some event types.

    It sees what the organization's coordinators see (`viewer`), whoever registered it. The
    secret signs every delivery; the HMAC needs it itself, so unlike an invitation token it is
    kept, not only its digest, and kept sealed (core/sealed.py). `cursor` is the feed position
    the endpoint's events were drawn up to.
    """

    visibility_rule = VisibilityRule(level=Visibility.RESTRICTED, coordinators_only=True)

    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="webhook_endpoints"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    url = models.URLField(max_length=500)
    description = models.CharField(max_length=200, blank=True)
    event_types = models.JSONField(default=list)
    is_active = models.BooleanField(default=True, db_index=True)
    disabled_reason = models.CharField(max_length=200, blank=True)
    disabled_at = models.DateTimeField(null=True, blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    sealed_secret = models.CharField(max_length=255, editable=False)
    cursor = models.BigIntegerField(default=0, editable=False)

    objects = VisibleQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.url

    @property
    def secret(self) -> str:
        return unseal(self.sealed_secret)

    @secret.setter
    def secret(self, value: str) -> None:
        self.sealed_secret = seal(value)

    @property
    def viewer(self) -> Viewer:
        """Whom the endpoint's events are for: the coordinators of its organization."""
        ids = frozenset({self.organization_id})
        return Viewer(member_of=ids, coordinator_of=ids)


class WebhookDelivery(models.Model):
    """One event for one endpoint, and how its delivery went.

    `seq` is the feed entry the event reports (the latest of its object when several came
    at once), unique per endpoint, so drawing the same changes twice delivers them once.
    The payload is fixed when the event is drawn up: a retry sends the same message.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Given up"

    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries")
    seq = models.BigIntegerField(null=True, blank=True, help_text="The feed entry; none for a test ping.")
    event_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    event_type = models.CharField(max_length=60)
    object_type = models.CharField(max_length=40, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    payload = models.JSONField(encoder=DjangoJSONEncoder)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    last_duration_ms = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["endpoint", "seq"], condition=Q(seq__isnull=False), name="one_delivery_per_change"
            )
        ]
        indexes = [models.Index(fields=["endpoint", "object_type", "object_id", "status"])]

    def __str__(self) -> str:
        return f"{self.event_type} → {self.endpoint_id}"

    @property
    def message_id(self) -> str:
        """The `webhook-id`: the same for every attempt, so a receiver can drop a repeat."""
        return f"msg_{self.event_id.hex}"
