"""Stored files follow their attachment rows, however those are deleted (API, admin, cascade)."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import Attachment


@receiver(post_delete, sender=Attachment)
def delete_stored_file(sender, instance, **kwargs):
    name, storage = instance.file.name, instance.file.storage
    if name:
        # Only once the deletion is committed: a rolled-back delete must still find its file.
        transaction.on_commit(lambda: storage.delete(name))
