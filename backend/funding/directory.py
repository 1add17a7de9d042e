"""The campaign's funding figures as its flyer (September 2023) publishes them: 200,000 €
collected and about 160,000 € spent, mainly to secure the partner groups' work.

The flyer gives totals only, so each is one entry: the spending has no recipient (the flyer
names none per grant) and counts in the public totals like any grant to the network.
"""

from decimal import Decimal

from campaigns.models import Campaign
from core.demo import upsert
from core.directory import FLYER

from .models import LedgerEntry

ENTRIES = [
    (
        "OBJECTWAR-FLYER-2023-09-COLLECTED",
        LedgerEntry.Kind.COLLECTED,
        Decimal("200000.00"),
        "Collected by the #ObjectWar campaign, as published in its flyer.",
    ),
    (
        "OBJECTWAR-FLYER-2023-09-SPENT",
        LedgerEntry.Kind.GRANT,
        Decimal("160000.00"),
        "About 160,000 € spent, mainly to secure the partner groups' work (the flyer gives no breakdown).",
    ),
]


def load() -> None:
    campaign = Campaign.objects.get(slug="objectwar")
    for reference, kind, amount, purpose in ENTRIES:
        upsert(
            LedgerEntry,
            {"reference": reference},
            kind=kind,
            amount=amount,
            currency="EUR",
            date=FLYER["source_date"],
            purpose=purpose,
            campaign=campaign,
            is_example=False,
            **FLYER,
        )
