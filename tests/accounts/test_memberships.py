"""Memberships: who belongs where. alice runs Alpha's, bob Bravo's, olga everyone's.

anna sees her colleagues in Alpha but changes nothing; bob sees nothing of Alpha's
people; nobody promotes themselves where they are not a coordinator.
"""

import pytest
from rest_framework.test import APIClient

from accounts.models import Membership
from changes.models import Change
from tests.factories import MembershipFactory, UserFactory

MEMBERSHIPS = "/api/v1/memberships/"


def url(membership: Membership) -> str:
    return f"{MEMBERSHIPS}{membership.pk}/"


@pytest.fixture
def anna_in_a(anna, org_a):
    return Membership.objects.get(user=anna, organization=org_a)


@pytest.fixture
def alice_in_a(alice, org_a):
    return Membership.objects.get(user=alice, organization=org_a)


def test_members_see_their_organizations_people_and_their_own_memberships(
    anna, alice, bob, olga, org_a, org_b, as_user
):
    def listed(user):
        response = as_user(user).get(MEMBERSHIPS)
        assert response.status_code == 200
        return {(item["username"], item["organization"], item["role"]) for item in response.data["results"]}

    alpha = {("anna", org_a.pk, "member"), ("alice", org_a.pk, "coordinator")}
    bravo = {("bob", org_b.pk, "coordinator")}
    assert listed(anna) == alpha
    assert listed(alice) == alpha
    assert listed(bob) == bravo
    assert listed(olga) == alpha | bravo
    assert APIClient().get(MEMBERSHIPS).status_code == 401


def test_an_outsider_sees_only_their_own_membership_and_others_get_404(anna, bob, org_a, org_b, as_user):
    anna_in_b = MembershipFactory(user=anna, organization=org_b)
    bob_in_b = Membership.objects.get(user=bob, organization=org_b)
    anna_in_a = Membership.objects.get(user=anna, organization=org_a)
    client = as_user(anna)
    assert client.get(url(anna_in_b)).status_code == 200
    assert client.get(url(bob_in_b)).status_code == 200  # a colleague in Bravo now
    assert as_user(bob).get(url(anna_in_a)).status_code == 404
    lonely = UserFactory(username="oscar")
    assert as_user(lonely).get(MEMBERSHIPS).data["count"] == 0
    assert as_user(lonely).get(url(anna_in_a)).status_code == 404


def test_memberships_filter_by_organization_role_and_search(anna, alice, bob, olga, org_a, as_user):
    client = as_user(olga)
    by_org = client.get(MEMBERSHIPS, {"organization": org_a.pk}).data["results"]
    assert {item["username"] for item in by_org} == {"anna", "alice"}
    by_role = client.get(MEMBERSHIPS, {"role": "coordinator"}).data["results"]
    assert {item["username"] for item in by_role} == {"alice", "bob"}
    assert {item["username"] for item in client.get(MEMBERSHIPS, {"q": "ann"}).data["results"]} == {"anna"}
    assert client.get(MEMBERSHIPS, {"role": "owner"}).status_code == 400


def test_a_coordinator_changes_a_role_and_the_change_feed_records_it(anna, alice, anna_in_a, as_user):
    client = as_user(alice)
    etag = client.get(url(anna_in_a))["ETag"]
    response = client.patch(url(anna_in_a), {"role": "coordinator"}, HTTP_IF_MATCH=etag)
    assert response.status_code == 200, response.content
    assert response.data["role"] == "coordinator"
    anna_in_a.refresh_from_db()
    assert anna_in_a.role == "coordinator"
    change = Change.objects.filter(object_type="membership", object_id=str(anna_in_a.pk)).last()
    assert change.action == "update"
    assert change.fields == {"role": ["member", "coordinator"]}
    assert change.actor == alice
    # A stale version is refused and changes nothing.
    stale = client.patch(url(anna_in_a), {"role": "member"}, HTTP_IF_MATCH=etag)
    assert stale.status_code == 412
    anna_in_a.refresh_from_db()
    assert anna_in_a.role == "coordinator"


def test_a_member_cannot_change_roles_not_even_their_own(anna, anna_in_a, alice_in_a, as_user):
    client = as_user(anna)
    assert client.patch(url(anna_in_a), {"role": "coordinator"}).status_code == 403
    assert client.patch(url(alice_in_a), {"role": "member"}).status_code == 403
    assert client.delete(url(alice_in_a)).status_code == 403
    assert Membership.objects.filter(role="coordinator", pk=alice_in_a.pk).exists()
    anna_in_a.refresh_from_db()
    assert anna_in_a.role == "member"


def test_a_coordinator_cannot_promote_themselves_in_another_organization(alice, org_b, as_user):
    alice_in_b = MembershipFactory(user=alice, organization=org_b, role="member")
    response = as_user(alice).patch(url(alice_in_b), {"role": "coordinator"})
    assert response.status_code == 403
    alice_in_b.refresh_from_db()
    assert alice_in_b.role == "member"


def test_a_coordinator_cannot_touch_another_organizations_memberships(bob, anna_in_a, as_user):
    client = as_user(bob)
    assert client.patch(url(anna_in_a), {"role": "coordinator"}).status_code == 404
    assert client.delete(url(anna_in_a)).status_code == 404
    assert Membership.objects.filter(pk=anna_in_a.pk, role="member").exists()


def test_a_membership_cannot_move_to_another_person_or_organization(
    alice, anna, bob, anna_in_a, org_a, org_b, as_user
):
    client = as_user(alice)
    for body in ({"organization": org_b.pk}, {"user": bob.pk}, {"role": "owner"}):
        response = client.patch(url(anna_in_a), body)
        assert response.status_code == 400, body
    anna_in_a.refresh_from_db()
    assert (anna_in_a.organization_id, anna_in_a.user_id, anna_in_a.role) == (org_a.pk, anna.pk, "member")
    assert anna_in_a.version == 1
    # Sending back unchanged values is fine.
    same = client.patch(url(anna_in_a), {"organization": anna_in_a.organization_id, "role": "member"})
    assert same.status_code == 200


def test_memberships_are_created_only_by_invitations_and_never_replaced(
    alice, anna, org_a, anna_in_a, as_user
):
    client = as_user(alice)
    assert client.post(MEMBERSHIPS, {"user": anna.pk, "organization": org_a.pk}).status_code == 405
    assert client.put(url(anna_in_a), {"role": "member"}).status_code == 405


def test_removing_a_membership_is_recorded_in_the_change_feed(alice, anna, anna_in_a, as_user):
    assert as_user(alice).delete(url(anna_in_a)).status_code == 204
    assert not Membership.objects.filter(pk=anna_in_a.pk).exists()
    change = Change.objects.get(object_type="membership", object_id=str(anna_in_a.pk), action="delete")
    assert change.actor == alice
    assert change.fields["user_id"] == [anna.pk, None]


def test_the_last_coordinator_cannot_step_down_but_the_network_office_can_do_it(
    alice, anna, olga, alice_in_a, anna_in_a, as_user
):
    client = as_user(alice)
    demote = client.patch(url(alice_in_a), {"role": "member"})
    assert demote.status_code == 400
    assert demote.data["errors"][0]["attr"] == "role"
    assert client.delete(url(alice_in_a)).status_code == 400
    assert Membership.objects.filter(pk=alice_in_a.pk, role="coordinator").exists()
    # With a second coordinator, alice may step down.
    assert client.patch(url(anna_in_a), {"role": "coordinator"}).status_code == 200
    assert client.patch(url(alice_in_a), {"role": "member"}).status_code == 200
    # The network office may leave an organization without a coordinator.
    assert as_user(olga).patch(url(anna_in_a), {"role": "member"}).status_code == 200
    assert not Membership.objects.filter(role="coordinator", organization=anna_in_a.organization).exists()


def test_a_membership_list_is_paginated_with_a_cap(olga, org_a, as_user):
    for number in range(3):
        MembershipFactory(organization=org_a, user=UserFactory(username=f"person{number}"))
    client = as_user(olga)
    page = client.get(MEMBERSHIPS, {"page_size": 2})
    assert page.data["count"] == 3
    assert len(page.data["results"]) == 2
    assert page.data["next"]
    assert client.get(MEMBERSHIPS, {"page_size": 100000}).status_code == 400  # beyond the declared cap
