"""Network alerts: short notices from the network office that every device shows until they expire."""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from core.models import VersionedModel
from core.translations import Translatable
from core.visibility import Visibility, VisibilityRule, VisibleQuerySet


class AlertQuerySet(VisibleQuerySet):
    def current(self, now=None):
        """Alerts not yet expired."""
        return self.filter(expires_at__gt=now or timezone.now())

    def expired(self, now=None):
        return self.filter(expires_at__lte=now or timezone.now())


class Alert(Translatable, VersionedModel):
    """A short notice ("this number is compromised, do not call it") for an audience, until it expires.

    The text is written in `source_language` (the original) and may carry a translation per
    reader language. An expired alert is removed by `manage.py purge_expired_alerts`, so the
    change feed records its deletion and it leaves every replica on the next sync; until then
    the app stops showing it by its own clock, offline too.
    """

    translated_fields = ("text",)

    text = models.CharField(max_length=500)
    visibility = models.CharField(max_length=12, choices=Visibility.choices, default=Visibility.NETWORK)
    organization = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="alerts",
        help_text="For a restricted alert: whose members read it. Caps the alert's visibility.",
    )
    expires_at = models.DateTimeField()
    is_example = models.BooleanField(default=False, help_text="Invented demo data.")

    objects = AlertQuerySet.as_manager()
    # Public, network, or restricted to the members of its organization (none named: admins only);
    # never more visible than the organization it names (docs/design.md, rule 1).
    visibility_rule = VisibilityRule(parents=("organization",))

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(visibility=Visibility.RESTRICTED) | Q(organization__isnull=False),
                name="restricted_alert_names_its_organization",
            )
        ]

    def __str__(self) -> str:
        return self.text[:80]
