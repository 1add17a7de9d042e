"""Coordination objects in the change feed: synced where they should be, audited for the right eyes.

Resources, events and campaigns sync to devices; responses, their messages and ledger
entries are audited but never synced, and their entries are seen only by their owners.
"""

import pytest

from changes.registry import entry_for_type
from tests.factories import CampaignFactory, EventFactory, LedgerEntryFactory, ResourceFactory
from tests.sync.replica import Replica, listed

pytestmark = pytest.mark.django_db

SYNCED = {"resource", "event", "campaign"}


def coordination(objects: dict) -> dict:
    return {key: data for key, data in objects.items() if key[0] in SYNCED}


def audit(client, object_type):
    response = client.get("/api/v1/changes/", {"object_type": object_type, "page_size": 100})
    assert response.status_code == 200, response.content
    return response.data["results"]


def test_resources_events_and_campaigns_are_synced_responses_and_ledger_are_not():
    for type_name in SYNCED:
        assert entry_for_type(type_name).synced, type_name
    for type_name in ("resource_response", "response_message", "ledger_entry"):
        assert not entry_for_type(type_name).synced, type_name


def test_replicas_follow_the_lists_when_an_organization_or_a_campaign_narrows(
    api, as_user, alice, bob, olga, org_a, org_b
):
    for org in (org_a, org_b):
        org.visibility = "public"
        org.save()
    campaign = CampaignFactory(visibility="public")
    resource = ResourceFactory(organization=org_a, visibility="public")
    event = EventFactory(organization=org_a, campaign=campaign, visibility="public")
    guest, anonymous = Replica(as_user(bob)), Replica(api)
    for replica in (guest, anonymous):
        replica.sync()
        assert {("resource", str(resource.id)), ("event", str(event.id))} <= set(replica.objects)

    bob_client = as_user(bob)
    bob_client.post(
        "/api/v1/responses/",
        {"resource": resource.id, "organization": org_b.id, "message": "Hi"},
        format="json",
    )
    as_user(alice).patch(f"/api/v1/organizations/{org_a.id}/", {"visibility": "restricted"}, format="json")
    for replica in (guest, anonymous):
        replica.sync()
        assert ("resource", str(resource.id)) not in replica.objects
        assert ("event", str(event.id)) not in replica.objects
        assert not [key for key in replica.objects if key[0] in {"resource_response", "response_message"}]

    as_user(alice).patch(f"/api/v1/organizations/{org_a.id}/", {"visibility": "public"}, format="json")
    as_user(olga).patch(f"/api/v1/campaigns/{campaign.id}/", {"visibility": "network"}, format="json")
    guest.sync()
    anonymous.sync()
    assert ("event", str(event.id)) in guest.objects
    assert ("event", str(event.id)) not in anonymous.objects
    assert ("resource", str(resource.id)) in anonymous.objects
    assert coordination(guest.objects) == coordination(listed(bob_client))
    assert coordination(anonymous.objects) == coordination(listed(api))


def test_response_and_ledger_entries_in_the_audit_log_are_seen_by_their_owners_only(
    as_user, alice, bob, carol, org_a, org_b
):
    resource = ResourceFactory(organization=org_a)
    made = as_user(bob).post(
        "/api/v1/responses/",
        {"resource": resource.id, "organization": org_b.id, "message": "Hi"},
        format="json",
    )
    as_user(alice).post(f"/api/v1/responses/{made.data['id']}/messages/", {"body": "Welcome"}, format="json")
    LedgerEntryFactory(recipient=org_a)
    for owner in (alice, bob):
        entries = audit(as_user(owner), "resource_response")
        assert [e["object_id"] for e in entries] == [str(made.data["id"])]
        assert sorted(entries[0]["owners"]) == sorted([org_a.id, org_b.id])
        assert len(audit(as_user(owner), "response_message")) == 1
    assert audit(as_user(carol), "resource_response") == []
    assert audit(as_user(carol), "response_message") == []
    assert len(audit(as_user(alice), "ledger_entry")) == 1
    assert audit(as_user(bob), "ledger_entry") == []
