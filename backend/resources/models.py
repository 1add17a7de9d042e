"""Offers and requests between organizations, the responses of other organizations, and their threads.

A resource past its `valid_until` date is `expired` without any scheduled job: the
effective status is computed in the database (`with_status()`) and in Python
(`Resource.effective_status`) from the stored workflow status and today's date.
"""

from functools import reduce
from operator import add

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from core.fields import CodeListField
from core.models import VersionedModel
from core.visibility import Visibility, VisibilityRule, VisibleQuerySet


class ResourceQuerySet(VisibleQuerySet):
    def with_status(self):
        """Annotate `current_status`: the workflow status, or `expired` once `valid_until` has passed."""
        return self.annotate(
            current_status=Case(
                When(
                    Q(status__in=Resource.LIVE_STATUSES, valid_until__lt=timezone.localdate()),
                    then=Value(Resource.EXPIRED),
                ),
                default=F("status"),
                output_field=models.CharField(),
            )
        )

    def with_effective_status(self, status: str):
        today = timezone.localdate()
        if status == Resource.EXPIRED:
            return self.filter(status__in=Resource.LIVE_STATUSES, valid_until__lt=today)
        if status in Resource.LIVE_STATUSES:
            return self.filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today), status=status)
        return self.filter(status=status)

    def open_now(self):
        return self.with_effective_status(Resource.Status.OPEN)

    def matching(self, resource: "Resource"):
        """Open resources of the opposite kind and the same category that share a country or a language.

        `overlap` counts the shared countries and languages, so the best fits sort first.
        """
        terms = [
            Case(When(countries__contains=str(code), then=Value(1)), default=Value(0))
            for code in resource.countries
        ] + [Case(When(languages__has=code, then=Value(1)), default=Value(0)) for code in resource.languages]
        if not terms:
            return self.none()
        return (
            self.open_now()
            .filter(kind=resource.opposite_kind, category=resource.category)
            .exclude(organization_id=resource.organization_id)
            .annotate(overlap=reduce(add, terms))
            .filter(overlap__gt=0)
            .order_by("-overlap", F("valid_until").asc(nulls_last=True), "-created_at", "id")
        )


class Resource(VersionedModel):
    """An offer or a request of one organization to the rest of the network."""

    class Kind(models.TextChoices):
        OFFER = "offer", "Offer"
        REQUEST = "request", "Request"

    class Category(models.TextChoices):
        FUNDING = "funding", "Funding"
        LEGAL_AID = "legal_aid", "Legal aid"
        COUNSELING_CAPACITY = "counseling_capacity", "Counseling capacity"
        ACCOMMODATION = "accommodation", "Accommodation"
        TRANSLATION = "translation", "Translation"
        TRANSPORT = "transport", "Transport"
        DOCUMENTS = "documents", "Documents"
        MEDICAL = "medical", "Medical"
        PSYCHOLOGICAL = "psychological", "Psychological"
        TRAINING = "training", "Training"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("resource status", "Open")
        IN_PROGRESS = "in_progress", pgettext_lazy("resource status", "In progress")
        FULFILLED = "fulfilled", pgettext_lazy("resource status", "Fulfilled")
        WITHDRAWN = "withdrawn", pgettext_lazy("resource status", "Withdrawn")

    EXPIRED = "expired"
    EFFECTIVE_STATUS_CHOICES = [*Status.choices, (EXPIRED, pgettext_lazy("resource status", "Expired"))]
    LIVE_STATUSES = (Status.OPEN, Status.IN_PROGRESS)
    # The workflow: open → in progress → fulfilled | withdrawn; an open resource may also be withdrawn.
    TRANSITIONS = {
        Status.OPEN: {Status.IN_PROGRESS, Status.WITHDRAWN},
        Status.IN_PROGRESS: {Status.FULFILLED, Status.WITHDRAWN},
        Status.FULFILLED: set(),
        Status.WITHDRAWN: set(),
    }

    kind = models.CharField(max_length=8, choices=Kind.choices)
    category = models.CharField(max_length=24, choices=Category.choices)
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="resources"
    )
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    countries = CountryField(multiple=True, blank=True)
    languages = CodeListField()
    amount = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    currency = models.CharField(max_length=3, blank=True, help_text="ISO 4217 code.")
    capacity = models.CharField(max_length=200, blank=True, help_text="What and how much, when not money.")
    valid_until = models.DateField(null=True, blank=True)
    visibility = models.CharField(max_length=12, choices=Visibility.choices, default=Visibility.NETWORK)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_example = models.BooleanField(default=False, help_text="Invented demo data.")

    objects = ResourceQuerySet.as_manager()
    visibility_rule = VisibilityRule(parents=("organization",))

    class Meta:
        ordering = ["-created_at", "id"]
        indexes = [models.Index(fields=["category", "kind", "status"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"

    @property
    def opposite_kind(self) -> str:
        return self.Kind.REQUEST if self.kind == self.Kind.OFFER else self.Kind.OFFER

    @property
    def is_expired(self) -> bool:
        return (
            self.status in self.LIVE_STATUSES
            and self.valid_until is not None
            and self.valid_until < timezone.localdate()
        )

    @property
    def effective_status(self) -> str:
        return self.EXPIRED if self.is_expired else self.status

    def can_become(self, status: str) -> bool:
        return status == self.status or status in self.TRANSITIONS[self.status]


class ResourceResponse(VersionedModel):
    """Another organization's answer to a resource; only the two organizations and admins see it."""

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("response status", "Pending")
        ACCEPTED = "accepted", pgettext_lazy("response status", "Accepted")
        DECLINED = "declined", pgettext_lazy("response status", "Declined")
        WITHDRAWN = "withdrawn", pgettext_lazy("response status", "Withdrawn")

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="responses")
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.CASCADE,
        related_name="resource_responses",
        help_text="The responding organization.",
    )
    message = models.TextField()
    contribution = models.TextField(blank=True, help_text="What the responding organization offers or needs.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_note = models.TextField(blank=True)
    is_example = models.BooleanField(default=False, help_text="Invented demo data.")

    objects = VisibleQuerySet.as_manager()
    # Seen by the two organizations only (docs/design.md, rule 2).
    visibility_rule = VisibilityRule(
        level=Visibility.RESTRICTED, owners=("organization_id", "resource__organization_id")
    )

    class Meta:
        ordering = ["-created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "organization"], name="one_response_per_org_and_resource"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} → {self.resource}"


class ResponseMessage(models.Model):
    """One message in the thread of a response, written for one of its two organizations."""

    response = models.ForeignKey(ResourceResponse, on_delete=models.CASCADE, related_name="messages")
    organization = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The side the author wrote for; empty when the network office wrote.",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = VisibleQuerySet.as_manager()
    visibility_rule = VisibilityRule(within="response", level=None)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"message #{self.pk} on {self.response_id}"
