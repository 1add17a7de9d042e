"""`ordering=relevance` orders contact points by the rule of docs/design.md ("Which contacts
come first"), on the cases shared with the app (tests/fixtures/contact_ranking.json).

Read over HTTP by the network office and by a coordinator of the Tbilisi organization, who
both see its paused contact; page by page through `next` links too, so the keyset of the
ranked order is checked along with the order itself.
"""

import json
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from organizations.models import ContactPoint
from organizations.ranking import countries_served, serves_q
from tests.factories import ContactPointFactory, MembershipFactory, OrganizationFactory, UserFactory

FIXTURE = json.loads((Path(__file__).parents[1] / "fixtures" / "contact_ranking.json").read_text())
URL = "/api/v1/contact-points/"


@pytest.fixture
def network(db):
    """The fixture's organizations and contacts: contact key by id, and the organizations by key."""
    now = timezone.now()
    organizations = {
        key: OrganizationFactory(name=spec["name"], kinds=spec["kinds"], countries=spec["countries"])
        for key, spec in FIXTURE["organizations"].items()
    }
    keys = {}
    for key, spec in FIXTURE["contacts"].items():
        days = spec["last_verified_days_ago"]
        contact = ContactPointFactory(
            organization=organizations[spec["organization"]],
            channel=spec["channel"],
            languages=spec["languages"],
            countries=spec["countries"],
            status=spec["status"],
            last_verified_at=None if days is None else now - timedelta(days=days, minutes=1),
            is_example=spec.get("is_example", True),
        )
        keys[contact.pk] = key
    return keys, organizations


@pytest.fixture(params=["admin", "tbilisi coordinator"])
def reader(request, network, as_user, olga):
    if request.param == "admin":
        return as_user(olga)
    user = UserFactory(username="tbilisi-coordinator")
    MembershipFactory(user=user, organization=network[1]["tbilisi"], role="coordinator")
    return as_user(user)


def ranked(client, case: dict, page_size: int = 100) -> list[int]:
    params = {"ordering": "relevance", "page_size": page_size}
    if case["country"]:
        params["country"] = case["country"]
    response = client.get(URL, params, HTTP_ACCEPT_LANGUAGE=f"{case['language']},en;q=0.5")
    ids = []
    while True:
        assert response.status_code == 200, response.data
        ids += [item["id"] for item in response.data["results"]]
        if not response.data["next"]:
            return ids
        response = client.get(response.data["next"], HTTP_ACCEPT_LANGUAGE=f"{case['language']},en;q=0.5")


@pytest.mark.parametrize(
    "case", FIXTURE["cases"], ids=lambda case: f"{case['country'] or 'any'}-{case['language']}"
)
def test_relevance_follows_the_rule(reader, network, case):
    keys, _ = network
    assert [keys[i] for i in ranked(reader, case)] == case["expected"]


@pytest.mark.parametrize(
    "case", FIXTURE["cases"], ids=lambda case: f"{case['country'] or 'any'}-{case['language']}"
)
def test_ranked_pages_followed_by_cursor_give_the_same_order(reader, network, case):
    keys, _ = network
    assert [keys[i] for i in ranked(reader, case, page_size=3)] == case["expected"]


def test_the_language_filter_is_the_preferred_language(reader, network):
    keys, _ = network
    response = reader.get(URL, {"ordering": "relevance", "country": "GE", "language": "ka"})
    order = [keys[item["id"]] for item in response.data["results"]]
    assert order == ["tbilisi_ka", "tbilisi_ru_fresh"]


def test_reversed_relevance_is_the_rule_backwards(reader, network):
    keys, _ = network
    case = FIXTURE["cases"][0]
    response = reader.get(URL, {"ordering": "-relevance", "country": "GE"}, HTTP_ACCEPT_LANGUAGE="ru")
    assert [keys[item["id"]] for item in response.data["results"]] == case["expected"][::-1]


def test_an_outsider_sees_only_active_contacts_in_the_ranked_list(network, api):
    keys, organizations = network
    for organization in organizations.values():
        organization.visibility = "public"
        organization.save()
    case = FIXTURE["cases"][0]
    response = api.get(URL, {"ordering": "relevance", "country": "GE"}, HTTP_ACCEPT_LANGUAGE="ru")
    expected = [key for key in case["expected"] if key != "tbilisi_ru_paused"]
    assert [keys[item["id"]] for item in response.data["results"]] == expected
    assert response.data["count"] == len(expected)


def test_the_countries_a_contact_serves_agree_with_the_filter_of_the_ranked_list(network):
    """One rule, two readings: `serves_q` in SQL for lists, `countries_served` for one contact (HSDS)."""
    contacts = ContactPoint.objects.select_related("organization")
    countries = {str(code) for c in contacts for code in [*c.countries, *c.organization.countries]}
    assert countries
    for country in sorted(countries):
        serving = set(contacts.filter(serves_q(country)).values_list("pk", flat=True))
        assert serving == {c.pk for c in contacts if country in countries_served(c)}, country
