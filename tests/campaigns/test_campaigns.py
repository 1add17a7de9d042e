"""Campaigns, events, their time zones, filters and iCalendar feeds."""

from datetime import UTC, datetime

import icalendar
import pytest

from accounts.models import Membership
from tests.factories import CampaignFactory, EventFactory

pytestmark = pytest.mark.django_db

EVENTS = "/api/v1/events/"


def event_payload(org, campaign=None, **fields) -> dict:
    payload = {
        "organization": org.id,
        "title": "Vigil (example data)",
        "starts_at": "2026-12-10T18:00:00",
        "ends_at": "2026-12-10T19:30:00",
        "timezone": "Asia/Tbilisi",
        "city": "Tbilisi",
        "country": "GE",
        "link": "https://example.org/vigil",
        "visibility": "public",
        **fields,
    }
    if campaign is not None:
        payload["campaign"] = campaign.id
    return payload


def uids(ics: bytes) -> set[str]:
    calendar = icalendar.Calendar.from_ical(ics)
    return {str(event["UID"]) for event in calendar.walk("VEVENT")}


def test_times_without_offset_are_wall_clock_time_in_the_event_time_zone(as_user, alice, org_a):
    created = as_user(alice).post(EVENTS, event_payload(org_a), format="json")
    assert created.status_code == 201, created.content
    assert created.data["starts_at"] == "2026-12-10T18:00:00+04:00"
    stored = as_user(alice).get(f"{EVENTS}{created.data['id']}/").data
    assert stored["ends_at"] == "2026-12-10T19:30:00+04:00"
    with_offset = as_user(alice).post(
        EVENTS,
        event_payload(org_a, starts_at="2026-12-10T14:00:00Z", ends_at="2026-12-10T15:00:00Z"),
        format="json",
    )
    assert with_offset.data["starts_at"] == "2026-12-10T18:00:00+04:00"


@pytest.mark.parametrize(
    ("fields", "attr"),
    [
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"ends_at": "2026-12-10T17:00:00"}, "ends_at"),
        ({"city": ""}, "city"),
        ({"country": ""}, "country"),
        ({"link": "http://example.org"}, "link"),
        ({"visibility": "everyone"}, "visibility"),
        ({"starts_at": "tomorrow evening"}, "starts_at"),
    ],
)
def test_it_rejects_invalid_events(as_user, alice, org_a, fields, attr):
    response = as_user(alice).post(EVENTS, event_payload(org_a, **fields), format="json")
    assert response.status_code == 400, response.content
    assert attr in {error["attr"] for error in response.data["errors"]}


def test_an_online_event_needs_no_place(as_user, alice, org_a):
    payload = event_payload(org_a, is_online=True, city="", country="", timezone="Europe/Moscow")
    assert as_user(alice).post(EVENTS, payload, format="json").status_code == 201


def test_events_are_never_more_visible_than_their_organization_or_campaign(client_of, org_a):
    public_campaign = CampaignFactory(visibility="public")
    network_campaign = CampaignFactory(visibility="network")
    org_a.visibility = "public"
    org_a.save()
    shown = EventFactory(organization=org_a, campaign=public_campaign)
    EventFactory(organization=org_a, campaign=network_campaign)
    EventFactory(organization=org_a, campaign=public_campaign, visibility="restricted")
    assert [e["id"] for e in client_of("nobody").get(EVENTS).data["results"]] == [shown.id]
    assert client_of("bob").get(EVENTS).data["count"] == 2
    assert client_of("anna").get(EVENTS).data["count"] == 3
    org_a.visibility = "network"
    org_a.save()
    assert client_of("nobody").get(EVENTS).data["count"] == 0


def test_events_filter_by_campaign_country_and_date_range(as_user, anna, org_a):
    week = CampaignFactory(slug="human-rights-week")
    other = CampaignFactory()
    berlin = EventFactory(organization=org_a, campaign=week, starts_at=datetime(2026, 12, 8, 17, tzinfo=UTC))
    tbilisi = EventFactory(
        organization=org_a,
        campaign=week,
        country="GE",
        city="Tbilisi",
        timezone="Asia/Tbilisi",
        starts_at=datetime(2026, 12, 10, 14, tzinfo=UTC),
    )
    EventFactory(organization=org_a, campaign=other, starts_at=datetime(2027, 1, 5, 17, tzinfo=UTC))
    client = as_user(anna)

    def found(query):
        return [e["id"] for e in client.get(f"{EVENTS}?{query}").data["results"]]

    assert found(f"campaign={week.id}") == [berlin.id, tbilisi.id]
    assert found("campaign_slug=human-rights-week&country=GE") == [tbilisi.id]
    assert found("date_from=2026-12-09&date_to=2026-12-31") == [tbilisi.id]
    assert found("date_to=2026-12-08") == [berlin.id]
    assert len(found("date_from=0001-01-01&date_to=9999-12-31")) == 3
    assert client.get(f"{EVENTS}?date_from=someday").status_code == 400


def test_only_admins_run_campaigns(as_user, alice, olga):
    payload = {
        "name": "Week",
        "slug": "week",
        "start_date": "2026-12-07",
        "end_date": "2026-12-13",
        "hashtag": "Refuse",
    }
    assert as_user(alice).post("/api/v1/campaigns/", payload, format="json").status_code == 403
    assert (
        as_user(olga)
        .post("/api/v1/campaigns/", {**payload, "end_date": "2026-12-01"}, format="json")
        .status_code
        == 400
    )
    created = as_user(olga).post("/api/v1/campaigns/", payload, format="json")
    assert created.status_code == 201 and created.data["hashtag"] == "#Refuse"
    assert (
        as_user(olga)
        .patch(f"/api/v1/campaigns/{created.data['id']}/", {"visibility": "restricted"}, format="json")
        .status_code
        == 400
    )


class TestCampaignCalendar:
    def test_anonymous_callers_get_public_events_members_more(self, api, as_user, anna, org_a):
        org_a.visibility = "public"
        org_a.save()
        campaign = CampaignFactory()
        public = EventFactory(organization=org_a, campaign=campaign)
        network = EventFactory(organization=org_a, campaign=campaign, visibility="network")
        EventFactory(organization=org_a)  # outside the campaign
        url = f"/api/v1/campaigns/{campaign.id}/calendar/"
        anonymous = api.get(url)
        assert anonymous.status_code == 200
        assert anonymous["Content-Type"].startswith("text/calendar")
        assert uids(anonymous.content) == {f"waypoint-event-{public.id}"}
        assert uids(as_user(anna).get(url).content) == {
            f"waypoint-event-{public.id}",
            f"waypoint-event-{network.id}",
        }

    def test_events_keep_their_time_zone_and_the_feed_answers_304_when_unchanged(self, api, org_a):
        org_a.visibility = "public"
        org_a.save()
        campaign = CampaignFactory()
        EventFactory(
            organization=org_a, campaign=campaign, timezone="Europe/Helsinki", city="Helsinki", country="FI"
        )
        url = f"/api/v1/campaigns/{campaign.id}/calendar/"
        first = api.get(url)
        event = icalendar.Calendar.from_ical(first.content).walk("VEVENT")[0]
        assert event["DTSTART"].params["TZID"] == "Europe/Helsinki"
        assert event.decoded("DTSTART").hour == 19  # 17:00 UTC
        assert "Helsinki, Finland" in str(event["LOCATION"])
        assert api.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

    def test_a_network_campaign_calendar_is_404_for_anonymous_callers(self, api, as_user, anna):
        campaign = CampaignFactory(visibility="network")
        response = api.get(f"/api/v1/campaigns/{campaign.id}/calendar/")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"
        assert as_user(anna).get(f"/api/v1/campaigns/{campaign.id}/calendar/").status_code == 200


class TestPersonalFeed:
    def test_a_secret_url_serves_what_its_owner_may_see_until_it_is_replaced(self, api, as_user, anna, org_a):
        restricted = EventFactory(organization=org_a, visibility="restricted")
        client = as_user(anna)
        assert client.get("/api/v1/calendar-feed/").data["active"] is False
        issued = client.post("/api/v1/calendar-feed/")
        assert issued.status_code == 201
        feed = api.get(issued.data["url"])
        assert feed.status_code == 200
        assert feed["Cache-Control"] == "private, no-cache"
        assert uids(feed.content) == {f"waypoint-event-{restricted.id}"}
        assert client.get("/api/v1/calendar-feed/").data["last_used_at"] is not None

        Membership.objects.filter(user=anna).delete()
        assert uids(api.get(issued.data["url"]).content) == set()

        again = client.post("/api/v1/calendar-feed/")
        assert api.get(issued.data["url"]).status_code == 404
        assert api.get(again.data["url"]).status_code == 200
        assert client.delete("/api/v1/calendar-feed/").status_code == 204
        assert api.get(again.data["url"]).status_code == 404

    def test_a_deactivated_account_feed_stops(self, api, as_user, anna):
        url = as_user(anna).post("/api/v1/calendar-feed/").data["url"]
        anna.is_active = False
        anna.save()
        assert api.get(url).status_code == 404

    def test_anonymous_callers_cannot_make_a_feed_and_guesses_find_nothing(self, api):
        assert api.post("/api/v1/calendar-feed/").status_code == 401
        assert api.get("/api/v1/calendar-feed/not-a-token.ics").status_code == 404
