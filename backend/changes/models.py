"""One row per create, update or delete, written in the same transaction as the change itself."""

from django.conf import settings
from django.db import models

from core.viewer import Viewer
from core.visibility import Audience, owned_by_any_q


class ChangeQuerySet(models.QuerySet):
    def seen_by(self, viewer: Viewer):
        """Entries about objects `viewer` could see before or after the change."""
        if viewer.is_admin:
            return self.all()
        return self.filter(
            Audience.admits_q(viewer, "audience_before") | Audience.admits_q(viewer, "audience_after")
        )

    def owned_by_any(self, organization_ids):
        """Entries about objects owned by any of these organizations (the coordinators' audit view)."""
        return self.filter(owned_by_any_q("owners", organization_ids))


class Change(models.Model):
    """An entry of the feed; `seq` is the monotonic cursor sync clients resume from.

    `audience_before` and `audience_after` record who could see the object on either side
    of the change (see core.visibility.Audience), so sync can tell a viewer that an object
    left their sight without revealing objects they never saw. `owners` holds the owning
    organization ids for the coordinators' audit view (encoded by core.visibility).
    """

    class Action(models.TextChoices):
        CREATE = "create", "Create"
        UPDATE = "update", "Update"
        DELETE = "delete", "Delete"

    seq = models.BigAutoField(primary_key=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_type = models.CharField(max_length=40, db_index=True)
    object_id = models.CharField(max_length=64)
    action = models.CharField(max_length=8, choices=Action.choices)
    fields = models.JSONField(default=dict, help_text='{"field": [old, new]}')
    audience_before = models.CharField(max_length=400, blank=True)
    audience_after = models.CharField(max_length=400, blank=True)
    owners = models.CharField(max_length=400, blank=True)

    objects = ChangeQuerySet.as_manager()

    class Meta:
        ordering = ["seq"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.object_type}:{self.object_id}"


class FeedWatermark(models.Model):
    """Everything up to `pruned_through` was pruned; cursors older than it must reset.

    Its single row (id 1) is also the lock that serializes feed writers (`feed.lock_feed`).
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    pruned_through = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"pruned through #{self.pruned_through}"
