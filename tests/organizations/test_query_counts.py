"""Lists cost the same number of queries whatever the page size, and pages are capped.

More than 100 objects of each kind exist, so a page of 100 is full; an N+1 anywhere in a
serializer would make the page of 100 cost more queries than the page of 1.
"""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_countries import countries

from countries.models import Country
from organizations.models import ContactPoint, Organization
from tests.factories import MembershipFactory, UserFactory

MANY = 105
CAP = settings.API_MAX_PAGE_SIZE
ENDPOINTS = ["organizations", "contact-points", "countries"]
ACTORS = ["anonymous", "member", "coordinator", "admin"]


@pytest.fixture
def many(db, django_user_model):
    """Over a hundred public organizations, contact points and country profiles."""
    organizations = Organization.objects.bulk_create(
        Organization(
            name=f"Group {i:03} (example data)",
            slug=f"group-{i:03}",
            countries=["DE", "FR"],
            kinds=["counseling"],
            languages=["ru", "en"],
            visibility="public",
            is_example=True,
        )
        for i in range(MANY)
    )
    reviewer = UserFactory(username="reviewer")
    ContactPoint.objects.bulk_create(
        ContactPoint(
            organization=org,
            channel="email",
            value=f"help{i}@example.org",
            label="Counseling (example data)",
            languages=["ru"],
            countries=["DE"],
            topics=["desertion", "asylum"],
            visibility="public",
            last_verified_by=reviewer,
            is_example=True,
        )
        for i, org in enumerate(organizations)
    )
    codes = [code for code, _ in countries][:MANY]
    Country.objects.bulk_create(
        Country(code=code, conscription="(example data)", reviewed_by=reviewer, is_example=True)
        for code in codes
    )
    return organizations


@pytest.fixture
def client_as(api, as_user, olga, many):
    def make(actor: str):
        if actor == "anonymous":
            return api
        if actor == "admin":
            return as_user(olga)
        role = "coordinator" if actor == "coordinator" else "member"
        # Several memberships, so the viewer's organization ids take part in the query.
        user = UserFactory(username=actor)
        for org in many[:3]:
            MembershipFactory(user=user, organization=org, role=role)
        return as_user(user)

    return make


def queries_for(client, url: str, params: dict) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200, response.data
    return len(captured.captured_queries), response.data


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("actor", ACTORS)
def test_a_list_costs_the_same_queries_for_one_or_a_hundred_rows(client_as, actor, endpoint):
    client = client_as(actor)
    url = f"/api/v1/{endpoint}/"
    client.get(url)  # warm up: nothing lazily loaded once per process may be counted
    one, small = queries_for(client, url, {"page_size": 1})
    hundred, large = queries_for(client, url, {"page_size": 100})
    assert len(small["results"]) == 1
    assert len(large["results"]) == 100
    assert small["count"] == large["count"] >= MANY
    assert one == hundred
    # Authentication, viewer, count and page: a handful, not one per row.
    assert hundred <= 8


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_filters_and_ordering_do_not_add_queries_per_row(client_as, endpoint):
    client = client_as("member")
    url = f"/api/v1/{endpoint}/"
    params = {
        "organizations": {"country": "DE", "language": "ru", "ordering": "-updated_at"},
        "contact-points": {"topic": "asylum", "language": "ru", "q": "help", "ordering": "channel"},
        "countries": {"q": "example", "ordering": "-code"},
    }[endpoint]
    client.get(url, params)
    one, _ = queries_for(client, url, {**params, "page_size": 1})
    hundred, large = queries_for(client, url, {**params, "page_size": 100})
    assert len(large["results"]) == 100
    assert one == hundred


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_the_page_size_is_capped_at_one_hundred(client_as, endpoint):
    response = client_as("anonymous").get(f"/api/v1/{endpoint}/", {"page_size": CAP})
    assert response.status_code == 200
    assert len(response.data["results"]) == CAP == 100
    assert response.data["count"] >= MANY
    assert response.data["next"] is not None


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("size", ["101", "100000", "0", "-5", "many"])
def test_a_page_size_out_of_its_declared_range_is_refused(client_as, endpoint, size):
    response = client_as("anonymous").get(f"/api/v1/{endpoint}/", {"page_size": size})
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "page_size"


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_a_page_beyond_the_end_is_a_404(client_as, endpoint):
    response = client_as("anonymous").get(f"/api/v1/{endpoint}/", {"page": 999})
    assert response.status_code == 404
