"""Bad input is a 400 with one entry per invalid field, and it changes nothing.

Every case goes through the API as a client would: alice (coordinator of A) writes
contact points and updates A, olga (the network office) writes organizations and
country profiles. After each refusal the tables are exactly as before.
"""

import pytest

from changes.models import Change
from countries.models import Country
from organizations.models import ContactPoint, Organization
from tests.factories import ContactPointFactory, CountryFactory

LONG = "x" * 301


def snapshot() -> dict:
    """Everything a refused write could have touched."""
    return {
        "organizations": list(Organization.objects.order_by("pk").values()),
        "contact_points": list(ContactPoint.objects.order_by("pk").values()),
        "countries": list(Country.objects.order_by("pk").values()),
        "changes": Change.objects.count(),
    }


def assert_refused(response, *attrs: str) -> None:
    """A 400 problem-details body naming each of `attrs` (or a sub-field of it)."""
    assert response.status_code == 400, response.data
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["type"] == "/api/problems/validation-error"
    assert body["status"] == 400
    named = [error["attr"] for error in body["errors"]]
    for attr in attrs:
        assert any(name == attr or name.startswith(f"{attr}.") for name in named), (attr, named)
    for error in body["errors"]:
        assert error["code"] and error["detail"]


def contact(org, **fields) -> dict:
    body = {"organization": org.pk, "channel": "phone", "value": "+49 30 1234567", "languages": ["ru"]}
    body.update(fields)
    return body


# ---------------------------------------------------------------------------
# Contact values, per channel
# ---------------------------------------------------------------------------
BAD_VALUES = [
    ("phone", "030 1234567"),  # no country code: cannot be parsed as international
    ("phone", "+49 abc"),
    ("phone", "+1 555 0100"),  # parses, but no such number
    ("phone", "+49 30 1234567 89012345"),
    ("whatsapp", "12345"),
    ("sms", "+999 1234567"),
    ("signal", "x"),
    ("telegram", "@abc"),  # shorter than five characters
    ("telegram", "@1waypoint"),  # must start with a letter
    ("telegram", "@way-point"),
    ("telegram", "http://t.me/waypoint_help"),
    ("telegram", "https://t.me/"),
    ("email", "not-an-email"),
    ("email", "help@"),
    ("email", "two@@example.org"),
    ("website", "http://example.org/help"),
    ("website", "example.org"),
    ("website", "javascript:alert(1)"),
    ("form", "http://example.org/form"),
    ("form", "ftp://example.org/form"),
    ("office", "abc"),
    ("phone", ""),
    ("phone", LONG),
]


@pytest.mark.parametrize(("channel", "value"), BAD_VALUES)
def test_it_refuses_a_contact_value_that_does_not_fit_its_channel(alice, client_of, org_a, channel, value):
    before = snapshot()
    response = client_of("alice").post(
        "/api/v1/contact-points/", contact(org_a, channel=channel, value=value)
    )
    assert_refused(response, "value")
    assert snapshot() == before


@pytest.mark.parametrize(("channel", "value"), BAD_VALUES)
def test_it_refuses_a_bad_value_on_update_too(alice, client_of, org_a, channel, value):
    cp = ContactPointFactory(organization=org_a, channel="email", value="help@example.org")
    before = snapshot()
    response = client_of("alice").patch(
        f"/api/v1/contact-points/{cp.pk}/", {"channel": channel, "value": value}, format="json"
    )
    assert_refused(response, "value")
    assert snapshot() == before


def test_changing_only_the_channel_revalidates_the_stored_value(alice, client_of, org_a):
    cp = ContactPointFactory(organization=org_a, channel="email", value="help@example.org")
    before = snapshot()
    response = client_of("alice").patch(
        f"/api/v1/contact-points/{cp.pk}/", {"channel": "phone"}, format="json"
    )
    assert_refused(response, "value")
    assert snapshot() == before


NORMALIZED = [
    ("phone", "+49 30 1234567", "+49301234567"),
    ("phone", "+49 (30) 123-4567", "+49301234567"),
    ("whatsapp", "+995 32 212 3456", "+995322123456"),
    ("sms", "+380 44 123 4567", "+380441234567"),
    ("signal", "+49 30 1234567", "+49301234567"),
    ("signal", "waypoint.42", "waypoint.42"),
    ("telegram", "https://t.me/waypoint_help", "@waypoint_help"),
    ("telegram", "https://t.me/waypoint_help/", "@waypoint_help"),
    ("telegram", "waypoint_help", "@waypoint_help"),
    ("telegram", "  @waypoint_help ", "@waypoint_help"),
    ("email", "Help@Example.ORG", "Help@example.org"),
    ("website", "https://example.org/help", "https://example.org/help"),
    ("form", "https://example.org/form?lang=ru", "https://example.org/form?lang=ru"),
    ("office", "  Hauptstr. 1, 10115 Berlin  ", "Hauptstr. 1, 10115 Berlin"),
]


@pytest.mark.parametrize(("channel", "raw", "stored"), NORMALIZED)
def test_it_stores_contact_values_in_canonical_form(alice, client_of, org_a, channel, raw, stored):
    response = client_of("alice").post("/api/v1/contact-points/", contact(org_a, channel=channel, value=raw))
    assert response.status_code == 201, response.data
    assert response.data["value"] == stored
    assert ContactPoint.objects.get(pk=response.data["id"]).value == stored


# ---------------------------------------------------------------------------
# Vocabularies, lengths and JSON types
# ---------------------------------------------------------------------------
BAD_CONTACT_FIELDS = [
    ({"languages": ["zz"]}, "languages"),
    ({"languages": ["ru", "russian"]}, "languages"),
    ({"languages": []}, "languages"),
    ({"countries": ["XX"]}, "countries"),
    ({"countries": ["de"]}, "countries"),
    ({"topics": ["smuggling"]}, "topics"),
    ({"channel": "pigeon"}, "channel"),
    ({"status": "deleted"}, "status"),
    ({"visibility": "secret"}, "visibility"),
    ({"label": "x" * 201}, "label"),
    ({"hours": "x" * 201}, "hours"),
    ({"security_advice": "x" * 2001}, "security_advice"),
    ({"label": "nul\x00byte"}, "label"),
    ({"languages": "ru"}, "languages"),
    ({"countries": "DE"}, "countries"),
    ({"topics": {"desertion": True}}, "topics"),
    ({"languages": [["ru"]]}, "languages"),
    ({"label": ["a", "b"]}, "label"),
    ({"label": {"text": "a"}}, "label"),
    ({"label": None}, "label"),
    ({"value": None}, "value"),
    ({"value": ["+49 30 1234567"]}, "value"),
    ({"organization": "alpha"}, "organization"),
    ({"organization": {"id": 1}}, "organization"),
    ({"organization": 99999999999999999999999}, "organization"),
    ({"organization": None}, "organization"),
    ({"security_advice": 12.5, "channel": 3}, "channel"),
]


@pytest.mark.parametrize(("fields", "attr"), BAD_CONTACT_FIELDS)
def test_it_refuses_invalid_contact_point_fields(alice, client_of, org_a, fields, attr):
    before = snapshot()
    response = client_of("alice").post("/api/v1/contact-points/", contact(org_a, **fields), format="json")
    assert_refused(response, attr)
    assert snapshot() == before


def test_it_names_every_invalid_field_at_once(alice, client_of, org_a):
    before = snapshot()
    response = client_of("alice").post(
        "/api/v1/contact-points/",
        {
            "organization": org_a.pk,
            "channel": "pigeon",
            "languages": ["zz"],
            "topics": ["x"],
            "label": "x" * 201,
        },
        format="json",
    )
    assert_refused(response, "channel", "languages", "topics", "label", "value")
    assert response.data["detail"].endswith("fields are invalid.")
    assert snapshot() == before


def test_it_refuses_missing_required_contact_fields(alice, client_of):
    before = snapshot()
    response = client_of("alice").post("/api/v1/contact-points/", {}, format="json")
    assert_refused(response, "organization", "channel", "value", "languages")
    assert snapshot() == before


BAD_ORGANIZATION_FIELDS = [
    ({"name": "x" * 201}, "name"),
    ({"name": ""}, "name"),
    ({"slug": "x" * 81}, "slug"),
    ({"slug": "not a slug!"}, "slug"),
    ({"slug": "alpha"}, "slug"),  # taken by A
    ({"website": "http://example.org"}, "website"),
    ({"website": "https://" + "a" * 200 + ".org"}, "website"),
    ({"website": "not a url"}, "website"),
    ({"languages": ["xx"]}, "languages"),
    ({"countries": ["ZZ"]}, "countries"),
    ({"kinds": ["smuggling"]}, "kinds"),
    ({"kinds": [1]}, "kinds"),
    ({"kinds": "counseling"}, "kinds"),
    ({"visibility": "everyone"}, "visibility"),
    ({"verified": "maybe"}, "verified"),
    ({"verified": [True]}, "verified"),
    ({"description": {"text": "x"}}, "description"),
    ({"description": "x" * 5001}, "description"),
]


@pytest.mark.parametrize(("fields", "attr"), BAD_ORGANIZATION_FIELDS)
def test_it_refuses_invalid_organization_fields(olga, client_of, org_a, fields, attr):
    before = snapshot()
    body = {"name": "Delta Shelter (example data)", "slug": "delta", **fields}
    response = client_of("olga").post("/api/v1/organizations/", body, format="json")
    assert_refused(response, attr)
    assert snapshot() == before


@pytest.mark.parametrize(("fields", "attr"), [f for f in BAD_ORGANIZATION_FIELDS if f[1] not in ("slug",)])
def test_a_coordinator_updating_with_invalid_fields_changes_nothing(alice, client_of, org_a, fields, attr):
    before = snapshot()
    response = client_of("alice").patch(f"/api/v1/organizations/{org_a.pk}/", fields, format="json")
    assert_refused(response, attr)
    assert snapshot() == before


BAD_COUNTRY_FIELDS = [
    ({"code": "XX"}, "code"),
    ({"code": "DEU"}, "code"),
    ({"code": "DE"}, "code"),  # a profile exists already
    ({"sources": [{"title": "Law", "url": "http://example.org/law"}]}, "sources"),
    ({"sources": [{"title": "Law", "url": "not a url"}]}, "sources"),
    ({"sources": [{"title": "Law"}]}, "sources"),
    ({"sources": [{"title": "x" * 301, "url": "https://example.org"}]}, "sources"),
    ({"sources": {"title": "Law", "url": "https://example.org"}}, "sources"),
    ({"sources": "https://example.org"}, "sources"),
    ({"sources": ["https://example.org"]}, "sources"),
    ({"last_reviewed": "yesterday"}, "last_reviewed"),
    ({"last_reviewed": "2024-02-30"}, "last_reviewed"),
    ({"conscription": ["a"]}, "conscription"),
    ({"penalties": "x" * 20001}, "penalties"),
    ({"sources": [{"title": f"Source {i}", "url": "https://example.org"} for i in range(51)]}, "sources"),
]


@pytest.mark.parametrize(("fields", "attr"), BAD_COUNTRY_FIELDS)
def test_it_refuses_invalid_country_profiles(olga, client_of, db, fields, attr):
    CountryFactory(code="DE")
    before = snapshot()
    response = client_of("olga").post("/api/v1/countries/", {"code": "GE", **fields}, format="json")
    assert_refused(response, attr)
    assert snapshot() == before


def test_the_country_code_of_a_profile_cannot_change(olga, client_of, db):
    CountryFactory(code="DE")
    before = snapshot()
    response = client_of("olga").patch("/api/v1/countries/DE/", {"code": "FR"}, format="json")
    assert_refused(response, "code")
    assert snapshot() == before


def test_a_valid_country_profile_keeps_its_https_sources(client_of, olga, db):
    sources = [{"title": "Law on alternative service (example data)", "url": "https://example.org/law"}]
    response = client_of("olga").post(
        "/api/v1/countries/", {"code": "ge", "sources": sources, "last_reviewed": "2024-05-01"}, format="json"
    )
    assert response.status_code == 201, response.data
    profile = Country.objects.get(code="GE")
    assert profile.sources == sources
    assert profile.reviewed_by == olga


# ---------------------------------------------------------------------------
# Bodies that are not JSON objects at all
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "raw",
    [b"{bad json", b'{"organization": 1,}', b"\xff\xfe", b'{"label": "unterminated}', b"{}}"],
)
def test_a_malformed_json_body_is_a_parse_error(alice, client_of, org_a, raw):
    cp = ContactPointFactory(organization=org_a)
    before = snapshot()
    for method, url in (("post", "/api/v1/contact-points/"), ("patch", f"/api/v1/contact-points/{cp.pk}/")):
        response = getattr(client_of("alice"), method)(url, data=raw, content_type="application/json")
        assert response.status_code == 400, (method, raw, response.content)
        assert response.json()["errors"][0]["code"] == "parse_error"
    assert snapshot() == before


@pytest.mark.parametrize("raw", [b"", b"[]", b"[1, 2]", b'"text"', b"42", b"null", b"true"])
def test_a_body_that_is_not_an_object_is_refused(alice, client_of, org_a, raw):
    before = snapshot()
    response = client_of("alice").post("/api/v1/contact-points/", data=raw, content_type="application/json")
    assert response.status_code == 400, response.content
    assert response.json()["errors"]
    assert snapshot() == before


def test_a_body_larger_than_the_upload_limit_is_refused_not_a_server_error(alice, client_of, org_a, settings):
    cp = ContactPointFactory(organization=org_a)
    before = snapshot()
    huge = {"security_advice": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)}
    response = client_of("alice").patch(f"/api/v1/contact-points/{cp.pk}/", huge, format="json")
    assert response.status_code == 413
    assert response.json()["errors"][0]["code"] == "payload_too_large"
    assert snapshot() == before


def test_a_body_that_is_not_json_is_refused_as_unsupported(alice, client_of, org_a):
    before = snapshot()
    response = client_of("alice").post(
        "/api/v1/contact-points/",
        data="organization=1&channel=phone",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 415
    assert snapshot() == before


# ---------------------------------------------------------------------------
# Query parameters are input too
# ---------------------------------------------------------------------------
BAD_PARAMETERS = [
    ("contact-points", {"country": "XX"}, "country"),
    ("contact-points", {"language": "zz"}, "language"),
    ("contact-points", {"topic": "smuggling"}, "topic"),
    ("contact-points", {"channel": "pigeon"}, "channel"),
    ("contact-points", {"status": "gone"}, "status"),
    ("contact-points", {"visibility": "secret"}, "visibility"),
    ("contact-points", {"organization": "alpha"}, "organization"),
    ("contact-points", {"organization": "1.5"}, "organization"),
    ("contact-points", {"organization": "99999999999999999999999"}, "organization"),
    ("contact-points", {"updated_since": "last tuesday"}, "updated_since"),
    ("contact-points", {"stale": "perhaps"}, "stale"),
    ("contact-points", {"q": "x" * 201}, "q"),
    ("organizations", {"verified": "perhaps"}, "verified"),
    ("organizations", {"kind": "smuggling"}, "kind"),
    ("organizations", {"country": "ZZ"}, "country"),
    ("countries", {"stale": "perhaps"}, "stale"),
    ("countries", {"updated_since": "2024-13-45"}, "updated_since"),
    # Every id filter takes whole numbers the database can hold, not a float or a 30-digit id.
    ("funding/entries", {"campaign": "2.54e+47"}, "campaign"),
    ("funding/entries", {"recipient": "99999999999999999999999"}, "recipient"),
    ("events", {"campaign": "99999999999999999999999"}, "campaign"),
    ("events", {"organization": "1.5"}, "organization"),
    ("resources", {"organization": "99999999999999999999999"}, "organization"),
    ("responses", {"resource": "99999999999999999999999"}, "resource"),
    ("responses", {"organization": "0"}, "organization"),
    ("inbox", {"organization": "99999999999999999999999"}, "organization"),
    ("documents", {"organization": "99999999999999999999999"}, "organization"),
    ("memberships", {"user": "99999999999999999999999"}, "user"),
    # Booleans are true or false, not whatever the filter would silently drop.
    ("inbox", {"unread": "maybe"}, "unread"),
    ("events", {"is_online": "maybe"}, "is_online"),
    # A time that cannot be expressed in UTC is refused, not a database error.
    ("changes", {"since": "0001-01-01T00:10:00+23:45"}, "since"),
    ("changes", {"until": "last tuesday"}, "until"),
]


@pytest.mark.parametrize(("endpoint", "params", "attr"), BAD_PARAMETERS)
def test_an_invalid_filter_value_is_a_400_naming_the_parameter(
    alice, client_of, org_a, endpoint, params, attr
):
    response = client_of("alice").get(f"/api/v1/{endpoint}/", params)
    assert_refused(response, attr)
