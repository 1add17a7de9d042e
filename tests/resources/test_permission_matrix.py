"""Who may read and write resources and the responses to them, as one table.

The cast is `tests.matrix.MEMBERS_CAST`; the statuses follow from the table by the one rule
in tests/matrix.py. Each failed write leaves the row as it was.
"""

import pytest

from tests.factories import ResourceFactory, ResponseFactory
from tests.matrix import MEMBERS_CAST, cases, check_read, check_write, write_status

pytestmark = pytest.mark.django_db

CAST = MEMBERS_CAST


@pytest.fixture
def world(org_a, org_b):
    """One object of each kind, owned by A (or between A and B), with the list it appears in."""
    resource = ResourceFactory(organization=org_a)
    return {
        "resource": ("/api/v1/resources/", ResourceFactory(organization=org_a), {"title": "Renamed"}),
        "restricted_resource": (
            "/api/v1/resources/",
            ResourceFactory(organization=org_a, visibility="restricted"),
            {"title": "Renamed"},
        ),
        "response": (
            "/api/v1/responses/",
            ResponseFactory(resource=resource, organization=org_b),
            {"message": "Changed"},
        ),
    }


EVERYONE = frozenset(CAST)
NETWORK = EVERYONE - {"nobody"}
A_SIDE = frozenset({"anna", "alice", "olga"})
A_AND_B = A_SIDE | {"bob"}

# Who sees each object (in the list, 200 on detail; everyone else: absent, 404) and who may change it.
SEEN_BY = {
    "resource": NETWORK,
    "restricted_resource": A_SIDE,
    "response": A_AND_B,  # between A (the resource's owner) and B (the responder) only
}
WRITERS = {
    "resource": {"alice", "olga"},
    "restricted_resource": {"alice", "olga"},
    "response": {"bob", "olga"},  # the responder edits its response
}
# Actions on the response between A and B: who may take each.
RESPONSE_ACTIONS = {
    "accept": {"alice", "olga"},
    "decline": {"alice", "olga"},
    "withdraw": {"bob", "olga"},
    "messages": {"alice", "bob", "olga"},
}


@pytest.mark.parametrize(("name", "who"), cases(SEEN_BY, CAST))
def test_reading(client_of, world, name, who):
    list_url, obj, _ = world[name]
    check_read(client_of(who), list_url, obj, who in SEEN_BY[name])


@pytest.mark.parametrize(("name", "who"), cases(SEEN_BY, CAST))
def test_writing(client_of, world, name, who):
    list_url, obj, change = world[name]
    check_write(client_of(who), list_url, obj, change, write_status(who, SEEN_BY[name], WRITERS[name]))


@pytest.mark.parametrize(("name", "who"), cases(RESPONSE_ACTIONS, CAST))
def test_response_actions(client_of, world, name, who):
    _, response, _ = world["response"]
    body = {"body": "Hello"} if name == "messages" else {}
    success = 201 if name == "messages" else 200
    expected = write_status(who, SEEN_BY["response"], RESPONSE_ACTIONS[name], success)
    answer = client_of(who).post(f"/api/v1/responses/{response.id}/{name}/", body, format="json")
    assert answer.status_code == expected, answer.content
