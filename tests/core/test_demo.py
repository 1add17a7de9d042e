"""The demo network: loads idempotently, covers what the demo must show, and obeys visibility.

The demo cast (passwords are the documented demo ones):
- olga: network office admin — sees everything, compromised contacts included.
- alice (coordinator) and mila (member) of the network office — see network contacts, such
  as the Russian-speaking counselor in Georgia, but not other groups' withdrawn contacts.
- boris: coordinator of the "NO means NO" project — sees his own compromised contact.
- nino: coordinator of the Georgian counseling center — must not see boris's compromised one.
- anonymous — public contacts only.
"""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from rest_framework.test import APIClient

from changes.models import Change
from core.validators import normalize_contact_value
from countries.models import Country
from organizations.models import ContactPoint, Organization
from tests.conftest import DEMO_PASSWORDS, demo_client

DEMO_SLUGS = {
    "network-office", "no-means-no", "pacifist-movement-ua", "objection-ru", "georgia-counseling",
    "lithuania-support", "finland-contacts", "western-europe-legal", "supporters-circle",
}  # fmt: skip
DEMO_COUNTRIES = {"RU", "BY", "UA", "DE", "FR", "LT", "GE", "FI", "KZ", "AM"}
EXAMPLE = "(example data)"
EXAMPLE_MARKS = {"ru": "(пример)", "uk": "(приклад)", "de": "(Beispieldaten)"}


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    """Rows of every project model; the change feed is compared separately."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model is not Change and not model._meta.label.startswith(("sessions.", "admin.", "contenttypes."))
    }


def all_results(client: APIClient, url: str) -> list[dict]:
    results = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        results += response.data["results"]
        url = response.data["next"]
    return results


@pytest.fixture
def compromised(demo) -> ContactPoint:
    return ContactPoint.objects.get(organization__slug="no-means-no", status="compromised")


@pytest.fixture
def georgian_counselor(demo) -> ContactPoint:
    return ContactPoint.objects.get(
        organization__slug="georgia-counseling", channel="signal", languages__has="ru"
    )


def test_loading_twice_yields_the_same_rows(db):
    output = load_demo()
    first = counts()
    load_demo()
    assert counts() == first
    assert first["organizations.Organization"] == len(DEMO_SLUGS)
    assert first["countries.Country"] == len(DEMO_COUNTRIES)
    assert first["accounts.Membership"] == 4
    assert "mila" in output and "demo-member-pass" in output


def test_a_second_run_records_nothing_in_the_change_feed(db):
    load_demo()
    before = Change.objects.count()
    load_demo()
    assert Change.objects.count() == before


def test_the_demo_covers_every_channel_visibility_and_status(demo):
    contacts = ContactPoint.objects.all()
    assert {c.channel for c in contacts} == set(ContactPoint.Channel.values)
    assert {c.visibility for c in contacts} == {"public", "network", "restricted"}
    assert {c.status for c in contacts} == set(ContactPoint.Status.values)
    assert sum(c.is_stale for c in contacts) == 1
    assert set(Organization.objects.values_list("slug", flat=True)) == DEMO_SLUGS
    assert "supporter" in Organization.objects.get(slug="supporters-circle").kinds


def test_every_value_passes_the_channel_validators_and_every_contact_was_verified_by_someone(demo):
    for contact in ContactPoint.objects.all():
        assert normalize_contact_value(contact.channel, contact.value) == contact.value
        assert contact.last_verified_at is not None and contact.last_verified_by is not None
        assert contact.languages and contact.topics


def test_invented_data_says_so(demo):
    for organization in Organization.objects.all():
        assert organization.is_example and EXAMPLE in organization.name
    for contact in ContactPoint.objects.all():
        assert contact.is_example and EXAMPLE in contact.label
    for country in Country.objects.filter(is_example=True):
        assert EXAMPLE in country.conscription and EXAMPLE in country.asylum_practice


def test_the_network_office_answers_in_russian_english_and_german(demo):
    office = Organization.objects.get(slug="network-office")
    assert office.visibility == "public" and office.verified
    assert set(office.kinds) == {"network_office", "counseling"}
    public = office.contact_points.filter(visibility="public", status="active")
    assert {"telegram", "email", "phone"} <= {c.channel for c in public}
    for contact in public.filter(channel__in=["telegram", "email", "phone"]):
        assert {"ru", "en", "de"} <= set(contact.languages)
        assert not contact.is_stale


def test_the_ten_country_profiles_carry_sources_and_one_is_stale(demo, api):
    profiles = all_results(api, "/api/v1/countries/?page_size=100")
    assert {p["code"] for p in profiles} == DEMO_COUNTRIES
    for profile in profiles:
        assert profile["sources"], profile["code"]
        assert all(s["url"].startswith("https://") and s["title"] for s in profile["sources"])
        assert profile["last_reviewed"]
    assert [p["code"] for p in profiles if p["is_stale"]] == ["KZ"]
    by_code = {p["code"]: p for p in profiles}
    assert "suspended" in by_code["UA"]["conscientious_objection"]
    assert "before conscription" in by_code["RU"]["conscientious_objection"]
    assert "before conscription" in by_code["BY"]["conscientious_objection"]
    assert "evidence of call-up" in by_code["FR"]["asylum_practice"]
    assert "threat to state security" in by_code["LT"]["asylum_practice"]
    assert "promised" in by_code["DE"]["asylum_practice"]


def test_anyone_finds_the_network_office_hotline_in_russian(demo, api):
    found = all_results(api, "/api/v1/contact-points/?language=ru")
    hotline = [
        c for c in found if c["channel"] == "phone" and c["organization_name"].startswith("Network office")
    ]
    assert [c["value"] for c in hotline] == ["+493023125101"]
    assert all(c["visibility"] == "public" for c in found)


def test_the_demo_content_reads_in_russian_ukrainian_and_german_marked_machine_made(demo, api):
    contacts = all_results(api, "/api/v1/contact-points/")
    organizations = all_results(api, "/api/v1/organizations/")
    for item in [*contacts, *organizations]:
        assert item["languages_available"] == ["en", "de", "ru", "uk"], item["id"]
        assert all(t["machine"] and not t["outdated"] for t in item["translations"].values())
    api.credentials(HTTP_ACCEPT_LANGUAGE="uk")
    hotline = all_results(api, "/api/v1/contact-points/?organization_slug=network-office&channel=phone")[0]
    assert hotline["localized"]["label"].startswith("Гаряча лінія")
    assert hotline["localized"]["language"] == "uk" and not hotline["localized"]["fallback"]
    ukraine = api.get("/api/v1/countries/UA/").json()["localized"]
    assert ukraine["conscientious_objection"].startswith("Конституція (ст. 35)")


def test_every_demo_country_profile_reads_in_russian_ukrainian_and_german_marked_machine_made(demo, api):
    profiles = all_results(api, "/api/v1/countries/?page_size=100")
    assert {p["code"] for p in profiles} == DEMO_COUNTRIES
    for profile in profiles:
        assert profile["languages_available"] == ["en", "de", "ru", "uk"], profile["code"]
        for language, translation in profile["translations"].items():
            assert translation["machine"] and not translation["outdated"], (profile["code"], language)
            texts = [translation.get(name) for name in Country.translated_fields]
            assert all(texts), (profile["code"], language)
            assert all((EXAMPLE_MARKS[language] in text) == profile["is_example"] for text in texts)
    api.credentials(HTTP_ACCEPT_LANGUAGE="de")
    kazakhstan = api.get("/api/v1/countries/KZ/").json()["localized"]
    assert kazakhstan["language"] == "de" and not kazakhstan["fallback"]
    assert (
        kazakhstan["conscription"]
        == "Männer zwischen 18 und 27 Jahren werden für ein Jahr einberufen. (Beispieldaten)"
    )


def test_mila_signs_in_with_the_demo_password_and_finds_the_russian_speaking_counselor_in_georgia(
    demo, api, georgian_counselor
):
    url = "/api/v1/contact-points/?country=GE&language=ru"
    mine = all_results(demo_client("mila"), url)
    assert georgian_counselor.id in {c["id"] for c in mine}
    assert georgian_counselor.id not in {c["id"] for c in all_results(api, url)}


def test_the_compromised_contact_is_seen_only_by_its_organization_and_the_network_office(
    demo, api, compromised
):
    assert compromised.visibility == "public"
    url = f"/api/v1/contact-points/{compromised.id}/"
    assert api.get(url).status_code == 404
    assert compromised.id not in {c["id"] for c in all_results(api, "/api/v1/contact-points/")}
    for outsider in ("mila", "nino"):
        client = demo_client(outsider)
        assert client.get(url).status_code == 404
        assert compromised.id not in {c["id"] for c in all_results(client, "/api/v1/contact-points/")}
    assert demo_client("boris").get(url).status_code == 200
    assert demo_client("olga").get(url).status_code == 200


def test_the_demo_passwords_are_the_documented_ones(demo):
    for username in DEMO_PASSWORDS:
        demo_client(username)


def test_a_failing_step_leaves_nothing_behind(db, monkeypatch):
    from accounts import demo as accounts_demo

    def broken():
        raise RuntimeError("disk full")

    monkeypatch.setattr(accounts_demo, "load", broken)
    with pytest.raises(RuntimeError):
        load_demo()
    assert not Organization.objects.exists()
    assert not Country.objects.exists()


@override_settings(SETTINGS_MODULE="waypoint.settings.production")
def test_it_refuses_to_create_public_passwords_under_production_settings(db):
    with pytest.raises(CommandError):
        load_demo()
    assert not Organization.objects.exists()


def test_demo_hotlines_publish_hours_that_the_api_reads_as_open_or_closed(demo, api):
    hotline = ContactPoint.objects.get(
        organization__slug="network-office", channel="phone", visibility="public"
    )
    assert hotline.time_zone == "Europe/Berlin" and len(hotline.opening_hours) == 5
    data = api.get(f"/api/v1/contact-points/{hotline.pk}/").data
    assert data["open_now"] in (True, False) and data["next_change_at"]


def test_the_demo_alert_reaches_anonymous_readers_in_their_language(demo, api):
    (alert,) = api.get("/api/v1/alerts/", {"current": "true"}, HTTP_ACCEPT_LANGUAGE="ru").data["results"]
    assert alert["is_example"] and EXAMPLE in alert["text"]
    assert alert["localized"]["language"] == "ru" and alert["localized"]["text"].startswith("Старая")
