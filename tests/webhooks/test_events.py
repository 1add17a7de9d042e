"""What a partner's receiver gets: signed events of what its organization may see, and nothing else.

Bob's organization (B) registers an endpoint on a loopback receiver; Alpha (A) changes its
contacts. Bob may see A's network contacts, not its restricted, paused or compromised ones.
"""

import pytest

from organizations.models import ContactPoint
from tests.factories import (
    AlertFactory,
    CampaignFactory,
    ContactPointFactory,
    CountryFactory,
    EventFactory,
    OrganizationFactory,
    ResourceFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact(org_a):
    return ContactPointFactory(organization=org_a, visibility="network", label="Hotline (example data)")


@pytest.fixture
def endpoint(bob, org_b, register, receiver, contact):
    created = register("bob", org_b, receiver.url)
    receiver.secret = created["secret"]
    return created


def test_it_sends_a_signed_update_when_a_visible_contact_changes(
    client_of, alice, contact, endpoint, receiver, deliver
):
    response = client_of("alice").patch(
        f"/api/v1/contact-points/{contact.pk}/", {"label": "Night line (example data)"}, format="json"
    )
    assert response.status_code == 200
    deliver()
    [event] = receiver.events()
    assert event["type"] == "contact_point.updated"
    assert event["data"]["id"] == contact.pk
    assert event["data"]["label"] == "Night line (example data)"
    assert event["timestamp"].endswith("Z")
    headers = receiver.received[0].headers
    assert headers["webhook-id"].startswith("msg_")
    assert headers["webhook-signature"].startswith("v1,")


def test_the_event_shows_the_object_as_sync_shows_it_to_the_owner(
    client_of, alice, bob, contact, endpoint, receiver, deliver
):
    client_of("alice").patch(f"/api/v1/contact-points/{contact.pk}/", {"label": "New"}, format="json")
    deliver()
    [event] = receiver.events()
    synced = client_of("bob").get("/api/v1/sync/").data["changes"]
    [block] = [b for b in synced if b["type"] == "contact_point"]
    [row] = [dict(zip(block["fields"], r, strict=True)) for r in block["rows"] if r[0] == contact.pk]
    assert event["data"] == row


@pytest.mark.parametrize(
    "change",
    [
        {"visibility": "restricted"},
        {"status": "compromised", "status_reason": "The phone was seized (example data)."},
        {"status": "paused", "status_reason": "On holiday (example data)."},
    ],
    ids=["restricted", "compromised", "paused"],
)
def test_a_contact_that_leaves_the_owners_sight_arrives_as_a_deletion_with_only_its_id(
    client_of, alice, contact, endpoint, receiver, deliver, change
):
    response = client_of("alice").patch(f"/api/v1/contact-points/{contact.pk}/", change, format="json")
    assert response.status_code == 200, response.content
    deliver()
    [event] = receiver.events()
    assert event["type"] == "contact_point.deleted"
    assert event["data"] == {"id": contact.pk}


def test_a_contact_moved_to_an_organization_the_owner_cannot_see_arrives_as_a_deletion(
    olga, client_of, contact, endpoint, receiver, deliver
):
    hidden = OrganizationFactory(name="Delta (example data)", visibility="restricted")
    response = client_of("olga").patch(
        f"/api/v1/contact-points/{contact.pk}/", {"organization": hidden.pk}, format="json"
    )
    assert response.status_code == 200, response.content
    deliver()
    [event] = receiver.events()
    assert (event["type"], event["data"]) == ("contact_point.deleted", {"id": contact.pk})


def test_a_deleted_contact_arrives_as_a_deletion(client_of, alice, contact, endpoint, receiver, deliver):
    assert client_of("alice").delete(f"/api/v1/contact-points/{contact.pk}/").status_code == 204
    deliver()
    [event] = receiver.events()
    assert (event["type"], event["data"]) == ("contact_point.deleted", {"id": contact.pk})


def test_it_sends_nothing_about_objects_the_owner_never_could_see(
    client_of, alice, org_a, endpoint, receiver, deliver
):
    secret = ContactPointFactory(organization=org_a, visibility="restricted")
    client_of("alice").patch(f"/api/v1/contact-points/{secret.pk}/", {"label": "Changed"}, format="json")
    client_of("alice").delete(f"/api/v1/contact-points/{secret.pk}/")
    deliver()
    assert receiver.received == []


def test_a_contact_made_visible_arrives_as_created(client_of, alice, org_a, endpoint, receiver, deliver):
    hidden = ContactPointFactory(organization=org_a, visibility="restricted")
    client_of("alice").patch(f"/api/v1/contact-points/{hidden.pk}/", {"visibility": "network"}, format="json")
    deliver()
    [event] = receiver.events()
    assert (event["type"], event["data"]["id"]) == ("contact_point.created", hidden.pk)


def test_it_sends_only_the_event_types_subscribed(
    bob, org_b, client_of, alice, contact, register, receiver, deliver
):
    receiver.secret = register("bob", org_b, receiver.url, ["contact_point.deleted"])["secret"]
    address = f"/api/v1/contact-points/{contact.pk}/"
    client_of("alice").patch(address, {"label": "Changed"}, format="json")
    client_of("alice").patch(address, {"visibility": "restricted"}, format="json")
    deliver()
    assert [e["type"] for e in receiver.events()] == ["contact_point.deleted"]


def test_drawing_the_same_changes_up_twice_delivers_them_once(
    client_of, alice, contact, endpoint, receiver, deliver
):
    from webhooks.tasks import draw_up_events

    client_of("alice").patch(f"/api/v1/contact-points/{contact.pk}/", {"label": "Changed"}, format="json")
    draw_up_events.enqueue()
    draw_up_events.enqueue()
    deliver()
    assert len(receiver.events()) == 1


def test_changes_made_before_registration_are_not_sent(contact, org_a, endpoint, receiver, deliver):
    deliver()
    assert receiver.received == []
    assert ContactPoint.objects.filter(pk=contact.pk).exists()


def test_every_synced_type_arrives_as_the_owner_may_see_it(
    bob, org_a, org_b, register, receiver, deliver, make_document
):
    from webhooks.events import subscription_choices

    wildcards = [choice for choice in subscription_choices() if choice.endswith(".*")]
    receiver.secret = register("bob", org_b, receiver.url, wildcards)["secret"]
    made = {
        "organization": OrganizationFactory(visibility="network"),
        "resource": ResourceFactory(organization=org_a),
        "campaign": CampaignFactory(),
        "event": EventFactory(organization=org_a),
        "alert": AlertFactory(visibility="network"),
        "country": CountryFactory(code="FI"),
        "document": make_document(),
        "contact_point": ContactPointFactory(organization=org_a, visibility="network"),
    }
    ResourceFactory(organization=org_a, visibility="restricted")
    deliver()
    got = {(e["type"], e["data"][key_of(e)]) for e in receiver.events()}
    expected = {(f"{type_name}.created", key_of_object(obj)) for type_name, obj in made.items()}
    assert got >= expected
    assert {e["type"] for e in receiver.events()} == {f"{t}.created" for t in made}, "nothing restricted"


def key_of(event) -> str:
    return "code" if event["type"].startswith("country.") else "id"


def key_of_object(obj):
    return getattr(obj, "code", None) or obj.pk
