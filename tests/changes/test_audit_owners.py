"""The audit log names only owners its reader may see.

A response is owned by two organizations. Once A is restricted, Bob (coordinator of B) gets
404 for A; his audit entries about the response must not name A either, or they would tell
him it exists (docs/design.md rule 3).
"""

import pytest

from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db


def test_a_coordinator_sees_only_the_owners_he_may_see(client_of, org_a, org_b):
    offer = ResourceFactory(organization=org_a, visibility="network")
    made = client_of("bob").post(
        "/api/v1/responses/",
        {"resource": offer.id, "organization": org_b.id, "message": "We can help (example data)."},
        format="json",
    )
    assert made.status_code == 201, made.content
    entries = client_of("bob").get("/api/v1/changes/", {"object_type": "resource_response"}).data["results"]
    assert sorted(entries[0]["owners"]) == sorted([org_a.id, org_b.id])

    hidden = client_of("olga").patch(f"/api/v1/organizations/{org_a.id}/", {"visibility": "restricted"})
    assert hidden.status_code == 200
    assert client_of("bob").get(f"/api/v1/organizations/{org_a.id}/").status_code == 404

    entries = client_of("bob").get("/api/v1/changes/", {"object_type": "resource_response"}).data["results"]
    assert entries and all(entry["owners"] == [org_b.id] for entry in entries)
    one = client_of("bob").get(f"/api/v1/changes/{entries[0]['seq']}/").data
    assert one["owners"] == [org_b.id]
    # Alice, a member of A, and the network office still see both.
    for name in ("alice", "olga"):
        entries = (
            client_of(name).get("/api/v1/changes/", {"object_type": "resource_response"}).data["results"]
        )
        assert sorted(entries[0]["owners"]) == sorted([org_a.id, org_b.id])
