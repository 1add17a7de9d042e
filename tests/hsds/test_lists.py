"""HSDS lists: the page envelope at its boundaries, `modified_after`, refused parameters, and a
cost in queries that does not grow with the page."""

from datetime import UTC, datetime

import pytest

from organizations.models import ContactPoint, Organization
from tests.factories import ContactPointFactory, OrganizationFactory
from tests.hsds.validation import assert_page

pytestmark = pytest.mark.django_db

LONG_AGO = datetime(2024, 1, 1, tzinfo=UTC)


@pytest.fixture
def five_organizations(db):
    return [OrganizationFactory(name=f"Group {i} (example data)", visibility="public") for i in range(5)]


def envelope(body: dict) -> tuple:
    return tuple(
        body[key]
        for key in ("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty")
    )


@pytest.mark.parametrize(
    ("query", "expected", "names"),
    [
        ("per_page=2", (5, 3, 1, 2, True, False, False), ["Group 0", "Group 1"]),
        ("per_page=2&page=2", (5, 3, 2, 2, False, False, False), ["Group 2", "Group 3"]),
        ("per_page=2&page=3", (5, 3, 3, 1, False, True, False), ["Group 4"]),
        (
            "per_page=5",
            (5, 1, 1, 5, True, True, False),
            ["Group 0", "Group 1", "Group 2", "Group 3", "Group 4"],
        ),
        ("per_page=4&page=2", (5, 2, 2, 1, False, True, False), ["Group 4"]),
        ("", (5, 1, 1, 5, True, True, False), ["Group 0", "Group 1", "Group 2", "Group 3", "Group 4"]),
    ],
)
def test_a_page_says_where_it_is(api, five_organizations, query, expected, names):
    body = api.get(f"/api/hsds/organizations?{query}").json()
    assert_page(body, "organization")
    assert envelope(body) == expected
    assert [
        organization["name"].removesuffix(" (example data)") for organization in body["contents"]
    ] == names


def test_an_empty_directory_is_one_empty_page(api, db):
    body = api.get("/api/hsds/services").json()
    assert_page(body, "service")
    assert envelope(body) == (0, 1, 1, 0, True, True, True)


def test_a_page_past_the_last_is_a_404_problem_in_the_callers_language(api, five_organizations):
    response = api.get("/api/hsds/organizations?per_page=2&page=4")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "That page contains no results"
    german = api.get("/api/hsds/organizations?per_page=2&page=4", HTTP_ACCEPT_LANGUAGE="de")
    assert german.json()["detail"] == "Diese Seite enthält keine Ergebnisse"


@pytest.mark.parametrize(
    ("query", "attr"),
    [
        ("page=0", "page"),
        ("page=two", "page"),
        ("per_page=0", "per_page"),
        ("per_page=101", "per_page"),
        ("modified_after=yesterday", "modified_after"),
        ("organization_id=42", "organization_id"),
    ],
)
def test_a_bad_parameter_is_a_400_problem_naming_it(api, query, attr):
    response = api.get(f"/api/hsds/services?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert [error["attr"] for error in response.json()["errors"]] == [attr]


def test_modified_after_keeps_what_changed_at_or_after_that_time(api, five_organizations):
    old, *recent = five_organizations
    Organization.objects.filter(pk=old.pk).update(updated_at=LONG_AGO)
    boundary = Organization.objects.filter(pk=recent[0].pk)
    boundary.update(updated_at=datetime(2025, 6, 1, 12, 0, tzinfo=UTC))
    Organization.objects.exclude(pk__in=[old.pk, recent[0].pk]).update(
        updated_at=datetime(2026, 1, 1, tzinfo=UTC)
    )
    body = api.get("/api/hsds/organizations?modified_after=2025-06-01T12:00:00Z").json()
    assert_page(body, "organization")
    assert {organization["name"] for organization in body["contents"]} == {org.name for org in recent}
    assert api.get("/api/hsds/organizations?modified_after=2025-06-01T12:00:01Z").json()["total_items"] == 3


def test_a_service_counts_as_modified_when_its_organization_changes(api, public_org):
    contact = ContactPointFactory(organization=public_org)
    ContactPoint.objects.filter(pk=contact.pk).update(updated_at=LONG_AGO)
    Organization.objects.filter(pk=public_org.pk).update(updated_at=LONG_AGO)
    assert api.get("/api/hsds/services?modified_after=2025-01-01T00:00:00Z").json()["total_items"] == 0
    public_org.name = "Open Door, renamed (example data)"
    public_org.save()
    body = api.get("/api/hsds/services?modified_after=2025-01-01T00:00:00Z").json()
    assert [service["organization"]["name"] for service in body["contents"]] == [public_org.name]
    assert body["contents"][0]["last_modified"] >= "2025"


@pytest.mark.parametrize(
    "address", ["/api/hsds/organizations", "/api/hsds/services", "/api/hsds/service_at_locations"]
)
@pytest.mark.parametrize("viewer", ["nobody", "anna"])
def test_a_list_costs_the_same_queries_at_any_page_size(
    address, viewer, client_of, org_a, django_assert_num_queries
):
    client = client_of(viewer)
    for i in range(30):
        organization = OrganizationFactory(name=f"Group {i:02} (example data)", visibility="public")
        ContactPointFactory(organization=organization, countries=["DE", "GE"])
        ContactPointFactory(organization=organization, channel="office", value=f"Street {i}, Berlin")
    client.get(address)  # the signed-in viewer's first request warms nothing that later ones reuse
    # The request's savepoint and its release, the count and the page (with its organizations);
    # signed in, the token's user and memberships on top.
    expected = 4 if viewer == "nobody" else 6
    for size in (5, 25):
        with django_assert_num_queries(expected):
            body = client.get(f"{address}?per_page={size}").json()
        assert body["size"] == size
