"""Responses: who may respond, decide, withdraw and write; and that nobody else sees them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import ResourceFactory, ResponseFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/responses/"


@pytest.fixture
def offer(org_a):
    return ResourceFactory(organization=org_a, title="Shelter beds in Berlin (example data)")


def respond(client, resource, org, **extra):
    payload = {"resource": resource.id, "organization": org.id, "message": "We need two beds.", **extra}
    return client.post(URL, payload, format="json")


def test_a_coordinator_of_another_organization_responds(as_user, bob, org_b, offer):
    response = respond(as_user(bob), offer, org_b, contribution="Two people, one week")
    assert response.status_code == 201, response.content
    assert response.data["resource_organization"] == offer.organization_id
    assert response.data["contribution"] == "Two people, one week"


@pytest.mark.parametrize(
    ("setup", "field"),
    [
        ("own_organization", "organization"),
        ("twice", "organization"),
        ("withdrawn_resource", "resource"),
        ("expired_resource", "resource"),
        ("invisible_resource", "resource"),
        ("not_my_organization", "organization"),
    ],
)
def test_it_refuses_responses_that_break_the_rules(
    as_user, alice, bob, org_a, org_b, org_c, offer, setup, field
):
    client, resource, organization = as_user(bob), offer, org_b
    if setup == "own_organization":
        client, organization = as_user(alice), org_a
    elif setup == "twice":
        assert respond(client, resource, organization).status_code == 201
    elif setup == "withdrawn_resource":
        resource = ResourceFactory(organization=org_a, status="withdrawn")
    elif setup == "expired_resource":
        resource = ResourceFactory(organization=org_a, valid_until=timezone.localdate() - timedelta(days=1))
    elif setup == "invisible_resource":
        resource = ResourceFactory(organization=org_a, visibility="restricted")
    elif setup == "not_my_organization":
        organization = org_c
    response = respond(client, resource, organization)
    assert response.status_code == 400, response.content
    assert response.data["errors"][0]["attr"] == field


def test_only_the_owner_decides_and_only_once(as_user, alice, anna, bob, org_a, org_b, offer):
    made = ResponseFactory(resource=offer, organization=org_b)
    url = f"{URL}{made.id}/"
    assert as_user(bob).post(f"{url}accept/", {}, format="json").status_code == 403
    assert as_user(anna).post(f"{url}accept/", {}, format="json").status_code == 403
    declined = as_user(alice).post(f"{url}decline/", {"note": "Full this week"}, format="json")
    assert declined.status_code == 200
    assert (declined.data["status"], declined.data["decision_note"]) == ("declined", "Full this week")
    assert as_user(alice).post(f"{url}accept/", {}, format="json").status_code == 400
    offer.refresh_from_db()
    assert offer.status == "open"


def test_accepting_moves_the_resource_on_and_a_second_acceptance_keeps_it_there(
    as_user, alice, org_a, org_b, org_c, offer
):
    first = ResponseFactory(resource=offer, organization=org_b)
    second = ResponseFactory(resource=offer, organization=org_c)
    client = as_user(alice)
    assert client.post(f"{URL}{first.id}/accept/", {}, format="json").status_code == 200
    assert client.post(f"{URL}{second.id}/accept/", {}, format="json").status_code == 200
    assert client.get(f"/api/v1/resources/{offer.id}/").data["status"] == "in_progress"


def test_the_responder_edits_and_withdraws_a_pending_response(as_user, alice, bob, org_b, offer):
    made = ResponseFactory(resource=offer, organization=org_b)
    url = f"{URL}{made.id}/"
    assert as_user(alice).patch(url, {"message": "changed"}, format="json").status_code == 403
    edited = as_user(bob).patch(url, {"message": "Three beds after all."}, format="json")
    assert edited.status_code == 200 and edited.data["message"] == "Three beds after all."
    moved = as_user(bob).patch(url, {"resource": 999}, format="json")
    assert moved.status_code == 400 and moved.data["errors"][0]["attr"] == "resource"
    made.refresh_from_db()
    assert made.resource_id == offer.id
    assert as_user(bob).post(f"{url}withdraw/").data["status"] == "withdrawn"
    assert as_user(bob).patch(url, {"message": "again"}, format="json").status_code == 400
    assert as_user(alice).post(f"{url}accept/", {}, format="json").status_code == 400


def test_both_sides_write_in_the_thread_members_only_read(
    as_user, alice, anna, bob, olga, org_a, org_b, offer
):
    made = ResponseFactory(resource=offer, organization=org_b)
    url = f"{URL}{made.id}/messages/"
    assert (
        as_user(bob).post(url, {"body": "When can we come?"}, format="json").data["organization"] == org_b.id
    )
    assert as_user(alice).post(url, {"body": "Monday."}, format="json").data["organization"] == org_a.id
    assert as_user(olga).post(url, {"body": "Noted."}, format="json").data["organization"] is None
    assert as_user(anna).post(url, {"body": "me too"}, format="json").status_code == 403
    assert as_user(bob).post(url, {"body": ""}, format="json").status_code == 400
    thread = as_user(anna).get(url)
    assert [m["body"] for m in thread.data["results"]] == ["When can we come?", "Monday.", "Noted."]


def test_responses_are_filtered_by_direction(as_user, alice, org_a, org_b):
    theirs = ResourceFactory(organization=org_b)
    mine = ResourceFactory(organization=org_a)
    sent = ResponseFactory(resource=theirs, organization=org_a)
    received = ResponseFactory(resource=mine, organization=org_b)
    client = as_user(alice)
    assert [r["id"] for r in client.get(f"{URL}?direction=sent").data["results"]] == [sent.id]
    assert [r["id"] for r in client.get(f"{URL}?direction=received").data["results"]] == [received.id]


def test_a_decision_on_a_response_edited_since_it_was_read_is_refused_with_412(
    as_user, alice, bob, org_b, offer
):
    made = ResponseFactory(resource=offer, organization=org_b)
    url = f"{URL}{made.id}/"
    read = as_user(alice).get(url)
    assert as_user(bob).patch(url, {"message": "Actually, five beds."}, format="json").status_code == 200
    stale = as_user(alice).post(f"{url}accept/", {}, format="json", HTTP_IF_MATCH=read["ETag"])
    assert stale.status_code == 412
    assert stale.data["current"]["message"] == "Actually, five beds."
    fresh = as_user(alice).get(url)
    accepted = as_user(alice).post(f"{url}accept/", {}, format="json", HTTP_IF_MATCH=fresh["ETag"])
    assert accepted.status_code == 200 and accepted["ETag"] != fresh["ETag"]
