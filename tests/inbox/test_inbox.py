"""The inbox: what each organization is told, who reads it, and what stays hidden."""

import pytest

from inbox.producers import notification_created
from tests.factories import ResourceFactory, ResponseFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/inbox/"


def kinds(client, query="") -> list[str]:
    response = client.get(f"{URL}{query}")
    assert response.status_code == 200, response.content
    return [item["kind"] for item in response.data["results"]]


def post_resource(client, org, **fields):
    payload = {
        "kind": "offer",
        "category": "accommodation",
        "organization": org.id,
        "title": "Flat in Helsinki (example data)",
        "countries": ["FI"],
        "languages": ["ru"],
        "capacity": "2 beds",
        **fields,
    }
    response = client.post("/api/v1/resources/", payload, format="json")
    assert response.status_code == 201, response.content
    return response.data


def test_a_new_resource_tells_organizations_whose_open_resources_it_fits(
    as_user, alice, bob, carol, org_a, org_b, org_c
):
    need = ResourceFactory(organization=org_b, kind="request", category="accommodation", countries=["FI"])
    ResourceFactory(
        organization=org_c, kind="request", category="accommodation", countries=["FR"], languages=["fr"]
    )
    offer = post_resource(as_user(alice), org_a)
    items = as_user(bob).get(URL).data["results"]
    assert [(i["kind"], i["resource"], i["related_resource"]) for i in items] == [
        ("new_match", need.id, offer["id"])
    ]
    assert kinds(as_user(carol)) == []
    assert kinds(as_user(alice)) == []
    # Editing the offer again does not repeat the notice.
    as_user(alice).patch(f"/api/v1/resources/{offer['id']}/", {"languages": ["ru", "en"]}, format="json")
    assert kinds(as_user(bob)) == ["new_match"]


def test_a_restricted_resource_tells_nobody_outside_and_a_hidden_one_leaves_the_inbox(
    as_user, alice, bob, org_a, org_b
):
    ResourceFactory(organization=org_b, kind="request", category="accommodation", countries=["FI"])
    post_resource(as_user(alice), org_a, visibility="restricted")
    assert kinds(as_user(bob)) == []
    offer = post_resource(as_user(alice), org_a, title="Second flat")
    assert kinds(as_user(bob)) == ["new_match"]
    as_user(alice).patch(f"/api/v1/resources/{offer['id']}/", {"visibility": "restricted"}, format="json")
    assert kinds(as_user(bob)) == []


def test_read_state_is_per_person(as_user, anna, alice, bob, org_a, org_b):
    resource = ResourceFactory(organization=org_a)
    as_user(bob).post(
        "/api/v1/responses/",
        {"resource": resource.id, "organization": org_b.id, "message": "Hi"},
        format="json",
    )
    item = as_user(anna).get(URL).data["results"][0]
    assert (item["kind"], item["read"]) == ("response_received", False)
    assert as_user(anna).post(f"{URL}{item['id']}/read/").data["read"] is True
    assert as_user(anna).get(f"{URL}unread-count/").data == {"unread": 0}
    assert as_user(alice).get(f"{URL}unread-count/").data == {"unread": 1}
    assert as_user(anna).post(f"{URL}{item['id']}/unread/").data["read"] is False
    assert as_user(alice).post(f"{URL}read-all/").data == {"marked": 1}
    assert kinds(as_user(alice), "?unread=true") == []
    assert kinds(as_user(anna), "?unread=true") == ["response_received"]
    assert as_user(bob).get(f"{URL}{item['id']}/").status_code == 404
    assert as_user(bob).post(f"{URL}{item['id']}/read/").status_code == 404


def test_decisions_withdrawals_and_messages_reach_the_other_side(as_user, alice, bob, org_a, org_b):
    resource = ResourceFactory(organization=org_a)
    first = ResponseFactory(resource=resource, organization=org_b)
    as_user(alice).post(f"/api/v1/responses/{first.id}/decline/", {}, format="json")
    as_user(alice).post(f"/api/v1/responses/{first.id}/messages/", {"body": "Sorry"}, format="json")
    assert kinds(as_user(bob)) == ["message_received", "response_declined"]
    second = ResponseFactory(resource=ResourceFactory(organization=org_a), organization=org_b)
    as_user(bob).post(f"/api/v1/responses/{second.id}/withdraw/")
    assert kinds(as_user(alice), "?kind=response_withdrawn") == ["response_withdrawn"]


def test_delivery_channels_can_subscribe_after_commit(
    as_user, bob, org_a, org_b, django_capture_on_commit_callbacks
):
    delivered = []

    def deliver(sender, notification, **kwargs):
        delivered.append((notification.organization_id, notification.kind))

    notification_created.connect(deliver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            resource = ResourceFactory(organization=org_a)
            as_user(bob).post(
                "/api/v1/responses/",
                {"resource": resource.id, "organization": org_b.id, "message": "Hi"},
                format="json",
            )
    finally:
        notification_created.disconnect(deliver)
    assert delivered == [(org_a.id, "response_received")]


def test_anonymous_callers_have_no_inbox(api):
    assert api.get(URL).status_code == 401
    assert api.post(f"{URL}read-all/").status_code == 401
