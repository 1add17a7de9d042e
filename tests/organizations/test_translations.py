"""Content in the reader's language: contact points, organizations and country profiles.

alice coordinates A and writes its translations; bob coordinates B and may not touch A's;
anonymous readers read public content in their language; olga, the network office, writes
country profiles.
"""

import pytest

from tests.factories import ContactPointFactory, CountryFactory
from tests.sync.replica import Replica

UKRAINIAN_LABEL = "Гаряча лінія (приклад)"


def url(contact) -> str:
    return f"/api/v1/contact-points/{contact.pk}/"


@pytest.fixture
def hotline(public_org_a):
    """Has a Ukrainian translation, written by alice."""
    return ContactPointFactory(
        organization=public_org_a,
        channel="phone",
        value="+49301234567",
        label="Hotline (example data)",
        hours="Mon-Fri 10-18",
        languages=["uk", "ru", "en"],
    )


@pytest.fixture
def mailbox(public_org_a):
    """Has no translation at all."""
    return ContactPointFactory(
        organization=public_org_a, label="Mailbox (example data)", languages=["uk", "en"]
    )


UKRAINIAN = {"uk": {"label": UKRAINIAN_LABEL, "hours": "Пн-Пт 10-18", "machine": True}}


@pytest.fixture
def translated(as_user, alice, hotline, mailbox):
    response = as_user(alice).patch(url(hotline), {"translations": UKRAINIAN}, format="json")
    assert response.status_code == 200, response.data
    return response


def by_id(response) -> dict:
    return {row["id"]: row for row in response.json()["results"]}


# ---------------------------------------------------------------------------
# Reading in the reader's language
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "ask",
    [{"params": {"language": "uk"}}, {"headers": {"Accept-Language": "uk-UA,uk;q=0.9,en;q=0.5"}}],
    ids=["query", "header"],
)
def test_a_ukrainian_reader_gets_ukrainian_where_it_exists_and_the_fallback_marked_where_not(
    api, translated, hotline, mailbox, ask
):
    response = api.get("/api/v1/contact-points/", ask.get("params"), headers=ask.get("headers"))
    assert response.status_code == 200
    rows = by_id(response)
    assert rows[hotline.pk]["localized"] == {
        "language": "uk",
        "fallback": False,
        "outdated": False,
        "label": UKRAINIAN_LABEL,
        "hours": "Пн-Пт 10-18",
        "security_advice": "",
    }
    assert rows[hotline.pk]["languages_available"] == ["en", "uk"]
    assert rows[hotline.pk]["label"] == "Hotline (example data)", "the original stays what writes write"
    assert rows[mailbox.pk]["localized"]["language"] == "en"
    assert rows[mailbox.pk]["localized"]["fallback"] is True
    assert rows[mailbox.pk]["localized"]["label"] == "Mailbox (example data)"
    detail = api.get(url(hotline), ask.get("params"), headers=ask.get("headers"))
    assert detail.json()["localized"] == rows[hotline.pk]["localized"]


def test_asking_for_a_language_the_contact_does_not_speak_still_reads_it(api, translated, hotline):
    """`language` filters lists by the languages spoken; at a contact's own address it only picks texts."""
    english_only = ContactPointFactory(
        organization=hotline.organization, label="Desk (example data)", languages=["en"]
    )
    response = api.get(url(english_only), {"language": "uk"})
    assert response.status_code == 200
    assert response.json()["localized"]["fallback"] is True
    listed = api.get("/api/v1/contact-points/", {"language": "uk"})
    assert english_only.pk not in by_id(listed)


def test_the_query_parameter_comes_before_the_header(api, translated, hotline):
    response = api.get(url(hotline), {"language": "en"}, headers={"Accept-Language": "uk"})
    assert response.json()["localized"]["language"] == "en"
    assert response.json()["localized"]["fallback"] is False
    assert "Accept-Language" in response["Vary"]


def test_a_reader_asking_nothing_reads_the_original_without_a_fallback_mark(api, translated, hotline):
    localized = api.get(url(hotline)).json()["localized"]
    assert (localized["language"], localized["fallback"]) == ("en", False)


def test_every_translation_says_when_it_was_written_and_whether_a_machine_made_it(api, translated, hotline):
    (language, entry), *_ = api.get(url(hotline)).json()["translations"].items()
    assert language == "uk"
    assert entry["machine"] is True and entry["outdated"] is False and entry["written_at"]


# ---------------------------------------------------------------------------
# Outdated translations
# ---------------------------------------------------------------------------
def test_a_translation_is_flagged_outdated_once_its_source_changes(as_user, alice, api, translated, hotline):
    response = as_user(alice).patch(url(hotline), {"hours": "Mon-Sat 9-20"}, format="json")
    assert response.status_code == 200, response.data
    assert response.data["translations"]["uk"]["outdated"] is True
    localized = api.get(url(hotline), {"language": "uk"}).json()["localized"]
    assert localized["outdated"] is True and localized["hours"] == "Пн-Пт 10-18"


def test_sending_back_an_outdated_translation_keeps_it_outdated_until_it_is_rewritten(
    as_user, alice, translated, hotline
):
    client = as_user(alice)
    client.patch(url(hotline), {"hours": "Mon-Sat 9-20"}, format="json")
    read = client.get(url(hotline)).json()["translations"]
    assert client.patch(url(hotline), {"translations": read}, format="json").data["translations"]["uk"][
        "outdated"
    ]
    read["uk"]["hours"] = "Пн-Сб 9-20"
    rewritten = client.patch(url(hotline), {"translations": read}, format="json")
    assert rewritten.status_code == 200, rewritten.data
    assert rewritten.data["translations"]["uk"]["outdated"] is False


def test_a_reviewer_confirms_an_outdated_translation_that_still_matches(as_user, alice, translated, hotline):
    client = as_user(alice)
    client.patch(url(hotline), {"label": "Hotline  (example data)"}, format="json")
    confirm = {"uk": {**UKRAINIAN["uk"], "outdated": False}}
    response = client.patch(url(hotline), {"translations": confirm}, format="json")
    assert response.data["translations"]["uk"]["outdated"] is False


def test_an_unchanged_round_trip_changes_nothing(as_user, alice, translated, hotline):
    client = as_user(alice)
    before = client.get(url(hotline)).json()
    response = client.patch(url(hotline), {"translations": before["translations"]}, format="json")
    assert response.data["version"] == before["version"]


# ---------------------------------------------------------------------------
# Sync carries every language
# ---------------------------------------------------------------------------
def test_sync_carries_every_translation_and_no_reader_choice(api, translated, hotline):
    as_german = api
    as_german.credentials(HTTP_ACCEPT_LANGUAGE="de")
    replica = Replica(as_german)
    replica.sync()
    held = replica.objects[("contact_point", str(hotline.pk))]
    assert held["translations"]["uk"]["label"] == UKRAINIAN_LABEL
    assert held["source_language"] == "en"
    assert "localized" not in held, "a replica picks the language itself, offline"


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("translations", "where"),
    [
        ({"xx": {"label": "?"}}, "xx"),
        ({"en": {"label": "Hotline"}}, "en"),
        ({"uk": {"label": "Л" * 201, "hours": "Пн"}}, "uk"),
        ({"uk": {"label": "Гаряча лінія"}}, "uk"),  # hours has text in the original
        ({"uk": "Гаряча лінія"}, "uk"),
    ],
    ids=["unknown-language", "the-original-language", "too-long", "a-field-left-out", "not-an-object"],
)
def test_a_bad_translation_is_refused_on_its_language_and_changes_nothing(
    as_user, alice, hotline, translations, where
):
    response = as_user(alice).patch(url(hotline), {"translations": translations}, format="json")
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert [error["attr"] for error in errors] == ["translations"] * len(errors)
    assert any(error["detail"].startswith(f"{where}") for error in errors), errors
    hotline.refresh_from_db()
    assert hotline.translations == {} and hotline.version == 1


def test_the_original_language_cannot_become_one_that_is_translated(as_user, alice, translated, hotline):
    response = as_user(alice).patch(url(hotline), {"source_language": "uk"}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "source_language"


# ---------------------------------------------------------------------------
# Who may write translations
# ---------------------------------------------------------------------------
def test_another_organizations_coordinator_cannot_write_translations(as_user, bob, hotline):
    response = as_user(bob).patch(url(hotline), {"translations": UKRAINIAN}, format="json")
    assert response.status_code == 403
    hotline.refresh_from_db()
    assert hotline.translations == {}


def test_an_anonymous_caller_cannot_write_translations(api, hotline):
    response = api.patch(url(hotline), {"translations": UKRAINIAN}, format="json")
    assert response.status_code == 401
    hotline.refresh_from_db()
    assert hotline.translations == {}


def test_a_coordinator_translates_the_organization(as_user, alice, api, public_org_a):
    german = {"de": {"name": "Alpha (Beispieldaten)", "description": "Beratung für Verweigerer."}}
    public_org_a.description = "Counseling for objectors."
    public_org_a.save()
    response = as_user(alice).patch(
        f"/api/v1/organizations/{public_org_a.pk}/", {"translations": german}, format="json"
    )
    assert response.status_code == 200, response.data
    read = api.get(f"/api/v1/organizations/{public_org_a.pk}/", headers={"Accept-Language": "de"}).json()
    assert read["localized"]["name"] == "Alpha (Beispieldaten)"
    listed = by_id(api.get("/api/v1/organizations/", headers={"Accept-Language": "de"}))
    assert listed[public_org_a.pk]["localized"]["description"] == "Beratung für Verweigerer."


def test_only_the_network_office_translates_a_country_profile(as_user, alice, olga, api):
    CountryFactory(code="UA", conscription="Men aged 18 to 60 may be called up.")
    russian = {"ru": {"conscription": "Мужчины от 18 до 60 лет могут быть призваны."}}
    refused = as_user(alice).patch("/api/v1/countries/UA/", {"translations": russian}, format="json")
    assert refused.status_code == 403
    written = as_user(olga).patch("/api/v1/countries/UA/", {"translations": russian}, format="json")
    assert written.status_code == 200, written.data
    localized = api.get("/api/v1/countries/UA/", headers={"Accept-Language": "ru"}).json()["localized"]
    assert localized["conscription"].startswith("Мужчины")
    assert localized["language"] == "ru"


# ---------------------------------------------------------------------------
# Search finds translated text
# ---------------------------------------------------------------------------
def test_search_finds_a_contact_by_its_translated_label(api, translated, hotline):
    response = api.get("/api/v1/search/", {"q": "гаряча"})
    assert response.status_code == 200
    assert any(hit["id"] == hotline.pk for hit in response.json()["results"]), response.json()
