"""Demo ledger: 200,000 EUR collected and about 160,000 EUR granted to partner groups.

The figures are the campaign's own (docs/design.md, "The network it serves"); how they
split into donations and grants is invented and marked "(example data)". Entries are
found by their reference.
"""

from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model

from core.demo import EXAMPLE, upsert
from organizations.models import Organization

from .models import LedgerEntry

COLLECTED = [
    ("DEMO-C-1", date(2025, 3, 31), Decimal("82500.00"), "Individual donations, first quarter"),
    ("DEMO-C-2", date(2025, 6, 15), Decimal("60000.00"), "Grant of a peace foundation to the network"),
    ("DEMO-C-3", date(2025, 9, 30), Decimal("37500.00"), "Pledges of the supporters' circle"),
    ("DEMO-C-4", date(2025, 12, 20), Decimal("20000.00"), "Collection during the December action week"),
]

GRANTS = [
    (
        "DEMO-G-1",
        date(2025, 4, 10),
        "no-means-no",
        Decimal("32000.00"),
        "Secure the counseling work of the project for a year",
    ),
    (
        "DEMO-G-2",
        date(2025, 5, 5),
        "pacifist-movement-ua",
        Decimal("28500.00"),
        "Lawyers for objectors on trial",
    ),
    (
        "DEMO-G-3",
        date(2025, 7, 1),
        "objection-ru",
        Decimal("30000.00"),
        "Secure channels and counselors' fees",
    ),
    (
        "DEMO-G-4",
        date(2025, 8, 12),
        "georgia-counseling",
        Decimal("24000.00"),
        "Rent and counselors for the center",
    ),
    ("DEMO-G-5", date(2025, 10, 3), "lithuania-support", Decimal("18000.00"), "Court fees of asylum appeals"),
    ("DEMO-G-6", date(2025, 11, 18), "finland-contacts", Decimal("9500.00"), "Emergency accommodation"),
    (
        "DEMO-G-7",
        date(2026, 1, 22),
        "western-europe-legal",
        Decimal("17800.00"),
        "Translations of call-up evidence",
    ),
]


def load() -> None:
    admin = get_user_model().objects.filter(username="olga").first()
    for reference, day, amount, purpose in COLLECTED:
        upsert(
            LedgerEntry,
            {"reference": reference},
            kind=LedgerEntry.Kind.COLLECTED,
            amount=amount,
            currency="EUR",
            date=day,
            purpose=f"{purpose} {EXAMPLE}",
            recipient=None,
            created_by=admin,
            is_example=True,
        )
    for reference, day, slug, amount, purpose in GRANTS:
        upsert(
            LedgerEntry,
            {"reference": reference},
            kind=LedgerEntry.Kind.GRANT,
            amount=amount,
            currency="EUR",
            date=day,
            purpose=f"{purpose} {EXAMPLE}",
            recipient=Organization.objects.get(slug=slug),
            created_by=admin,
            is_example=True,
        )
