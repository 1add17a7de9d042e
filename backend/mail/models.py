"""Which e-mails a person receives, and in which language.

Invitations always go out (they are the way in); every other kind can be switched off.
A person who never chose has no row and gets the defaults (`preferences_of`).
"""

from django.conf import settings
from django.db import models

from core.vocabulary import APP_LANGUAGES


class MailPreferences(models.Model):
    """One person's e-mail switches and language."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, primary_key=True, on_delete=models.CASCADE, related_name="mail_preferences"
    )
    language = models.CharField(
        max_length=2,
        choices=APP_LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text="The language of the e-mails you receive.",
    )
    stale_digest = models.BooleanField(
        default=True,
        help_text="Coordinators: a monthly list of your organizations' contact points needing verification.",
    )
    responses = models.BooleanField(
        default=True,
        help_text="A response to your organization's resource, or to your organization's response, changed.",
    )
    messages = models.BooleanField(
        default=True, help_text="A new message on a response your organization takes part in."
    )

    class Meta:
        verbose_name_plural = "mail preferences"

    def __str__(self) -> str:
        return f"e-mail preferences of {self.user_id}"


def preferences_of(user) -> MailPreferences:
    """The stored preferences of `user`, or the defaults (unsaved) when they never chose."""
    return MailPreferences.objects.filter(user_id=user.pk).first() or MailPreferences(user_id=user.pk)
