"""Each list filter selects exactly what it says, on top of what the viewer may see.

The fixture `contacts` is three contact points that differ in every filtered property,
so each filter must pick out one particular subset; a filter that does nothing, or
the wrong thing, fails.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from organizations.models import ContactPoint, Organization
from tests.factories import ContactPointFactory, OrganizationFactory


def ids(response) -> list:
    assert response.status_code == 200, response.data
    return [item["id"] for item in response.data["results"]]


def id_set(response) -> set:
    return set(ids(response))


@pytest.fixture
def contacts(org_a, org_b):
    org_a.visibility = org_b.visibility = "public"
    org_a.save()
    org_b.save()
    hotline = ContactPointFactory(
        organization=org_a,
        channel="phone",
        value="+49301234567",
        label="Hotline (example data)",
        languages=["ru", "de"],
        countries=["DE"],
        topics=["desertion", "asylum"],
        hours="daily",
    )
    legal = ContactPointFactory(
        organization=org_b,
        channel="email",
        value="legal@example.org",
        label="Legal desk (example data)",
        languages=["en", "uk"],
        countries=["FR", "BE"],
        topics=["legal"],
        hours="Mon-Fri 10-16",
    )
    shelter = ContactPointFactory(
        organization=org_a,
        channel="telegram",
        value="@georgia_shelter",
        label="Shelter line (example data)",
        languages=["ka", "ru"],
        countries=["GE"],
        topics=["shelter"],
        status="paused",
        visibility="network",
    )
    return {"hotline": hotline, "legal": legal, "shelter": shelter}


URL = "/api/v1/contact-points/"


# ---------------------------------------------------------------------------
# Contact points
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("country", "expected"),
    [("DE", {"hotline"}), ("BE", {"legal"}), ("FR", {"legal"}), ("GE", {"shelter"}), ("FI", set())],
)
def test_contacts_filter_by_country_served(olga, client_of, contacts, country, expected):
    assert id_set(client_of("olga").get(URL, {"country": country})) == {contacts[k].pk for k in expected}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ru", {"hotline", "shelter"}),
        ("uk", {"legal"}),
        ("de", {"hotline"}),
        ("ka", {"shelter"}),
        ("fi", set()),
    ],
)
def test_contacts_filter_by_language(olga, client_of, contacts, language, expected):
    assert id_set(client_of("olga").get(URL, {"language": language})) == {contacts[k].pk for k in expected}


@pytest.mark.parametrize(
    ("channel", "expected"),
    [("phone", {"hotline"}), ("email", {"legal"}), ("telegram", {"shelter"}), ("signal", set())],
)
def test_contacts_filter_by_channel(olga, client_of, contacts, channel, expected):
    assert id_set(client_of("olga").get(URL, {"channel": channel})) == {contacts[k].pk for k in expected}


@pytest.mark.parametrize(
    ("topic", "expected"),
    [
        ("asylum", {"hotline"}),
        ("desertion", {"hotline"}),
        ("legal", {"legal"}),
        ("shelter", {"shelter"}),
        ("funding", set()),
    ],
)
def test_contacts_filter_by_topic(olga, client_of, contacts, topic, expected):
    assert id_set(client_of("olga").get(URL, {"topic": topic})) == {contacts[k].pk for k in expected}


def test_contacts_filter_by_organization_id_and_slug(olga, client_of, contacts, org_a, org_b):
    expected_a = {contacts["hotline"].pk, contacts["shelter"].pk}
    assert id_set(client_of("olga").get(URL, {"organization": org_a.pk})) == expected_a
    assert id_set(client_of("olga").get(URL, {"organization": org_b.pk})) == {contacts["legal"].pk}
    assert id_set(client_of("olga").get(URL, {"organization_slug": "alpha"})) == expected_a
    assert id_set(client_of("olga").get(URL, {"organization": 987654})) == set()


def test_contacts_filter_by_status_only_within_what_the_viewer_sees(
    as_user, api, olga, client_of, contacts, alice, bob
):
    paused = {contacts["shelter"].pk}
    assert id_set(client_of("olga").get(URL, {"status": "paused"})) == paused
    assert id_set(client_of("olga").get(URL, {"status": "active"})) == {
        contacts["hotline"].pk,
        contacts["legal"].pk,
    }
    assert id_set(as_user(alice).get(URL, {"status": "paused"})) == paused
    assert id_set(as_user(bob).get(URL, {"status": "paused"})) == set()
    assert id_set(api.get(URL, {"status": "paused"})) == set()


def test_contacts_filter_by_visibility(olga, client_of, contacts):
    assert id_set(client_of("olga").get(URL, {"visibility": "network"})) == {contacts["shelter"].pk}
    assert id_set(client_of("olga").get(URL, {"visibility": "public"})) == {
        contacts["hotline"].pk,
        contacts["legal"].pk,
    }


def test_contacts_filter_by_updated_since(olga, client_of, contacts):
    long_ago = timezone.now() - timedelta(days=30)
    ContactPoint.objects.filter(pk=contacts["legal"].pk).update(updated_at=long_ago)
    since = (timezone.now() - timedelta(days=1)).isoformat()
    assert id_set(client_of("olga").get(URL, {"updated_since": since})) == {
        contacts["hotline"].pk,
        contacts["shelter"].pk,
    }
    # The bound is inclusive: a client resumes from the newest updated_at it holds.
    assert contacts["legal"].pk in id_set(client_of("olga").get(URL, {"updated_since": long_ago.isoformat()}))
    future = (timezone.now() + timedelta(days=1)).isoformat()
    assert id_set(client_of("olga").get(URL, {"updated_since": future})) == set()


def test_contacts_filter_by_stale(olga, client_of, contacts, settings):
    settings.CONTACT_STALE_DAYS = 30
    now = timezone.now()
    ContactPoint.objects.filter(pk=contacts["hotline"].pk).update(last_verified_at=now - timedelta(days=10))
    ContactPoint.objects.filter(pk=contacts["legal"].pk).update(last_verified_at=now - timedelta(days=40))
    # The shelter line was never verified: stale too.
    stale = {contacts["legal"].pk, contacts["shelter"].pk}
    assert id_set(client_of("olga").get(URL, {"stale": "true"})) == stale
    assert id_set(client_of("olga").get(URL, {"stale": "false"})) == {contacts["hotline"].pk}
    settings.CONTACT_STALE_DAYS = 5
    assert id_set(client_of("olga").get(URL, {"stale": "false"})) == set()


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("hotline", {"hotline"}),  # label
        ("HOTLINE", {"hotline"}),  # case-insensitive
        ("georgia_shelter", {"shelter"}),  # value
        ("mon-fri", {"legal"}),  # hours
        ("Bravo", {"legal"}),  # organization name
        ("legal mon-fri", {"legal"}),  # every term must match, in any field
        ("legal hotline", set()),
        ("example", {"hotline", "legal", "shelter"}),
        ("nothing-like-this", set()),
    ],
)
def test_contacts_search_with_q(olga, client_of, contacts, q, expected):
    assert id_set(client_of("olga").get(URL, {"q": q})) == {contacts[k].pk for k in expected}


def test_contacts_order_by_channel_and_by_update(olga, client_of, contacts):
    by_channel = [contacts[k].pk for k in ("legal", "hotline", "shelter")]  # email, phone, telegram
    assert ids(client_of("olga").get(URL, {"ordering": "channel"})) == by_channel
    assert ids(client_of("olga").get(URL, {"ordering": "-channel"})) == by_channel[::-1]
    now = timezone.now()
    for days, key in enumerate(("shelter", "legal", "hotline")):
        ContactPoint.objects.filter(pk=contacts[key].pk).update(updated_at=now - timedelta(days=days))
    assert ids(client_of("olga").get(URL, {"ordering": "-updated_at"})) == [
        contacts[k].pk for k in ("shelter", "legal", "hotline")
    ]
    assert ids(client_of("olga").get(URL, {"ordering": "updated_at"})) == [
        contacts[k].pk for k in ("hotline", "legal", "shelter")
    ]


def test_contacts_order_by_last_verified(olga, client_of, contacts):
    now = timezone.now()
    ContactPoint.objects.filter(pk=contacts["hotline"].pk).update(last_verified_at=now - timedelta(days=2))
    ContactPoint.objects.filter(pk=contacts["legal"].pk).update(last_verified_at=now - timedelta(days=1))
    ContactPoint.objects.filter(pk=contacts["shelter"].pk).update(last_verified_at=now - timedelta(days=3))
    assert ids(client_of("olga").get(URL, {"ordering": "-last_verified_at"})) == [
        contacts[k].pk for k in ("legal", "hotline", "shelter")
    ]


def test_contacts_are_ordered_by_organization_name_by_default(olga, client_of, contacts):
    # Alpha's two (phone, telegram) before Bravo's one.
    assert ids(client_of("olga").get(URL)) == [contacts[k].pk for k in ("hotline", "shelter", "legal")]


def test_filters_combine(olga, client_of, contacts):
    assert id_set(client_of("olga").get(URL, {"language": "ru", "country": "GE"})) == {contacts["shelter"].pk}
    assert id_set(client_of("olga").get(URL, {"language": "ru", "channel": "email"})) == set()


# ---------------------------------------------------------------------------
# Organizations
# ---------------------------------------------------------------------------
ORG_URL = "/api/v1/organizations/"


@pytest.fixture
def organizations(db):
    return {
        "charlie": OrganizationFactory(
            name="Charlie Shelter",
            slug="charlie",
            description="Beds near the border (example data).",
            countries=["LT", "LV"],
            kinds=["shelter"],
            languages=["ru", "lt"],
            verified=True,
        ),
        "delta": OrganizationFactory(
            name="Delta Legal",
            slug="delta",
            description="Lawyers for asylum cases (example data).",
            countries=["FR"],
            kinds=["legal_aid", "advocacy"],
            languages=["fr", "en"],
            visibility="network",
        ),
        "echo": OrganizationFactory(
            name="Echo Funding",
            slug="echo",
            countries=["DE"],
            kinds=["funding"],
            languages=["de"],
            visibility="restricted",
        ),
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "LV"}, {"charlie"}),
        ({"country": "FR"}, {"delta"}),
        ({"language": "en"}, {"delta"}),
        ({"language": "ru"}, {"charlie"}),
        ({"kind": "advocacy"}, {"delta"}),
        ({"kind": "funding"}, {"echo"}),
        ({"verified": "true"}, {"charlie"}),
        ({"verified": "false"}, {"delta", "echo"}),
        ({"visibility": "restricted"}, {"echo"}),
        ({"q": "border"}, {"charlie"}),  # description
        ({"q": "delta"}, {"delta"}),  # name and slug
        ({"q": "legal asylum"}, {"delta"}),
        ({"q": "legal shelter"}, set()),
    ],
)
def test_organizations_filter(olga, client_of, organizations, params, expected):
    assert id_set(client_of("olga").get(ORG_URL, params)) == {organizations[k].pk for k in expected}


def test_organizations_order_by_name_and_update(olga, client_of, organizations):
    names = ["charlie", "delta", "echo"]
    assert ids(client_of("olga").get(ORG_URL)) == [organizations[k].pk for k in names]
    assert ids(client_of("olga").get(ORG_URL, {"ordering": "-name"})) == [
        organizations[k].pk for k in names[::-1]
    ]
    now = timezone.now()
    for days, key in enumerate(("echo", "charlie", "delta")):
        Organization.objects.filter(pk=organizations[key].pk).update(updated_at=now - timedelta(days=days))
    assert ids(client_of("olga").get(ORG_URL, {"ordering": "-updated_at"})) == [
        organizations[k].pk for k in ("echo", "charlie", "delta")
    ]
    since = (now - timedelta(hours=12)).isoformat()
    assert id_set(client_of("olga").get(ORG_URL, {"updated_since": since})) == {organizations["echo"].pk}


def test_organization_filters_respect_visibility(api, organizations):
    assert id_set(api.get(ORG_URL, {"kind": "funding"})) == set()
    assert id_set(api.get(ORG_URL, {"q": "legal"})) == set()
    assert id_set(api.get(ORG_URL, {"verified": "true"})) == {organizations["charlie"].pk}
