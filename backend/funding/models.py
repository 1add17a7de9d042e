"""The funding ledger: money the campaign collected and the grants it passed on to partner groups.

Entries are seen by the network office and, for a grant, by the receiving organization;
everyone else sees only the totals (`funding/totals/`).
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q

from core.models import Sourced, VersionedModel
from core.visibility import Visibility, VisibilityRule, VisibleQuerySet


class LedgerEntry(Sourced, VersionedModel):
    """One booking: money collected by fundraising, or a grant to a partner organization."""

    class Kind(models.TextChoices):
        COLLECTED = "collected", "Collected"
        GRANT = "grant", "Grant"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    amount = models.DecimalField(max_digits=12, decimal_places=2, validators=[MinValueValidator(0)])
    currency = models.CharField(max_length=3, help_text="ISO 4217 code.")
    date = models.DateField()
    purpose = models.TextField(help_text="What a grant is for, or where collected money came from.")
    recipient = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="grants",
        help_text="The partner organization receiving a grant.",
    )
    recipient_name = models.CharField(
        max_length=200,
        blank=True,
        editable=False,
        help_text="The recipient's name when booked: the ledger keeps it if the organization is deleted.",
    )
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ledger_entries",
        help_text="The campaign the money was raised in or for.",
    )
    reference = models.CharField(max_length=80, blank=True, help_text="Booking reference, unique when given.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_example = models.BooleanField(default=False, help_text="Invented demo data.")

    objects = VisibleQuerySet.as_manager()
    # The network office, and the receiving organization of a grant.
    visibility_rule = VisibilityRule(level=Visibility.RESTRICTED, owners=("recipient_id",))

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name_plural = "ledger entries"
        constraints = [
            models.UniqueConstraint(
                fields=["reference"], condition=~Q(reference=""), name="unique_ledger_reference"
            ),
            models.CheckConstraint(
                condition=Q(kind="grant") | Q(recipient__isnull=True), name="collected_money_has_no_recipient"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()} {self.amount} {self.currency}"

    def save(self, *args, **kwargs):
        if self.recipient_id is not None:
            self.recipient_name = self.recipient.name
        super().save(*args, **kwargs)
