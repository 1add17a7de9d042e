"""The whole coordination loop through the API, as two partner organizations would live it.

Bob (coordinator of Bravo Legal) offers legal aid; Alice (coordinator of Alpha Counseling)
asks for it, finds Bob's offer among her request's matches and responds to it; Bob accepts.
Both find it in their inboxes. Carol and Chris (Charlie Shelter) and anonymous callers
must not learn that the response exists.
"""

import pytest

pytestmark = pytest.mark.django_db

OFFER = {
    "kind": "offer",
    "category": "legal_aid",
    "title": "Asylum appeal representation in Lithuania (example data)",
    "description": "Lawyers for appeals against 'threat to state security' rejections.",
    "countries": ["LT", "DE"],
    "languages": ["ru", "en", "lt"],
    "capacity": "4 cases a month",
    "valid_until": "2099-06-30",
}
REQUEST = {
    "kind": "request",
    "category": "legal_aid",
    "title": "Lawyer for a Belarusian objector in Vilnius (example data)",
    "countries": ["LT"],
    "languages": ["ru", "be"],
    "capacity": "1 case, hearing in January",
    "valid_until": "2099-01-31",
}


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.data["results"]]


def test_a_request_finds_an_offer_is_answered_accepted_and_stays_between_the_two_organizations(
    client_of, org_a, org_b, org_c
):
    alice, bob = client_of("alice"), client_of("bob")

    offer = bob.post("/api/v1/resources/", {**OFFER, "organization": org_b.id}, format="json")
    assert offer.status_code == 201, offer.content
    request = alice.post("/api/v1/resources/", {**REQUEST, "organization": org_a.id}, format="json")
    assert request.status_code == 201, request.content
    assert request.data["status"] == "open"

    matches = alice.get(f"/api/v1/resources/{request.data['id']}/matches/")
    assert ids(matches) == [offer.data["id"]]
    assert matches.data["results"][0]["overlap"] == 2  # LT and ru

    answered = alice.post(
        "/api/v1/responses/",
        {
            "resource": offer.data["id"],
            "organization": org_a.id,
            "message": "Our client has a hearing in January; can you take the case?",
            "contribution": "We prepare the file and translate the call-up papers.",
        },
        format="json",
    )
    assert answered.status_code == 201, answered.content
    response_url = f"/api/v1/responses/{answered.data['id']}/"
    assert answered.data["status"] == "pending"

    # Bob learns of the response (and, before that, of the match) in his inbox.
    bob_inbox = bob.get("/api/v1/inbox/")
    kinds = {item["kind"]: item for item in bob_inbox.data["results"]}
    assert kinds["response_received"]["response"] == answered.data["id"]
    assert kinds["new_match"]["related_resource"] == request.data["id"]

    accepted = bob.post(f"{response_url}accept/", {"note": "Yes, send the file."}, format="json")
    assert accepted.status_code == 200, accepted.content
    assert accepted.data["status"] == "accepted"
    assert bob.get(f"/api/v1/resources/{offer.data['id']}/").data["status"] == "in_progress"

    alice_inbox = alice.get("/api/v1/inbox/?unread=true")
    decision = [item for item in alice_inbox.data["results"] if item["kind"] == "response_accepted"]
    assert [item["response"] for item in decision] == [answered.data["id"]]
    assert decision[0]["actor_organization"] == org_b.id

    # The two organizations talk on the response.
    assert bob.post(f"{response_url}messages/", {"body": "Hearing date?"}, format="json").status_code == 201
    thread = alice.get(f"{response_url}messages/")
    assert [m["body"] for m in thread.data["results"]] == ["Hearing date?"]
    assert thread.data["results"][0]["organization"] == org_b.id
    assert any(item["kind"] == "message_received" for item in alice.get("/api/v1/inbox/").data["results"])

    # Both sides see the response; nobody else learns it exists.
    for insider in ("alice", "bob", "anna", "olga"):
        assert client_of(insider).get(response_url).status_code == 200, insider
        assert answered.data["id"] in ids(client_of(insider).get("/api/v1/responses/")), insider
    for outsider in ("chris", "carol", "nobody"):
        client = client_of(outsider)
        assert client.get(response_url).status_code == 404, outsider
        assert client.get(f"{response_url}messages/").status_code == 404, outsider
        assert client.post(f"{response_url}messages/", {"body": "hi"}, format="json").status_code in (
            401,
            404,
        )
        listed = client.get("/api/v1/responses/")
        assert listed.status_code == 200 and listed.data["count"] == 0, outsider
    for outsider in ("chris", "carol"):
        inbox = client_of(outsider).get("/api/v1/inbox/")
        assert all(item["response"] != answered.data["id"] for item in inbox.data["results"]), outsider
    assert client_of("carol").post(f"{response_url}accept/", {}, format="json").status_code == 404
    assert client_of("nobody").get("/api/v1/inbox/").status_code == 401
