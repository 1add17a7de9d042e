"""Coordination lists and feeds cost the same number of queries for one row or many.

An N+1 anywhere in a serializer, a visibility filter, a match score or a calendar would
make the large page cost more queries than the small one.
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.models import Event
from funding.models import LedgerEntry
from inbox.models import Notification
from resources.models import Resource, ResourceResponse, ResponseMessage
from tests.factories import CampaignFactory, ResourceFactory

MANY = 30

LISTS = [
    "/api/v1/resources/",
    "/api/v1/resources/{request}/matches/",
    "/api/v1/responses/",
    "/api/v1/responses/{response}/messages/",
    "/api/v1/campaigns/",
    "/api/v1/events/",
    "/api/v1/funding/entries/",
    "/api/v1/inbox/",
]


@pytest.fixture
def world(db, org_a, org_b, alice, bob):
    offers = Resource.objects.bulk_create(
        Resource(
            kind="offer",
            category="legal_aid",
            organization=org_b,
            title=f"Offer {i} (example data)",
            countries=["DE", "LT"],
            languages=["ru"],
            capacity="1 case",
            visibility="network",
            is_example=True,
        )
        for i in range(MANY)
    )
    request = ResourceFactory(organization=org_a, kind="request", countries=["DE"], languages=["ru"])
    responses = ResourceResponse.objects.bulk_create(
        ResourceResponse(resource=offer, organization=org_a, message="We need it.", created_by=alice)
        for offer in offers
    )
    ResponseMessage.objects.bulk_create(
        ResponseMessage(
            response=responses[0],
            organization=org_b if i % 2 else org_a,
            author=bob if i % 2 else alice,
            body=f"#{i}",
        )
        for i in range(MANY)
    )
    campaigns = [CampaignFactory() for _ in range(3)]
    start = datetime(2026, 12, 7, 9, tzinfo=UTC)
    Event.objects.bulk_create(
        Event(
            campaign=campaigns[0],
            organization=org_a if i % 2 else org_b,
            title=f"Event {i} (example data)",
            starts_at=start + timedelta(hours=i),
            ends_at=start + timedelta(hours=i + 1),
            timezone="Europe/Vilnius",
            city="Vilnius",
            country="LT",
            visibility="network",
            is_example=True,
        )
        for i in range(MANY)
    )
    LedgerEntry.objects.bulk_create(
        LedgerEntry(
            kind="grant", amount="100.00", currency="EUR", date="2026-11-01", purpose="Rent", recipient=org_a
        )
        for _ in range(MANY)
    )
    Notification.objects.bulk_create(
        Notification(
            organization=org_a,
            kind="new_match",
            text="A match",
            resource=request,
            related_resource=offer,
            actor_organization=org_b,
        )
        for offer in offers
    )
    return {"request": request.id, "response": responses[0].id, "campaign": campaigns[0].id}


def count_queries(client, url: str) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(captured.captured_queries), response


@pytest.mark.parametrize(
    ("who", "path"),
    # An inbox belongs to an organization's members; the admin olga belongs to none.
    [(who, path) for who in ("alice", "olga") for path in LISTS if not (who == "olga" and "inbox" in path)],
)
def test_a_list_costs_the_same_queries_for_one_or_many_rows(client_of, world, who, path):
    client = client_of(who)
    url = path.format(**world)
    small, one = count_queries(client, f"{url}?page_size=1")
    large, page = count_queries(client, f"{url}?page_size={MANY}")
    assert one.data["results"], url
    assert len(page.data["results"]) > 1, url
    assert small == large, f"{url}: {small} queries for one row, {large} for {len(page.data['results'])}"
    assert large <= 10


def test_calendars_cost_the_same_queries_for_few_or_many_events(client_of, world, org_a, api):
    client = client_of("alice")
    few_campaign = CampaignFactory()
    Event.objects.create(
        campaign=few_campaign,
        organization=org_a,
        title="Lone event",
        starts_at=datetime(2026, 12, 8, tzinfo=UTC),
        ends_at=datetime(2026, 12, 8, 1, tzinfo=UTC),
        timezone="Europe/Vilnius",
        city="Vilnius",
        country="LT",
    )
    few, _ = count_queries(client, f"/api/v1/campaigns/{few_campaign.id}/calendar/")
    many, body = count_queries(client, f"/api/v1/campaigns/{world['campaign']}/calendar/")
    assert body.content.count(b"BEGIN:VEVENT") == MANY
    assert few == many

    url = client.post("/api/v1/calendar-feed/").data["url"]
    api.get(url)  # the first fetch notes its use; later ones within the hour write nothing
    before, _ = count_queries(api, url)
    Event.objects.bulk_create(
        Event(
            organization=org_a,
            title=f"More {i}",
            starts_at=datetime(2026, 12, 9, tzinfo=UTC),
            ends_at=datetime(2026, 12, 9, 1, tzinfo=UTC),
            timezone="Europe/Vilnius",
            is_online=True,
        )
        for i in range(MANY)
    )
    after, feed = count_queries(api, url)
    assert feed.content.count(b"BEGIN:VEVENT") == 2 * MANY + 1
    assert before == after
