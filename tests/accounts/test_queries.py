"""Account lists cost the same number of queries whatever the page size (no query per row)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Membership
from tests.factories import MembershipFactory, UserFactory


@pytest.fixture
def crowd(olga, alice, org_a, as_user):
    """Six more people in Alpha, each with a pending invitation sent by alice."""
    client = as_user(alice)
    for number in range(6):
        user = UserFactory(username=f"person{number}")
        MembershipFactory(user=user, organization=org_a, role=Membership.Role.MEMBER)
        response = client.post(
            "/api/v1/invitations/", {"email": f"p{number}@example.org", "organization": org_a.pk}
        )
        assert response.status_code == 201


@pytest.mark.parametrize("path", ["/api/v1/memberships/", "/api/v1/invitations/", "/api/v1/users/"])
def test_a_list_costs_the_same_at_two_page_sizes(crowd, olga, as_user, path):
    client = as_user(olga)
    counts = []
    for page_size in (1, 6):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, {"page_size": page_size})
        assert response.status_code == 200
        assert len(response.data["results"]) == page_size
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    assert counts[1] <= 8, counts
