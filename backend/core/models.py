"""Abstract base for every object the API writes (a version for ETags and lost-update checks),
and the record of each `Idempotency-Key` (core/idempotency.py)."""

from django.conf import settings
from django.db import models, router, transaction


class VersionedModel(models.Model):
    """Counts its saves so clients can send `If-Match` and never overwrite a newer edit."""

    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            self.version += 1
        # One transaction for the row and its change-feed entry, even outside a request.
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        with transaction.atomic(using=using, savepoint=False):
            super().save(*args, **kwargs)

    @property
    def etag(self) -> str:
        return f'"{self.version}"'


class Sourced(models.Model):
    """Where a published fact comes from: real entries of the directory name their source and its date.

    Demo data and objects the network writes itself leave both empty.
    """

    source = models.CharField(
        max_length=300, blank=True, help_text="The publication this fact was taken from (title or URL)."
    )
    source_date = models.DateField(
        null=True, blank=True, help_text="When the source was published (the 1st when it gives only a month)."
    )

    class Meta:
        abstract = True


class IdempotencyRecord(models.Model):
    """One `Idempotency-Key` a signed-in user sent with an unsafe request, and its stored answer.

    Only a hash of the key is kept (scoped by user), so the table says nothing a caller could
    reuse. `status` is null while the first request is still running; once it succeeded the
    answer is kept until `expires_at` so a retry gets the same answer without running again.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key_hash = models.CharField(max_length=64)
    fingerprint = models.CharField(max_length=64, help_text="Hash of method, path and body.")
    status = models.PositiveSmallIntegerField(null=True, blank=True)
    body = models.BinaryField(blank=True, default=b"")
    headers = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key_hash"], name="idempotency_key_once_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.key_hash[:12]}"
