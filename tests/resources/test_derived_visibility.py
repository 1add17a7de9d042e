"""What a response embeds from its resource obeys the resource's visibility.

Alice (A) offers a resource, Bob (B) responds. Then the resource leaves Bob's sight: Alice
restricts it to A, or the network office restricts A itself. Bob still reads his own response
and its thread, but not the resource's title or its organization's name, and he writes no more
in a thread about a resource he cannot see (docs/design.md rules 1 and 3).
"""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(client_of, org_a, org_b):
    """Bob's response to Alice's offer, while both could see it."""
    offer = client_of("alice").post(
        "/api/v1/resources/",
        {
            "kind": "offer",
            "category": "legal_aid",
            "organization": org_a.id,
            "title": "Lawyer hours in Vilnius (example data)",
            "capacity": "10 hours",
            "countries": ["LT"],
            "languages": ["ru"],
            "visibility": "network",
        },
        format="json",
    )
    assert offer.status_code == 201, offer.content
    response = client_of("bob").post(
        "/api/v1/responses/",
        {"resource": offer.data["id"], "organization": org_b.id, "message": "Two cases (example data)."},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.data["resource_title"] == "Lawyer hours in Vilnius (example data)"
    return {"resource": offer.data["id"], "response": response.data["id"]}


def hide_from_bob(client_of, how: str, org_a, resource_id: int) -> None:
    if how == "resource restricted":
        changed = client_of("alice").patch(
            f"/api/v1/resources/{resource_id}/",
            {"visibility": "restricted", "title": "Lawyer hours, renamed (example data)"},
            format="json",
        )
    else:
        changed = client_of("olga").patch(
            f"/api/v1/organizations/{org_a.id}/", {"visibility": "restricted"}, format="json"
        )
    assert changed.status_code == 200, changed.content
    assert client_of("bob").get(f"/api/v1/resources/{resource_id}/").status_code == 404


HIDDEN_ORG = "organization restricted"
HOW = ["resource restricted", HIDDEN_ORG]


@pytest.mark.parametrize("how", HOW)
def test_a_response_no_longer_names_a_resource_its_responder_cannot_see(client_of, org_a, answered, how):
    hide_from_bob(client_of, how, org_a, answered["resource"])

    url = f"/api/v1/responses/{answered['response']}/"
    for read in (client_of("bob").get(url), client_of("bob").get("/api/v1/responses/").data["results"][0]):
        data = read.data if hasattr(read, "data") else read
        assert data["id"] == answered["response"]
        assert data["resource_title"] is None
        # A itself is named only while Bob may still see it.
        assert data["resource_organization_name"] == (None if how == HIDDEN_ORG else "Alpha Counseling")
        assert data["organization_name"] == "Bravo Legal"

    # The owner, and the network office, still see the whole of it.
    for name in ("alice", "olga"):
        data = client_of(name).get(url).data
        assert data["resource_title"] is not None
        assert data["resource_organization_name"] == "Alpha Counseling"


@pytest.mark.parametrize("how", HOW)
def test_a_responder_who_cannot_see_the_resource_reads_the_thread_but_writes_no_more(
    client_of, org_a, answered, how
):
    url = f"/api/v1/responses/{answered['response']}/messages/"
    assert client_of("alice").post(url, {"body": "When can you come?"}, format="json").status_code == 201
    hide_from_bob(client_of, how, org_a, answered["resource"])

    refused = client_of("bob").post(url, {"body": "Next week."}, format="json")
    assert refused.status_code == 403, refused.content
    thread = client_of("bob").get(url)
    assert thread.status_code == 200
    assert [m["body"] for m in thread.data["results"]] == ["When can you come?"]
    # Alice wrote for A: named only while Bob may see A.
    assert thread.data["results"][0]["organization_name"] == (
        None if how == HIDDEN_ORG else "Alpha Counseling"
    )
    assert client_of("alice").post(url, {"body": "Still there?"}, format="json").status_code == 201


def test_the_owner_no_longer_sees_the_name_of_a_responder_hidden_since(client_of, org_b, answered):
    """Bravo responded, then the network office restricted Bravo: Alice keeps the response
    (it is A's too) and its inbox item, but no longer reads Bravo's name in either."""
    received = client_of("alice").get("/api/v1/inbox/").data["results"]
    assert [item["actor_organization_name"] for item in received] == ["Bravo Legal"]
    hidden = client_of("olga").patch(f"/api/v1/organizations/{org_b.id}/", {"visibility": "restricted"})
    assert hidden.status_code == 200
    assert client_of("alice").get(f"/api/v1/organizations/{org_b.id}/").status_code == 404

    received = client_of("alice").get("/api/v1/inbox/").data["results"]
    assert [item["actor_organization_name"] for item in received] == [None]
    response = client_of("alice").get(f"/api/v1/responses/{answered['response']}/").data
    assert (response["organization"], response["organization_name"]) == (org_b.id, None)
    assert response["resource_title"] == "Lawyer hours in Vilnius (example data)"
