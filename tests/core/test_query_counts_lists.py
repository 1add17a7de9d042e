"""The large lists cost a fixed number of queries whatever the number of rows and the depth of the page.

Organizations, contact points and documents (with attachments, a nested list) are created in
bulk at two sizes; for each viewer, the first page and cursor pages found by following
`next` links cost the same at both sizes and at every depth, and a cursor page skips the
count. An N+1 anywhere, or a count or an OFFSET scan on deep pages, changes the numbers.
"""

import pytest

from documents.models import Attachment, Document
from organizations.models import ContactPoint, Organization
from tests.factories import MembershipFactory, UserFactory

PAGE = 10
LISTS = ["organizations", "contact-points", "documents"]


def build(size: int) -> list[Organization]:
    """`size` organizations, contact points and published documents, a third of them network-only."""
    organizations = Organization.objects.bulk_create(
        Organization(
            name=f"Group {i:04} (example data)",
            slug=f"group-{i:04}",
            countries=["DE", "GE"],
            kinds=["counseling"],
            languages=["ru", "en"],
            visibility="network" if i % 3 == 0 else "public",
            is_example=True,
        )
        for i in range(size)
    )
    ContactPoint.objects.bulk_create(
        ContactPoint(
            organization=organization,
            channel="email",
            value=f"help{i}@example.org",
            languages=["ru"],
            countries=["GE"],
            visibility="public",
            status="paused" if i % 7 == 0 else "active",
            is_example=True,
        )
        for i, organization in enumerate(organizations)
    )
    documents = Document.objects.bulk_create(
        Document(
            organization=organization,
            title=f"Guide {i:04} (example data)",
            language="en",
            status="published",
            visibility="public",
            is_example=True,
        )
        for i, organization in enumerate(organizations)
    )
    Attachment.objects.bulk_create(
        Attachment(
            document=document,
            file=f"attachments/{i}.pdf",
            name="a.pdf",
            content_type="application/pdf",
            size=1,
            sha256="0" * 64,
            is_example=True,
        )
        for i, document in enumerate(documents)
        for _ in range(i % 3)
    )
    return organizations


@pytest.fixture(params=["anonymous", "member", "admin"])
def reader(request, api, as_user, olga):
    """`reader(organizations)`: a client of this viewer, and whether it signs in."""

    def make(organizations):
        if request.param == "anonymous":
            return api, False
        if request.param == "admin":
            return as_user(olga), True
        user = UserFactory(username="member")
        for organization in organizations[:3]:
            MembershipFactory(user=user, organization=organization)
        return as_user(user), True

    return make


def walk(client, url: str, pages: int, django_assert_num_queries, first: int, deep: int) -> list[int]:
    """Read `pages` pages through `next` links, asserting the queries of each; answers the ids read."""
    with django_assert_num_queries(first):
        response = client.get(url, {"page_size": PAGE})
    assert response.status_code == 200, response.data
    assert response.data["count"] is not None
    ids = [item["id"] for item in response.data["results"]]
    for _ in range(pages - 1):
        with django_assert_num_queries(deep):
            response = client.get(response.data["next"])
        assert response.status_code == 200, response.data
        assert response.data["count"] is None
        ids += [item["id"] for item in response.data["results"]]
    return ids


# Statements of one request beyond authentication: a count and the page, plus one for the
# attachments of a page of documents; a cursor page has no count. Signed-in readers add
# their session and memberships (two statements), and for documents one more: the revisions
# under way they may see (anonymous readers see none, so that one is never asked).
FIRST = {"organizations": 2, "contact-points": 2, "documents": 3}
SIGNED_IN = 2
SIGNED_IN_EXTRA = {"documents": 1}


@pytest.mark.parametrize("endpoint", LISTS)
@pytest.mark.parametrize("size", [40, 400])
def test_a_large_list_costs_the_same_at_every_size_and_depth(
    db, reader, endpoint, size, django_assert_num_queries
):
    client, signs_in = reader(build(size))
    url = f"/api/v1/{endpoint}/"
    client.get(url)  # warm up: what is loaded once per process is not counted
    # The request's transaction is a savepoint inside the test's: two statements.
    first = FIRST[endpoint] + (SIGNED_IN + SIGNED_IN_EXTRA.get(endpoint, 0) if signs_in else 0) + 2
    pages = 2 if size == 40 else 20
    ids = walk(client, url, pages, django_assert_num_queries, first=first, deep=first - 1)
    assert len(ids) == len(set(ids)) == pages * PAGE
