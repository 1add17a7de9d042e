"""Opening hours: weekly rows in the contact's time zone say whether it is open at request time.

alice coordinates A and writes its contacts' hours; anonymous readers anywhere read whether
they are open now. Berlin moves its clocks forward on 29 March 2026; Tbilisi keeps +04.
"""

from datetime import UTC, datetime

import pytest
import time_machine
from django.core.management import call_command

from tests.factories import ContactPointFactory

WORKDAYS_10_TO_16 = [{"weekday": day, "opens_at": "10:00", "closes_at": "16:00"} for day in range(1, 6)]


def url(cp) -> str:
    return f"/api/v1/contact-points/{cp.pk}/"


def at(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def phone(organization, value: str, rows: list, zone: str):
    """A public phone line of `organization` open by `rows` in `zone`."""
    return ContactPointFactory(
        organization=organization,
        channel="phone",
        value=value,
        visibility="public",
        opening_hours=rows,
        time_zone=zone,
    )


@pytest.fixture
def berlin_hotline(public_org_a):
    return phone(public_org_a, "+49301234567", WORKDAYS_10_TO_16, "Europe/Berlin")


def state(api, cp, moment):
    with time_machine.travel(moment, tick=False):
        data = api.get(url(cp)).data
    return data["open_now"], data["next_change_at"]


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        # Friday before the change, 09:30 in Berlin (CET, +01): opens at 10:00 CET.
        (at(2026, 3, 27, 8, 30), (False, "2026-03-27T09:00:00Z")),
        (at(2026, 3, 27, 9, 30), (True, "2026-03-27T15:00:00Z")),
        # Friday evening: next opening is Monday 10:00 CEST (+02), one hour earlier in UTC.
        (at(2026, 3, 27, 15, 30), (False, "2026-03-30T08:00:00Z")),
        # Monday after the change: 08:30 UTC is 10:30 in Berlin now, so it is open.
        (at(2026, 3, 30, 8, 30), (True, "2026-03-30T14:00:00Z")),
        # Autumn back to CET: the Monday after, 09:30 UTC is 10:30 in Berlin again.
        (at(2026, 10, 26, 8, 30), (False, "2026-10-26T09:00:00Z")),
        (at(2026, 10, 26, 9, 30), (True, "2026-10-26T15:00:00Z")),
    ],
)
def test_open_now_follows_the_contacts_clock_across_daylight_saving(api, berlin_hotline, moment, expected):
    assert state(api, berlin_hotline, moment) == expected


def test_a_contact_in_another_time_zone_is_read_in_its_own_time(api, public_org_a):
    tbilisi = phone(
        public_org_a,
        "+995322000000",
        [{"weekday": day, "opens_at": "09:00", "closes_at": "21:00"} for day in range(1, 8)],
        "Asia/Tbilisi",
    )
    # 04:30 UTC is 08:30 in Tbilisi (+04), whatever time it is in Berlin.
    assert state(api, tbilisi, at(2026, 3, 30, 4, 30)) == (False, "2026-03-30T05:00:00Z")
    assert state(api, tbilisi, at(2026, 3, 30, 16, 59)) == (True, "2026-03-30T17:00:00Z")


def test_a_night_line_stays_open_past_midnight(api, public_org_a):
    night = phone(
        public_org_a,
        "+49301234568",
        [{"weekday": 5, "opens_at": "22:00", "closes_at": "02:00"}],
        "Europe/Berlin",
    )
    # Saturday 00:30 in Berlin (CEST) is still Friday's line.
    assert state(api, night, at(2026, 4, 3, 22, 30)) == (True, "2026-04-04T00:00:00Z")
    assert state(api, night, at(2026, 4, 4, 0, 30)) == (False, "2026-04-10T20:00:00Z")


def test_an_opening_time_the_clocks_skip_opens_after_the_gap(api, public_org_a):
    # 02:30 does not exist in Berlin on 29 March 2026: it opens at 03:30 CEST, 01:30 UTC (as the app says).
    early = phone(
        public_org_a,
        "+49301234569",
        [{"weekday": 7, "opens_at": "02:30", "closes_at": "05:00"}],
        "Europe/Berlin",
    )
    assert state(api, early, at(2026, 3, 29, 0, 0)) == (False, "2026-03-29T01:30:00Z")


def test_the_list_says_the_same_as_the_detail(api, berlin_hotline):
    with time_machine.travel(at(2026, 3, 30, 8, 30), tick=False):
        row = next(
            r for r in api.get("/api/v1/contact-points/").data["results"] if r["id"] == berlin_hotline.pk
        )
        detail = api.get(url(berlin_hotline)).data
    assert (row["open_now"], row["next_change_at"]) == (True, "2026-03-30T14:00:00Z")
    assert row["opening_hours"] == detail["opening_hours"] == WORKDAYS_10_TO_16
    assert row["time_zone"] == detail["time_zone"] == "Europe/Berlin"


def test_without_structured_hours_nothing_is_claimed(api, public_org_a):
    note_only = ContactPointFactory(
        organization=public_org_a,
        channel="email",
        value="help@example.org",
        visibility="public",
        hours="By appointment",
    )
    data = api.get(url(note_only)).data
    assert (data["opening_hours"], data["time_zone"], data["open_now"], data["next_change_at"]) == (
        [],
        "",
        None,
        None,
    )
    assert data["hours"] == "By appointment"


def test_the_flyers_phone_has_no_hours_invented(api, db):
    call_command("load_directory", verbosity=0)
    rows = api.get("/api/v1/contact-points/", {"channel": "phone"}).data["results"]
    phone = next(r for r in rows if r["value"] == "+4915782470251")
    assert (phone["opening_hours"], phone["time_zone"], phone["open_now"]) == ([], "", None)


def test_a_coordinator_writes_hours_with_a_time_zone(as_user, alice, berlin_hotline):
    rows = [{"weekday": 6, "opens_at": "12:00", "closes_at": "14:30"}]
    response = as_user(alice).patch(
        url(berlin_hotline), {"opening_hours": rows, "time_zone": "Europe/Kyiv"}, format="json"
    )
    assert response.status_code == 200, response.data
    berlin_hotline.refresh_from_db()
    assert (berlin_hotline.opening_hours, berlin_hotline.time_zone) == (rows, "Europe/Kyiv")


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"time_zone": "Europe/Atlantis"}, "time_zone", "IANA"),
        ({"time_zone": "CET; DROP"}, "time_zone", "IANA"),
        ({"time_zone": ""}, "time_zone", "need a time zone"),
        (
            {"opening_hours": [{"weekday": 8, "opens_at": "10:00", "closes_at": "12:00"}]},
            "opening_hours",
            "7",
        ),
        ({"opening_hours": [{"weekday": 1, "opens_at": "25:00", "closes_at": "26:00"}]}, "opening_hours", ""),
        ({"opening_hours": [{"weekday": 1, "opens_at": "10:00"}]}, "opening_hours", "exactly"),
        (
            {"opening_hours": [{"weekday": 1, "opens_at": "10:00", "closes_at": "10:00"}]},
            "opening_hours",
            "same",
        ),
        ({"opening_hours": [WORKDAYS_10_TO_16[0], WORKDAYS_10_TO_16[0]]}, "opening_hours", "repeats"),
        ({"opening_hours": "Mo-Fr 10-16"}, "opening_hours", "list"),
        (
            {"opening_hours": [{"weekday": 1, "opens_at": "10:00", "closes_at": "12:00"}] * 29},
            "opening_hours",
            "28",
        ),
    ],
)
def test_bad_hours_are_refused_and_change_nothing(as_user, alice, berlin_hotline, body, field, words):
    response = as_user(alice).patch(url(berlin_hotline), body, format="json")
    assert response.status_code == 400, response.data
    messages = [error["detail"] for error in response.json()["errors"] if error["attr"].startswith(field)]
    assert messages and words in " ".join(messages), response.json()
    berlin_hotline.refresh_from_db()
    assert (berlin_hotline.opening_hours, berlin_hotline.time_zone) == (WORKDAYS_10_TO_16, "Europe/Berlin")
