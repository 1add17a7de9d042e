"""Abstract base for every object the API writes: a version for ETags and lost-update checks."""

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
