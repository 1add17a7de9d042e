"""The public directory of the campaign flyer (`manage.py load_directory`): real, sourced,
unverified, idempotent, and first for a reader who has chosen nothing yet.

Read as anonymous readers and olga (the network office) would, through the API, beside
the invented demo network that `make run` loads after it.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from changes.models import Change
from organizations.models import CompromisedValue, ContactPoint, Organization

FLYER = "#ObjectWar campaign flyer (September 2023)"
CONNECTION_CHANNELS = [
    ("telegram", "@connection_ev"),
    ("email", "get.out.now@gmx.de"),
    ("phone", "+4915782470251"),
]
PARTNERS = {
    "nash-dom-no-means-no", "ukrainian-pacifist-movement", "movement-for-conscientious-objection",
    "act4transformation", "pro-asyl", "naturfreunde-deutschlands",
}  # fmt: skip


def load(command: str = "load_directory") -> None:
    call_command(command, stdout=StringIO())


def rows() -> dict:
    """Every row the directory writes, with its version, and the length of the change feed."""
    return {
        "organizations": list(Organization.objects.order_by("pk").values()),
        "contacts": list(ContactPoint.objects.order_by("pk").values()),
        "changes": Change.objects.count(),
    }


def test_the_network_office_publishes_its_three_channels_unverified_with_their_source(db):
    load()
    anonymous = APIClient()
    office = anonymous.get("/api/v1/organizations/", {"q": "Connection"}).data["results"]
    [connection] = [org for org in office if org["slug"] == "connection-ev"]
    assert connection["is_example"] is False
    assert "network_office" in connection["kinds"]
    assert (connection["source"], connection["source_date"]) == (FLYER, "2023-09-01")

    contacts = anonymous.get("/api/v1/contact-points/", {"organization": connection["id"]}).data["results"]
    assert sorted((c["channel"], c["value"]) for c in contacts) == sorted(CONNECTION_CHANNELS)
    for contact in contacts:
        assert contact["languages"] == ["ru", "en", "de"]
        assert contact["last_verified_at"] is None and contact["is_stale"] is True
        assert contact["is_example"] is False
        assert (contact["source"], contact["source_date"]) == (FLYER, "2023-09-01")


def test_the_partners_and_supporters_are_named_without_invented_contacts(db):
    load()
    partners = Organization.objects.filter(slug__in=PARTNERS)
    assert set(partners.values_list("slug", flat=True)) == PARTNERS
    assert not ContactPoint.objects.filter(organization__in=partners).exists()
    assert not partners.filter(is_example=True).exists()
    assert not partners.exclude(website="").exists()
    assert "sponsor" in Organization.objects.get(slug="pro-asyl").description.lower()


def test_the_campaign_and_its_published_figures_carry_their_source(db, olga):
    load()
    client = APIClient()
    client.force_authenticate(olga)
    [campaign] = [c for c in client.get("/api/v1/campaigns/").data["results"] if c["slug"] == "objectwar"]
    assert (campaign["hashtag"], campaign["start_date"], campaign["source"]) == (
        "#ObjectWar",
        "2023-12-10",
        FLYER,
    )
    assert "objectwarcampaign.org" in campaign["description"]
    entries = {e["kind"]: e for e in client.get("/api/v1/funding/entries/").data["results"]}
    assert (entries["collected"]["amount"], entries["grant"]["amount"]) == ("200000.00", "160000.00")
    assert {e["source_date"] for e in entries.values()} == {"2023-09-01"}
    totals = {t["currency"]: t for t in APIClient().get("/api/v1/funding/totals/").data["totals"]}
    assert (totals["EUR"]["collected"], totals["EUR"]["granted"]) == ("200000.00", "160000.00")


def test_loading_it_twice_changes_nothing(db):
    load()
    before = rows()
    load()
    assert rows() == before


def test_a_reload_keeps_what_coordinators_verified(db, olga):
    load()
    ContactPoint.objects.filter(channel="email", organization__slug="connection-ev").update(
        last_verified_at="2026-01-01T00:00:00Z"
    )
    load()
    assert ContactPoint.objects.get(channel="email", organization__slug="connection-ev").last_verified_at


def test_a_reload_never_brings_back_a_withdrawn_channel(db):
    load()
    telegram = ContactPoint.objects.get(channel="telegram", organization__slug="connection-ev")
    telegram.status = ContactPoint.Status.COMPROMISED
    telegram.save()
    telegram.delete()
    load()
    assert CompromisedValue.blocks("@connection_ev")
    assert not ContactPoint.objects.filter(value="@connection_ev").exists()


@pytest.mark.parametrize("language", ["ru", "de", "en"])
def test_connection_comes_first_for_an_anonymous_reader_beside_the_demo(db, language):
    load("load_directory")
    load("load_demo")
    response = APIClient().get(
        "/api/v1/contact-points/", {"ordering": "relevance"}, HTTP_ACCEPT_LANGUAGE=language
    )
    first = response.data["results"][:3]
    assert sorted((c["channel"], c["value"]) for c in first) == sorted(CONNECTION_CHANNELS)
    assert all(c["is_stale"] for c in first)


def test_a_ukrainian_reader_reads_the_directory_in_ukrainian_marked_machine_made(db):
    load()
    anonymous = APIClient(HTTP_ACCEPT_LANGUAGE="uk")
    organizations = anonymous.get("/api/v1/organizations/", {"page_size": 100}).data["results"]
    by_slug = {org["slug"]: org for org in organizations}
    assert by_slug["ukrainian-pacifist-movement"]["localized"]["name"] == "Український пацифістський рух"
    for org in organizations:
        assert org["languages_available"] == ["en", "de", "ru", "uk"], org["slug"]
        assert all(t["machine"] and not t["outdated"] for t in org["translations"].values())
    office = {"organization_slug": "connection-ev"}
    contacts = anonymous.get("/api/v1/contact-points/", office).data["results"]
    labels = {c["channel"]: c["localized"]["label"] for c in contacts}
    assert labels == {"telegram": "Telegram-канал", "email": "Електронна пошта", "phone": "Телефон"}


def test_the_public_totals_beside_the_demo_are_the_flyers_figures_not_their_sum(db):
    load("load_directory")
    load("load_demo")
    totals = APIClient().get("/api/v1/funding/totals/").data["totals"]
    eur = next(row for row in totals if row["currency"] == "EUR")
    assert (eur["collected"], eur["granted"]) == ("200000.00", "160000.00")
