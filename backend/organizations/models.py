"""Organizations and the channels through which objectors reach them."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.fields import CodeListField
from core.models import Sourced, VersionedModel
from core.translations import Translatable
from core.visibility import Visibility, VisibilityRule, VisibleQuerySet

from .hours import OpenState, open_state, validate_schedule, validate_time_zone


class Organization(Sourced, Translatable, VersionedModel):
    """A partner organization; its visibility caps that of everything it owns."""

    translated_fields = ("name", "description")

    class Kind(models.TextChoices):
        COUNSELING = "counseling", "Counseling"
        LEGAL_AID = "legal_aid", "Legal aid"
        SHELTER = "shelter", "Shelter"
        FUNDING = "funding", "Funding"
        ADVOCACY = "advocacy", "Advocacy"
        NETWORK_OFFICE = "network_office", "Network office"
        SUPPORTER = "supporter", "Supporter"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(blank=True)
    countries = CountryField(multiple=True, blank=True)
    kinds = CodeListField()
    languages = CodeListField()
    website = models.URLField(blank=True)
    visibility = models.CharField(max_length=12, choices=Visibility.choices, default=Visibility.NETWORK)
    verified = models.BooleanField(default=False, help_text="Verified by the network office.")
    is_example = models.BooleanField(default=False, help_text="Invented demo data.")

    objects = VisibleQuerySet.as_manager()
    visibility_rule = VisibilityRule(owners=("id",))

    class Meta:
        ordering = ["name"]
        # The list's order, read from the index: a page costs the same at any depth.
        indexes = [models.Index(fields=["name", "id"], name="organization_list_order")]

    def __str__(self) -> str:
        return self.name


class ContactPoint(Sourced, Translatable, VersionedModel):
    """One way to reach an organization: a hotline, a Telegram handle, an office..."""

    translated_fields = ("label", "hours", "security_advice")

    class Channel(models.TextChoices):
        # Named in the reader's language where the server writes for people (the e-mail digest).
        TELEGRAM = "telegram", "Telegram"
        SIGNAL = "signal", "Signal"
        WHATSAPP = "whatsapp", "WhatsApp"
        PHONE = "phone", _("Phone")
        SMS = "sms", "SMS"
        EMAIL = "email", _("E-mail")
        WEBSITE = "website", _("Website")
        FORM = "form", _("Web form")
        OFFICE = "office", _("Office")

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        PAUSED = "paused", "Paused"
        COMPROMISED = "compromised", "Compromised"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="contact_points")
    channel = models.CharField(max_length=12, choices=Channel.choices)
    value = models.CharField(max_length=300)
    label = models.CharField(max_length=200, blank=True)
    languages = CodeListField()
    countries = CountryField(multiple=True, blank=True)
    topics = CodeListField()
    hours = models.CharField(max_length=200, blank=True)
    opening_hours = models.JSONField(
        default=list,
        blank=True,
        validators=[validate_schedule],
        help_text="Weekly rows (organizations.hours).",
    )
    time_zone = models.CharField(
        max_length=64, blank=True, validators=[validate_time_zone], help_text="IANA time zone of the hours."
    )
    security_advice = models.TextField(blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACTIVE)
    status_reason = models.CharField(
        max_length=500,
        blank=True,
        help_text="Why it is paused or compromised; cleared when it is active again.",
    )
    visibility = models.CharField(max_length=12, choices=Visibility.choices, default=Visibility.NETWORK)
    last_verified_at = models.DateTimeField(null=True, blank=True)
    last_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_example = models.BooleanField(default=False, help_text="Invented demo data.")
    external_id = models.CharField(
        max_length=100,
        blank=True,
        help_text="The organization's own id for this contact (its spreadsheet or database): a CSV import "
        "updates the contact with the same external id instead of adding a second one.",
    )

    objects = VisibleQuerySet.as_manager()
    # A paused or compromised contact point is seen only by its organization (docs/design.md, rule 2).
    visibility_rule = VisibilityRule(parents=("organization",), hidden_unless={"status": Status.ACTIVE})

    class Meta:
        ordering = ["organization__name", "channel", "id"]
        # With the organizations' name index, the list's order is read organization by organization.
        indexes = [models.Index(fields=["organization", "channel", "id"], name="contactpoint_list_order")]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "external_id"],
                condition=~Q(external_id=""),
                name="contactpoint_external_id_once_per_organization",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} · {self.get_channel_display()} {self.value}"

    def save(self, *args, **kwargs):
        # A reason belongs to a pause or a compromise: an active contact, seen widely, carries
        # none (whichever way it was written: API, admin, a script).
        if self.status == self.Status.ACTIVE and self.status_reason:
            self.status_reason = ""
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "status_reason"}
        super().save(*args, **kwargs)
        if self.status == self.Status.COMPROMISED:
            CompromisedValue.record(self)

    @property
    def open_state(self) -> OpenState | None:
        """Open now by the structured hours, or None when none are published."""
        return open_state(self.opening_hours, self.time_zone, timezone.now())

    @property
    def open_now(self) -> bool | None:
        state = self.open_state
        return None if state is None else state.open_now

    @property
    def next_change_at(self):
        state = self.open_state
        return None if state is None else state.next_change_at

    @staticmethod
    def stale_before():
        return timezone.now() - timedelta(days=settings.CONTACT_STALE_DAYS)

    @classmethod
    def stale_q(cls) -> Q:
        """Never verified, or not within CONTACT_STALE_DAYS: `is_stale` in the database."""
        return Q(last_verified_at__isnull=True) | Q(last_verified_at__lt=cls.stale_before())

    @classmethod
    def reminder_q(cls) -> Q:
        """Active and stale: what coordinators are reminded to verify, in the inbox and by e-mail.

        Paused and compromised contacts are out of use, so nobody is asked to verify them.
        """
        return Q(status=cls.Status.ACTIVE) & cls.stale_q()

    @property
    def is_stale(self) -> bool:
        return self.is_stale_at(self.last_verified_at)

    @classmethod
    def is_stale_at(cls, last_verified_at) -> bool:
        """Whether a contact point last verified at `last_verified_at` (None: never) is stale now."""
        return last_verified_at is None or last_verified_at < cls.stale_before()


class CompromisedValue(models.Model):
    """A contact value the network once marked compromised: it never returns as active by itself.

    Written whenever a contact point is saved as compromised, whichever way (API, admin, a
    script), so the mark outlives the contact: deleting it or changing its value does not
    make the value safe again. Keyed on the normalized value alone, whatever the channel: a
    seized phone number is as burnt on Signal or WhatsApp as on the phone. Only the network
    office lifts a mark, in the admin, with its reason recorded (docs/design.md, "Not built
    yet": "a compromised value never returns as active without an admin's recorded decision").
    """

    value = models.CharField(max_length=300, db_index=True)
    channel = models.CharField(max_length=12, choices=ContactPoint.Channel.choices)
    contact_point = models.ForeignKey(
        ContactPoint, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organization_name = models.CharField(max_length=200, help_text="Whose contact it was when marked.")
    reason = models.CharField(max_length=500, blank=True)
    marked_at = models.DateTimeField(auto_now_add=True)
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lifted_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-marked_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["value"], condition=Q(lifted_at__isnull=True), name="one_open_mark_per_value"
            )
        ]

    def __str__(self) -> str:
        return self.value

    @classmethod
    def blocks(cls, value: str) -> bool:
        """Whether `value` (normalized) carries a mark no admin has lifted."""
        return cls.objects.filter(value=value, lifted_at__isnull=True).exists()

    @classmethod
    def record(cls, contact_point: ContactPoint) -> None:
        """Mark the contact's value, once: a value already marked and not lifted keeps its first mark."""
        cls.objects.get_or_create(
            value=contact_point.value,
            lifted_at=None,
            defaults={
                "channel": contact_point.channel,
                "contact_point": contact_point,
                "organization_name": contact_point.organization.name,
                "reason": contact_point.status_reason,
            },
        )

    def lift(self, *, actor, reason: str) -> None:
        """The network office decided the value is safe again."""
        self.lifted_at = timezone.now()
        self.lifted_by = actor
        self.lifted_reason = reason
        self.save(update_fields=["lifted_at", "lifted_by", "lifted_reason"])
