"""Invitations are the only way in: alice invites to Alpha, bob to Bravo, olga anywhere.

anna (a member) cannot invite and sees no invitations; nobody sees another
organization's invitations. A token is shown once, works once, and not after expiry.
"""

import hashlib
from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import Invitation, Membership
from changes.models import Change
from tests.factories import OrganizationFactory

INVITATIONS = "/api/v1/invitations/"
ACCEPT = "/api/v1/invitations/accept/"
NEW_PASSWORD = "a long passphrase of my own"


@pytest.fixture
def invite(as_user):
    """`invite(user, organization, **fields)` sends an invitation through the API; returns the 201 body."""

    def make(user, organization, **fields):
        body = {"email": "new.person@example.org", "organization": organization.pk, **fields}
        response = as_user(user).post(INVITATIONS, body)
        assert response.status_code == 201, response.content
        return response.data

    return make


def accept(token: str, username: str = "newcomer", password: str = NEW_PASSWORD, client=None):
    return (client or APIClient()).post(ACCEPT, {"token": token, "username": username, "password": password})


def test_a_coordinator_invites_to_their_organization_and_sees_the_token_once(alice, org_a, as_user):
    client = as_user(alice)
    response = client.post(
        INVITATIONS, {"email": "New.Person@Example.ORG", "organization": org_a.pk, "role": "coordinator"}
    )
    assert response.status_code == 201, response.content
    data = response.data
    assert data["email"] == "New.Person@example.org"
    assert data["role"] == "coordinator"
    assert data["status"] == "pending"
    assert data["created_by"] == "alice"
    token = data["token"]
    assert len(token) >= 40
    stored = Invitation.objects.get(pk=data["id"])
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in {
        str(value) for value in Invitation.objects.filter(pk=stored.pk).values().first().values()
    }
    expected_expiry = timezone.now() + timedelta(days=14)
    assert abs(stored.expires_at - expected_expiry) < timedelta(minutes=1)
    # Never shown again.
    again = client.get(f"{INVITATIONS}{data['id']}/")
    assert again.status_code == 200
    assert "token" not in again.data
    assert all("token" not in item for item in client.get(INVITATIONS).data["results"])


def test_an_invitation_may_set_its_own_expiry_within_bounds(alice, org_a, as_user):
    client = as_user(alice)
    soon = timezone.now() + timedelta(days=2)
    response = client.post(
        INVITATIONS, {"email": "a@example.org", "organization": org_a.pk, "expires_at": soon.isoformat()}
    )
    assert response.status_code == 201
    assert abs(Invitation.objects.get(pk=response.data["id"]).expires_at - soon) < timedelta(seconds=1)
    for bad in (timezone.now() - timedelta(minutes=1), timezone.now() + timedelta(days=91), "tomorrow"):
        response = client.post(
            INVITATIONS, {"email": "b@example.org", "organization": org_a.pk, "expires_at": str(bad)}
        )
        assert response.status_code == 400, bad
        assert response.data["errors"][0]["attr"] == "expires_at"
    assert Invitation.objects.count() == 1


def test_bad_invitation_input_is_400_per_field_and_writes_nothing(alice, org_a, as_user):
    client = as_user(alice)
    cases = [
        ({"email": "not-an-address", "organization": org_a.pk}, "email"),
        ({"organization": org_a.pk}, "email"),
        ({"email": "a@example.org"}, "organization"),
        ({"email": "a@example.org", "organization": 999999}, "organization"),
        ({"email": "a@example.org", "organization": "alpha"}, "organization"),
        ({"email": "a@example.org", "organization": org_a.pk, "role": "admin"}, "role"),
    ]
    for body, attr in cases:
        response = client.post(INVITATIONS, body)
        assert response.status_code == 400, body
        assert attr in [e["attr"] for e in response.data["errors"]], body
    assert Invitation.objects.count() == 0


def test_one_pending_invitation_per_address_and_organization(alice, org_a, as_user, invite):
    invite(alice, org_a, email="twice@example.org")
    response = as_user(alice).post(INVITATIONS, {"email": "TWICE@example.org", "organization": org_a.pk})
    assert response.status_code == 400
    assert response.data["errors"][0]["attr"] == "email"


@pytest.mark.parametrize(
    ("language", "refusal"),
    [
        ("ru", "Для этого адреса уже есть действующее приглашение в эту организацию."),
        ("de", "Für diese Adresse gibt es schon eine offene Einladung in diese Organisation."),
    ],
)
def test_the_refusals_of_an_invitation_are_in_the_language_of_the_form(
    alice, org_a, as_user, invite, language, refusal
):
    invite(alice, org_a, email="twice@example.org")
    client = as_user(alice)
    again = client.post(
        INVITATIONS, {"email": "twice@example.org", "organization": org_a.pk}, HTTP_ACCEPT_LANGUAGE=language
    )
    assert again.data["errors"] == [{"code": "invalid", "detail": refusal, "attr": "email"}]
    past = client.post(
        INVITATIONS,
        {"email": "later@example.org", "organization": org_a.pk, "expires_at": "2000-01-01T00:00:00Z"},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert past.status_code == 400
    assert past.data["errors"][0]["detail"] != "Choose a time in the future."


def test_nobody_invites_to_an_organization_they_do_not_coordinate(anna, alice, bob, org_a, org_b, as_user):
    hidden = OrganizationFactory(slug="hidden", visibility="restricted")
    assert (
        as_user(alice).post(INVITATIONS, {"email": "x@example.org", "organization": org_b.pk}).status_code
        == 400
    )
    refused = as_user(alice).post(INVITATIONS, {"email": "x@example.org", "organization": hidden.pk})
    assert refused.status_code == 400
    assert (
        as_user(bob).post(INVITATIONS, {"email": "x@example.org", "organization": org_a.pk}).status_code
        == 400
    )
    assert (
        as_user(anna).post(INVITATIONS, {"email": "x@example.org", "organization": org_a.pk}).status_code
        == 403
    )
    assert (
        APIClient().post(INVITATIONS, {"email": "x@example.org", "organization": org_a.pk}).status_code == 401
    )
    assert Invitation.objects.count() == 0


def test_an_admin_invites_to_any_organization(olga, org_b, invite):
    assert invite(olga, org_b)["organization"] == org_b.pk


def test_invitations_are_seen_by_their_coordinators_and_admins_only(
    anna, alice, bob, olga, org_a, org_b, as_user, invite
):
    to_a = invite(alice, org_a, email="a@example.org")
    to_b = invite(bob, org_b, email="b@example.org")

    def listed(user):
        return {item["id"] for item in as_user(user).get(INVITATIONS).data["results"]}

    assert listed(alice) == {to_a["id"]}
    assert listed(bob) == {to_b["id"]}
    assert listed(anna) == set()
    assert listed(olga) == {to_a["id"], to_b["id"]}
    assert as_user(bob).get(f"{INVITATIONS}{to_a['id']}/").status_code == 404
    assert as_user(anna).get(f"{INVITATIONS}{to_a['id']}/").status_code == 404
    assert as_user(olga).get(f"{INVITATIONS}{to_a['id']}/").status_code == 200
    assert APIClient().get(INVITATIONS).status_code == 401


def test_invitations_filter_by_status(alice, org_a, as_user, invite):
    pending = invite(alice, org_a, email="p@example.org")
    used = invite(alice, org_a, email="u@example.org")
    expired = invite(alice, org_a, email="e@example.org")
    Invitation.objects.filter(pk=expired["id"]).update(expires_at=timezone.now() - timedelta(days=1))
    assert accept(used["token"]).status_code == 201
    client = as_user(alice)
    for status, invitation in (("pending", pending), ("accepted", used), ("expired", expired)):
        results = client.get(INVITATIONS, {"status": status}).data["results"]
        assert [item["id"] for item in results] == [invitation["id"]], status
        assert results[0]["status"] == status
    assert client.get(INVITATIONS, {"status": "sideways"}).status_code == 400


def test_accepting_creates_the_account_and_membership_and_the_token_works_once(alice, org_a, invite):
    invitation = invite(alice, org_a, email="new.person@example.org", role="member")
    response = accept(invitation["token"], username="newcomer")
    assert response.status_code == 201, response.content
    assert response.data["username"] == "newcomer"
    assert response.data["email"] == "new.person@example.org"
    assert [(m["organization"], m["role"]) for m in response.data["memberships"]] == [(org_a.pk, "member")]
    assert "password" not in response.data

    # The new person signs in and sees their organization.
    login = APIClient().post("/api/v1/auth/token/", {"username": "newcomer", "password": NEW_PASSWORD})
    assert login.status_code == 200

    again = accept(invitation["token"], username="someone-else")
    assert again.status_code == 400
    assert again.data["errors"][0]["attr"] == "token"
    stored = Invitation.objects.get(pk=invitation["id"])
    assert stored.accepted_by.username == "newcomer"
    assert stored.accepted_at is not None
    assert Membership.objects.filter(organization=org_a, user__username="newcomer").count() == 1
    created = Change.objects.filter(object_type="membership", action="create").last()
    assert created.fields["role"] == [None, "member"]


def test_an_expired_or_unknown_token_is_400_and_creates_nobody(alice, org_a, invite, django_user_model):
    invitation = invite(alice, org_a)
    Invitation.objects.filter(pk=invitation["id"]).update(expires_at=timezone.now() - timedelta(seconds=1))
    users = django_user_model.objects.count()
    expired = accept(invitation["token"])
    assert expired.status_code == 400
    assert expired.data["errors"][0]["attr"] == "token"
    assert "expired" in expired.data["errors"][0]["detail"]
    unknown = accept("x" * 43)
    assert unknown.status_code == 400
    assert unknown.data["errors"][0]["attr"] == "token"
    assert django_user_model.objects.count() == users


def test_without_a_valid_invitation_nobody_learns_whether_a_username_exists(alice, anna, org_a, invite):
    used = invite(alice, org_a)["token"]
    assert accept(used, username="newcomer").status_code == 201
    expired = invite(alice, org_a, email="late@example.org")
    Invitation.objects.filter(pk=expired["id"]).update(expires_at=timezone.now() - timedelta(seconds=1))
    for number, token in enumerate(("x" * 43, used, expired["token"])):
        client = APIClient(REMOTE_ADDR=f"10.2.0.{number}")
        taken = [
            client.post(ACCEPT, {"token": token, "username": name, "password": NEW_PASSWORD})
            for name in ("anna", "ANNA", "newcomer")
        ]
        free = client.post(ACCEPT, {"token": token, "username": "nobody-has-this", "password": NEW_PASSWORD})
        for response in taken:
            assert (response.status_code, response.json()) == (free.status_code, free.json()), token
        assert [e["attr"] for e in free.data["errors"]] == ["token"]


def test_password_rules_and_usernames_are_checked_per_field(alice, anna, org_a, invite, django_user_model):
    token = invite(alice, org_a, email="new.person@example.org")["token"]
    users = django_user_model.objects.count()
    cases = [
        ({"username": "newcomer", "password": "short"}, {"password"}),
        ({"username": "newcomer", "password": "1234567890123"}, {"password"}),
        ({"username": "newcomer", "password": "password123"}, {"password"}),
        ({"username": "new.person", "password": "new.person@example.org"}, {"password"}),
        ({"username": "ANNA", "password": NEW_PASSWORD}, {"username"}),
        ({"username": "has space", "password": NEW_PASSWORD}, {"username"}),
        ({"username": "x" * 151, "password": NEW_PASSWORD}, {"username"}),
        ({"password": NEW_PASSWORD}, {"username"}),
        ({"username": "newcomer"}, {"password"}),
        ({"username": "ANNA", "password": "short"}, {"username", "password"}),
    ]
    for number, (body, attrs) in enumerate(cases):
        # One client address per attempt, to stay under the acceptance throttle.
        response = APIClient(REMOTE_ADDR=f"10.1.0.{number}").post(ACCEPT, {"token": token, **body})
        assert response.status_code == 400, body
        assert {e["attr"] for e in response.data["errors"]} == attrs, (body, response.data)
    assert django_user_model.objects.count() == users
    assert Invitation.objects.get().accepted_at is None
    assert accept(token, username="newcomer").status_code == 201


def test_a_signed_in_person_accepts_into_their_own_account(bob, alice, org_a, invite, as_user):
    invitation = invite(alice, org_a, email="bob@example.org", role="member")
    client = as_user(bob)
    refused = client.post(
        ACCEPT, {"token": invitation["token"], "username": "bob2", "password": NEW_PASSWORD}
    )
    assert refused.status_code == 400
    assert {e["attr"] for e in refused.data["errors"]} == {"username", "password"}
    response = client.post(ACCEPT, {"token": invitation["token"]})
    assert response.status_code == 201, response.content
    assert response.data["username"] == "bob"
    assert {m["organization_slug"] for m in response.data["memberships"]} == {"alpha", "bravo"}
    # A second invitation to the same organization cannot be used by bob.
    second = invite(alice, org_a, email="bob.again@example.org")
    again = client.post(ACCEPT, {"token": second["token"]})
    assert again.status_code == 400
    assert "already belong" in again.data["errors"][0]["detail"]


def test_revoking_an_invitation_kills_its_token(anna, alice, bob, org_a, invite, as_user):
    invitation = invite(alice, org_a)
    url = f"{INVITATIONS}{invitation['id']}/"
    assert as_user(bob).delete(url).status_code == 404
    assert as_user(anna).delete(url).status_code == 404
    assert APIClient().delete(url).status_code == 401
    assert Invitation.objects.filter(pk=invitation["id"]).exists()
    assert as_user(alice).delete(url).status_code == 204
    assert accept(invitation["token"]).status_code == 400
    deleted = Change.objects.filter(object_type="invitation", action="delete").get()
    assert deleted.actor.username == "alice"
    assert "token_hash" not in deleted.fields


def test_an_accepted_invitation_cannot_be_revoked(alice, org_a, invite, as_user):
    invitation = invite(alice, org_a)
    assert accept(invitation["token"]).status_code == 201
    response = as_user(alice).delete(f"{INVITATIONS}{invitation['id']}/")
    assert response.status_code == 400
    assert Invitation.objects.filter(pk=invitation["id"]).exists()


def test_there_is_no_open_sign_up(db, django_user_model):
    client = APIClient()
    body = {"username": "intruder", "password": NEW_PASSWORD, "email": "i@example.org"}
    for path in ("/api/v1/users/", "/api/v1/memberships/", ACCEPT):
        assert client.post(path, body).status_code in (400, 401, 405)
    assert not django_user_model.objects.filter(username="intruder").exists()
