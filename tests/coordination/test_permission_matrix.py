"""Who may read and write what, for every coordination endpoint, as one table.

The cast: anna (member of A), alice (coordinator of A), bob (coordinator of B), chris
(member of C), carol (coordinator of C), olga (admin) and nobody (anonymous). All three
organizations are network-visible. What a caller may not see is 404 on detail and absent
from the list; what they see but may not change is 403; anonymous writes are 401.
Each failed write leaves the row as it was.
"""

import pytest

from .factories import CampaignFactory, EventFactory, LedgerEntryFactory, ResourceFactory, ResponseFactory

pytestmark = pytest.mark.django_db

CAST = ("nobody", "anna", "alice", "bob", "chris", "carol", "olga")


@pytest.fixture
def world(org_a, org_b):
    """One object of each kind, owned by A (or between A and B), with the list it appears in."""
    resource = ResourceFactory(organization=org_a)
    campaign = CampaignFactory(visibility="network")
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
        "campaign": ("/api/v1/campaigns/", campaign, {"description": "Changed"}),
        "event": (
            "/api/v1/events/",
            EventFactory(organization=org_a, campaign=campaign),
            {"title": "Renamed"},
        ),
        "restricted_event": (
            "/api/v1/events/",
            EventFactory(organization=org_a, campaign=campaign, visibility="restricted"),
            {"title": "Renamed"},
        ),
        "grant": ("/api/v1/funding/entries/", LedgerEntryFactory(recipient=org_a), {"purpose": "Changed"}),
        "collected": (
            "/api/v1/funding/entries/",
            LedgerEntryFactory(kind="collected", recipient=None),
            {"purpose": "Changed"},
        ),
    }


EVERYONE = frozenset(CAST)
NETWORK = EVERYONE - {"nobody"}
A_SIDE = frozenset({"anna", "alice", "olga"})
A_AND_B = A_SIDE | {"bob"}
ADMIN = frozenset({"olga"})

# Who sees each object (in the list, 200 on detail; everyone else: absent, 404) and who may change it.
SEEN_BY = {
    "resource": NETWORK,
    "restricted_resource": A_SIDE,
    "response": A_AND_B,  # between A (the resource's owner) and B (the responder) only
    "campaign": NETWORK,
    "event": NETWORK,
    "restricted_event": A_SIDE,
    "grant": A_SIDE,  # the recipient and admins
    "collected": ADMIN,
}
WRITERS = {
    "resource": {"alice", "olga"},
    "restricted_resource": {"alice", "olga"},
    "response": {"bob", "olga"},  # the responder edits its response
    "campaign": ADMIN,
    "event": {"alice", "olga"},
    "restricted_event": {"alice", "olga"},
    "grant": ADMIN,
    "collected": ADMIN,
}
# Actions on the response between A and B: who may take each.
RESPONSE_ACTIONS = {
    "accept": {"alice", "olga"},
    "decline": {"alice", "olga"},
    "withdraw": {"bob", "olga"},
    "messages": {"alice", "bob", "olga"},
}


def write_status(who: str, seen_by, writers, success: int = 200) -> int:
    """Anonymous 401; not seen 404 (never a telling 403); seen but not yours 403; yours 2xx."""
    if who == "nobody":
        return 401
    if who not in seen_by:
        return 404
    return success if who in writers else 403


def cases(names):
    return [pytest.param(name, who, id=f"{name}-{who}") for name in names for who in CAST]


@pytest.mark.parametrize(("name", "who"), cases(SEEN_BY))
def test_reading(client_of, world, name, who):
    list_url, obj, _ = world[name]
    client = client_of(who)
    seen = who in SEEN_BY[name]
    assert client.get(f"{list_url}{obj.id}/").status_code == (200 if seen else 404)
    listed = client.get(f"{list_url}?page_size=100")
    assert listed.status_code == 200
    assert (obj.id in {item["id"] for item in listed.data["results"]}) == seen


@pytest.mark.parametrize(("name", "who"), cases(SEEN_BY))
def test_writing(client_of, world, name, who):
    list_url, obj, change = world[name]
    expected = write_status(who, SEEN_BY[name], WRITERS[name])
    response = client_of(who).patch(f"{list_url}{obj.id}/", change, format="json")
    assert response.status_code == expected, response.content
    obj.refresh_from_db()
    field, value = next(iter(change.items()))
    assert (getattr(obj, field) == value) == (expected == 200)


@pytest.mark.parametrize(("name", "who"), cases(RESPONSE_ACTIONS))
def test_response_actions(client_of, world, name, who):
    _, response, _ = world["response"]
    body = {"body": "Hello"} if name == "messages" else {}
    success = 201 if name == "messages" else 200
    expected = write_status(who, SEEN_BY["response"], RESPONSE_ACTIONS[name], success)
    answer = client_of(who).post(f"/api/v1/responses/{response.id}/{name}/", body, format="json")
    assert answer.status_code == expected, answer.content
