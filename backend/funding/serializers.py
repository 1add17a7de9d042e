"""Ledger entries for the network office and recipients; totals for everyone."""

from decimal import Decimal

from rest_framework import serializers

from core.serializers import SOURCE_FIELDS, StrictInputMixin, value_after
from core.vocabulary import CURRENCY_CHOICES

from .models import LedgerEntry


class LedgerEntrySerializer(StrictInputMixin, serializers.ModelSerializer):
    """Money collected by the campaign or granted to a partner group."""

    amount = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=Decimal("0.01"))
    currency = serializers.ChoiceField(CURRENCY_CHOICES, help_text="ISO 4217 code.")
    campaign_name = serializers.CharField(source="campaign.name", read_only=True, allow_null=True)

    class Meta:
        model = LedgerEntry
        # Text a person writes has a bound, so the contract declares it and a client can check it.
        extra_kwargs = {"purpose": {"max_length": 2000}}
        fields = [
            "id",
            "kind",
            "amount",
            "currency",
            "date",
            "purpose",
            "recipient",
            "recipient_name",
            "campaign",
            "campaign_name",
            "reference",
            "is_example",
            *SOURCE_FIELDS,
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "id",
            "recipient_name",
            "is_example",
            *SOURCE_FIELDS,
            "version",
            "created_at",
            "updated_at",
        ]

    def validate_reference(self, value):
        duplicate = LedgerEntry.objects.filter(reference=value).exclude(pk=getattr(self.instance, "pk", None))
        if value and duplicate.exists():
            raise serializers.ValidationError("Another entry has this reference.")
        return value

    def validate(self, attrs):
        attrs = super().validate(attrs)
        kind, recipient = value_after(self, attrs, "kind"), value_after(self, attrs, "recipient")
        if kind == LedgerEntry.Kind.GRANT and recipient is None:
            raise serializers.ValidationError({"recipient": "A grant needs the receiving organization."})
        if kind == LedgerEntry.Kind.COLLECTED and recipient is not None:
            raise serializers.ValidationError({"recipient": "Collected money has no recipient."})
        return attrs


class CurrencyTotalSerializer(serializers.Serializer):
    currency = serializers.CharField(help_text="ISO 4217 code.")
    collected = serializers.DecimalField(max_digits=14, decimal_places=2)
    granted = serializers.DecimalField(max_digits=14, decimal_places=2)
    balance = serializers.DecimalField(max_digits=14, decimal_places=2, help_text="Collected minus granted.")
    grants = serializers.IntegerField(help_text="Number of grants.")


class FundingTotalsSerializer(serializers.Serializer):
    totals = CurrencyTotalSerializer(
        many=True, help_text="One row per currency; amounts are never converted."
    )
