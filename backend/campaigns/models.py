"""Joint actions of the network (an action week) and the events organizations hold in them.

Event times are stored as aware datetimes together with the IANA time zone they were
planned in, so calendars show 18:00 in Tbilisi as 18:00 in Tbilisi, across DST changes.
"""

from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django_countries.fields import CountryField

from core.models import Sourced, VersionedModel
from core.secrets import digest, new_secret
from core.visibility import Visibility, VisibilityRule, VisibleQuerySet


@lru_cache(maxsize=1)
def time_zone_names() -> frozenset[str]:
    return frozenset(available_timezones())


def validate_time_zone(value: str) -> None:
    if value not in time_zone_names():
        raise ValidationError(f"“{value}” is not an IANA time zone such as Europe/Berlin.")


class Campaign(Sourced, VersionedModel):
    """A joint action of the network, such as the action week around Human Rights Day."""

    class Level(models.TextChoices):
        PUBLIC = Visibility.PUBLIC.value, Visibility.PUBLIC.label
        NETWORK = Visibility.NETWORK.value, Visibility.NETWORK.label

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    hashtag = models.CharField(max_length=80, blank=True, help_text="With the leading #.")
    start_date = models.DateField()
    end_date = models.DateField()
    demands = models.TextField(blank=True, help_text="What the campaign demands, one per line.")
    description = models.TextField(blank=True)
    visibility = models.CharField(max_length=12, choices=Level.choices, default=Level.PUBLIC)
    is_example = models.BooleanField(default=False, help_text="Invented demo data.")

    objects = VisibleQuerySet.as_manager()
    # Campaigns belong to the whole network: public to anyone, network to its members; no owner.
    visibility_rule = VisibilityRule(owners=())

    class Meta:
        ordering = ["-start_date", "name"]

    def __str__(self) -> str:
        return self.name


class Event(VersionedModel):
    """An action or event one organization holds, online or at a place, usually within a campaign."""

    campaign = models.ForeignKey(
        Campaign, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="events"
    )
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    starts_at = models.DateTimeField(db_index=True)
    ends_at = models.DateTimeField()
    timezone = models.CharField(
        max_length=64, validators=[validate_time_zone], help_text="IANA time zone, e.g. Europe/Berlin."
    )
    is_online = models.BooleanField(default=False)
    place = models.CharField(max_length=200, blank=True, help_text="Venue or address.")
    city = models.CharField(max_length=100, blank=True)
    country = CountryField(blank=True)
    link = models.URLField(blank=True, help_text="https link to join or read more.")
    visibility = models.CharField(max_length=12, choices=Visibility.choices, default=Visibility.NETWORK)
    is_example = models.BooleanField(default=False, help_text="Invented demo data.")

    objects = VisibleQuerySet.as_manager()
    # Never more visible than its organization, nor than its campaign.
    visibility_rule = VisibilityRule(parents=("organization", "campaign"))

    class Meta:
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


class CalendarFeed(models.Model):
    """A user's personal calendar subscription: a secret URL instead of a JWT.

    Only the SHA-256 of the token is stored; the URL is shown once, when it is made.
    Making a new one replaces the old, which then stops working.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"calendar feed of {self.user}"

    @classmethod
    def issue(cls, user) -> tuple["CalendarFeed", str]:
        """Replace the user's feed with a fresh one; returns it and the token (never stored)."""
        token, token_hash = new_secret()
        cls.objects.filter(user=user).delete()
        return cls.objects.create(user=user, token_hash=token_hash), token

    @classmethod
    def for_token(cls, token: str) -> "CalendarFeed | None":
        feed = cls.objects.select_related("user").filter(token_hash=digest(token)).first()
        if feed is None or not feed.user.is_active:
            return None
        return feed

    def touch(self) -> None:
        """Note the fetch, at most hourly: calendar apps poll often and a write each time is waste."""
        now = timezone.now()
        if self.last_used_at is None or (now - self.last_used_at).total_seconds() > 3600:
            self.last_used_at = now
            self.save(update_fields=["last_used_at"])
