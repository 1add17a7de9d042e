"""The coordination part of the demo, seen through the API by the demo cast.

Requests find the offers of other organizations, the ledger adds up to the campaign's
figures, and the Human Rights Day action week has events of several partners.
"""

from io import StringIO

import icalendar
from django.core.management import call_command

from changes.models import Change
from inbox.models import Notification
from tests.conftest import demo_client


def test_every_open_demo_request_matches_an_offer_of_another_organization(demo):
    client = demo_client("boris")
    requests = client.get("/api/v1/resources/", {"kind": "request", "status": "open", "page_size": 100}).data
    assert requests["count"] >= 5
    for request in requests["results"]:
        matches = client.get(f"/api/v1/resources/{request['id']}/matches/").data["results"]
        assert matches, request["title"]
        assert all(m["organization"] != request["organization"] and m["kind"] == "offer" for m in matches)
    assert client.get("/api/v1/resources/", {"status": "expired"}).data["count"] == 1


def test_the_demo_inboxes_and_responses(demo):
    alice, boris, nino = demo_client("alice"), demo_client("boris"), demo_client("nino")
    assert {"response_received", "message_received"} <= {
        i["kind"] for i in alice.get("/api/v1/inbox/").data["results"]
    }
    assert "response_accepted" in {i["kind"] for i in nino.get("/api/v1/inbox/").data["results"]}
    assert boris.get("/api/v1/responses/").data["count"] == 1  # his own pending one
    assert nino.get("/api/v1/responses/").data["results"][0]["status"] == "accepted"


def test_the_ledger_matches_the_campaign_figures(demo, api):
    totals = api.get("/api/v1/funding/totals/").data["totals"]
    assert totals == [
        {
            "currency": "EUR",
            "collected": "200000.00",
            "granted": "159800.00",
            "balance": "40200.00",
            "grants": 7,
        }
    ]
    assert demo_client("boris").get("/api/v1/funding/entries/").data["count"] == 1
    assert api.get("/api/v1/funding/entries/").data["count"] == 0


def test_the_action_week_around_human_rights_day(demo, api):
    campaigns = api.get("/api/v1/campaigns/").data["results"]
    week = next(c for c in campaigns if c["slug"].startswith("human-rights-day-"))
    assert week["start_date"].endswith("-12-07") and week["end_date"].endswith("-12-13")
    everyone = (
        demo_client("alice")
        .get("/api/v1/events/", {"campaign": week["id"], "page_size": 100})
        .data["results"]
    )
    assert len({e["organization"] for e in everyone}) >= 7
    ics = api.get(f"/api/v1/campaigns/{week['id']}/calendar/")
    public = icalendar.Calendar.from_ical(ics.content).walk("VEVENT")
    assert 0 < len(public) < len(everyone)
    assert any("Tbilisi" in str(event.get("LOCATION", "")) for event in public)


def test_loading_the_demo_again_changes_nothing(demo):
    changes, notifications = Change.objects.count(), Notification.objects.count()
    call_command("load_demo", stdout=StringIO())
    assert (Change.objects.count(), Notification.objects.count()) == (changes, notifications)
