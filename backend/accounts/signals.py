"""Two rules that must hold whichever code path writes: deactivation ends sessions; no token text is kept.

Authentication already refuses inactive users; revoking the sessions as well means that
reactivating an account does not bring back tokens that may have leaked meanwhile.
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from .models import AuthSession


@receiver(post_save, sender=get_user_model())
def end_sessions_of_inactive_user(sender, instance, raw=False, **kwargs):
    if not raw and not instance.is_active:
        AuthSession.objects.filter(user=instance, revoked_at__isnull=True).update(
            revoked_at=timezone.now(), revoked_reason="deactivated"
        )


@receiver(pre_save, sender=OutstandingToken)
def keep_no_token_text(sender, instance, raw=False, **kwargs):
    """Store a refresh token's `jti`, never the token itself.

    simplejwt's blacklist writes the full token into `OutstandingToken.token` from three
    places (sign-in, rotation, blacklisting), and anyone with a copy of the database could
    present it. Rotation, reuse detection and blacklisting need only the `jti`, and a `jti`
    cannot be turned into a token without the signing key. One receiver covers all three.
    """
    instance.token = ""
