"""The first things a client does: read contact points by visibility, create one, and edit it safely."""

from tests.factories import ContactPointFactory


def test_it_shows_public_contacts_to_anonymous_and_hides_network_ones(api, org_a, db):
    org_a.visibility = "public"
    org_a.save()
    public = ContactPointFactory(organization=org_a, visibility="public")
    ContactPointFactory(organization=org_a, visibility="network")
    response = api.get("/api/v1/contact-points/")
    assert response.status_code == 200
    assert [c["id"] for c in response.data["results"]] == [public.id]


def test_a_member_sees_network_contacts(as_user, anna, org_a):
    network = ContactPointFactory(organization=org_a, visibility="network")
    response = as_user(anna).get("/api/v1/contact-points/")
    assert [c["id"] for c in response.data["results"]] == [network.id]


def test_coordinator_creates_and_if_match_protects(as_user, alice, org_a):
    client = as_user(alice)
    created = client.post(
        "/api/v1/contact-points/",
        {"organization": org_a.id, "channel": "phone", "value": "+49 30 1234567", "languages": ["ru"]},
        format="json",
    )
    assert created.status_code == 201, created.content
    assert created.data["value"] == "+49301234567"
    url = f"/api/v1/contact-points/{created.data['id']}/"
    etag = client.get(url)["ETag"]
    assert client.patch(url, {"label": "new"}, format="json", HTTP_IF_MATCH=etag).status_code == 200
    stale = client.patch(url, {"label": "newer"}, format="json", HTTP_IF_MATCH=etag)
    assert stale.status_code == 412
    assert stale.data["current"]["label"] == "new"
