"""Deactivating an account ends its sessions, whichever way it is deactivated (API, admin, shell).

Authentication already refuses inactive users; revoking the sessions as well means that
reactivating an account does not bring back tokens that may have leaked meanwhile.
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from .models import AuthSession


@receiver(post_save, sender=get_user_model())
def end_sessions_of_inactive_user(sender, instance, raw=False, **kwargs):
    if not raw and not instance.is_active:
        AuthSession.objects.filter(user=instance, revoked_at__isnull=True).update(
            revoked_at=timezone.now(), revoked_reason="deactivated"
        )
