"""Demo offers and requests that fit each other, a few responses, and the inbox they fill.

Each request finds an offer of another organization among its matches (same category,
a shared country or language). The network office's funding offer has a pending
response from the “NO means NO” project; a training offer is in progress after it
accepted the Georgian counseling center's response, with a short thread. One offer has
expired, to show the computed status. Everything is invented and marked "(example data)".
"""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from core.demo import EXAMPLE, days_ago, upsert
from inbox import producers
from organizations.models import Organization

from .models import Resource, ResourceResponse, ResponseMessage

# (key, organization slug, kind, category, title, countries, languages, amount, capacity, visibility)
RESOURCES = [
    (
        "fund",
        "network-office",
        "offer",
        "funding",
        "Emergency fund for lawyers' and court fees",
        ["DE", "LT", "GE", "FI"],
        ["ru", "en", "de"],
        Decimal("15000.00"),
        "",
        "network",
    ),
    (
        "fees",
        "no-means-no",
        "request",
        "funding",
        "Legal fees for Belarusian objectors' asylum appeals",
        ["LT"],
        ["be", "ru"],
        Decimal("4000.00"),
        "",
        "network",
    ),
    (
        "lawyers",
        "western-europe-legal",
        "offer",
        "legal_aid",
        "Asylum lawyers for objectors in France and Belgium",
        ["FR", "BE", "NL"],
        ["fr", "en", "ru"],
        None,
        "6 cases a month",
        "public",
    ),
    (
        "appeals",
        "lithuania-support",
        "request",
        "legal_aid",
        "Lawyer for appeals against “threat to state security” rejections",
        ["LT"],
        ["lt", "ru", "en"],
        None,
        "3 cases before February",
        "network",
    ),
    (
        "sessions",
        "georgia-counseling",
        "offer",
        "counseling_capacity",
        "Russian-speaking counseling by video call",
        ["GE"],
        ["ru", "ka", "en"],
        None,
        "10 sessions a week",
        "network",
    ),
    (
        "counseling",
        "pacifist-movement-ua",
        "request",
        "counseling_capacity",
        "Counseling for objectors facing prosecution",
        ["UA"],
        ["uk", "ru"],
        None,
        "about 5 people a month",
        "network",
    ),
    (
        "room",
        "finland-contacts",
        "offer",
        "accommodation",
        "Short-term room in Helsinki",
        ["FI"],
        ["fi", "ru", "en"],
        None,
        "1 room, up to 3 weeks",
        "network",
    ),
    (
        "shelter",
        "objection-ru",
        "request",
        "accommodation",
        "Safe place for a deserter arriving in Finland",
        ["FI"],
        ["ru"],
        None,
        "1 person, 2 weeks in January",
        "network",
    ),
    (
        "translate",
        "network-office",
        "offer",
        "translation",
        "Translation of call-up papers and court decisions",
        ["DE"],
        ["ru", "de", "en"],
        None,
        "30 pages a month",
        "network",
    ),
    (
        "evidence",
        "western-europe-legal",
        "request",
        "translation",
        "Certified translations of call-up evidence for the French asylum office",
        ["FR"],
        ["ru", "fr"],
        None,
        "about 40 pages",
        "network",
    ),
    (
        "tickets",
        "supporters-circle",
        "offer",
        "transport",
        "Train tickets from the Baltic states to Germany",
        ["LT", "DE"],
        ["de", "en"],
        None,
        "4 tickets",
        "network",
    ),
    (
        "training",
        "network-office",
        "offer",
        "training",
        "Training: preparing objectors for asylum interviews",
        ["DE", "GE"],
        ["ru", "en"],
        None,
        "2 online sessions",
        "network",
    ),
]
EXPIRED = {"tickets"}
IN_PROGRESS = {"training"}


def load() -> None:
    today = timezone.localdate()
    User = get_user_model()
    people = {user.username: user for user in User.objects.filter(username__in=["alice", "boris", "nino"])}
    organizations = {org.slug: org for org in Organization.objects.all()}
    resources = {}
    for key, slug, kind, category, title, countries, languages, amount, capacity, visibility in RESOURCES:
        organization = organizations[slug]
        resources[key] = upsert(
            Resource,
            {"organization": organization, "title": f"{title} {EXAMPLE}"},
            kind=kind,
            category=category,
            description=f"{title}. {EXAMPLE}",
            countries=countries,
            languages=languages,
            amount=amount,
            currency="EUR" if amount is not None else "",
            capacity=capacity,
            valid_until=today - timedelta(days=10) if key in EXPIRED else today + timedelta(days=90),
            visibility=visibility,
            status=Resource.Status.IN_PROGRESS if key in IN_PROGRESS else Resource.Status.OPEN,
            is_example=True,
        )

    pending = upsert(
        ResourceResponse,
        {"resource": resources["fund"], "organization": organizations["no-means-no"]},
        message=f"Could the fund cover two appeals in Vilnius this winter? {EXAMPLE}",
        contribution=f"Case files and translations are ready; two appeals at 1,800 EUR each. {EXAMPLE}",
        created_by=people.get("boris"),
        is_example=True,
    )
    accepted = upsert(
        ResourceResponse,
        {"resource": resources["training"], "organization": organizations["georgia-counseling"]},
        message=f"Our counselors would join both sessions. {EXAMPLE}",
        contribution=f"Six counselors; we can host the second session in Tbilisi. {EXAMPLE}",
        status=ResourceResponse.Status.ACCEPTED,
        created_by=people.get("nino"),
        decided_by=people.get("alice"),
        decided_at=days_ago(2),
        is_example=True,
    )
    thread = [
        (
            organizations["network-office"],
            people.get("alice"),
            f"Welcome! Would 14:00 CET suit you? {EXAMPLE}",
        ),
        (
            organizations["georgia-counseling"],
            people.get("nino"),
            f"Yes, that is 17:00 in Tbilisi. {EXAMPLE}",
        ),
    ]
    messages = [
        upsert(
            ResponseMessage, {"response": accepted, "body": body}, organization=organization, author=author
        )
        for organization, author, body in thread
    ]

    # The inbox these would have produced; every producer is idempotent by its dedupe key.
    producers.response_received(response=pending, actor=pending.created_by)
    producers.response_received(response=accepted, actor=accepted.created_by)
    producers.response_decided(response=accepted, actor=accepted.decided_by)
    for message in messages:
        producers.message_posted(message=message, actor=message.author)
    for resource in resources.values():
        producers.resource_matched(resource=resource, actor=None)
