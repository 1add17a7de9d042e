"""The legal situation an objector faces in, or when fleeing from, a country."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django_countries.fields import CountryField

from core.models import VersionedModel
from core.translations import Translatable
from core.validators import not_in_future
from core.visibility import Visibility, VisibilityRule, VisibleQuerySet


class Country(Translatable, VersionedModel):
    """A country profile; public knowledge, written by the network office."""

    translated_fields = (
        "conscription",
        "conscientious_objection",
        "mobilization",
        "penalties",
        "asylum_practice",
    )

    code = CountryField(unique=True, help_text="ISO 3166-1 alpha-2.")
    conscription = models.TextField(blank=True)
    conscientious_objection = models.TextField(blank=True, help_text="The right to conscientious objection.")
    mobilization = models.TextField(blank=True)
    penalties = models.TextField(blank=True, help_text="Penalties for evasion, objection and desertion.")
    asylum_practice = models.TextField(blank=True, help_text="How asylum offices and courts treat objectors.")
    sources = models.JSONField(default=list, blank=True, help_text='[{"title": ..., "url": "https://..."}]')
    last_reviewed = models.DateField(null=True, blank=True, validators=[not_in_future])
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_example = models.BooleanField(default=False, help_text="Invented demo data.")

    objects = VisibleQuerySet.as_manager()
    visibility_rule = VisibilityRule(level=Visibility.PUBLIC, owners=())

    class Meta:
        ordering = ["code"]
        verbose_name_plural = "countries"

    def __str__(self) -> str:
        return f"{self.code.name} ({self.code.code})"

    @staticmethod
    def reviewed_cutoff():
        return timezone.now().date() - timedelta(days=settings.COUNTRY_PROFILE_STALE_DAYS)

    @classmethod
    def stale_q(cls) -> Q:
        """Never reviewed, or not within COUNTRY_PROFILE_STALE_DAYS: `is_stale` in the database."""
        return Q(last_reviewed__isnull=True) | Q(last_reviewed__lt=cls.reviewed_cutoff())

    @property
    def is_stale(self) -> bool:
        return self.last_reviewed is None or self.last_reviewed < self.reviewed_cutoff()
