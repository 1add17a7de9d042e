"""/me/: your own account, your memberships and roles; you may change your e-mail and name only."""

from rest_framework.test import APIClient

from changes.models import Change
from tests.factories import MembershipFactory

ME = "/api/v1/me/"


def test_it_shows_my_account_with_memberships_and_roles(alice, org_a, org_b, as_user):
    MembershipFactory(user=alice, organization=org_b, role="member")
    response = as_user(alice).get(ME)
    assert response.status_code == 200
    assert response.data["username"] == "alice"
    assert response.data["is_admin"] is False
    roles = {
        (m["organization_slug"], m["organization_name"], m["role"]) for m in response.data["memberships"]
    }
    assert roles == {("alpha", "Alpha Counseling", "coordinator"), ("bravo", "Bravo Legal", "member")}
    assert "password" not in response.data


def test_an_admin_is_shown_as_admin(olga, as_user):
    response = as_user(olga).get(ME)
    assert response.data["is_admin"] is True
    assert response.data["memberships"] == []


def test_anonymous_callers_get_401(db):
    response = APIClient().get(ME)
    assert response.status_code == 401
    assert response.data["type"] == "/api/problems/not-authenticated"


def test_i_change_my_email_and_name_and_the_feed_records_it(anna, as_user):
    client = as_user(anna)
    response = client.patch(ME, {"email": "anna.new@example.org", "first_name": "Anna", "last_name": "K."})
    assert response.status_code == 200, response.content
    anna.refresh_from_db()
    assert (anna.email, anna.first_name, anna.last_name) == ("anna.new@example.org", "Anna", "K.")
    change = Change.objects.filter(object_type="user", object_id=str(anna.pk)).last()
    assert change.fields["email"] == ["anna@example.org", "anna.new@example.org"]
    assert change.actor == anna


def test_i_cannot_change_my_username_role_or_status_here(anna, as_user):
    client = as_user(anna)
    for body in (
        {"username": "annabelle"},
        {"is_admin": True},
        {"is_staff": True},
        {"is_superuser": True},
        {"is_active": False},
        {"password": "a new long passphrase"},
        {"email": "not-an-address"},
        {"first_name": "x" * 151},
    ):
        response = client.patch(ME, body)
        assert response.status_code == 400, body
        assert response.data["errors"][0]["attr"] == next(iter(body)), body
    anna.refresh_from_db()
    assert (anna.username, anna.is_staff, anna.is_superuser, anna.is_active) == ("anna", False, False, True)
    assert anna.check_password("correct-horse-battery")


def test_sending_back_what_i_read_is_accepted(anna, as_user):
    client = as_user(anna)
    current = client.get(ME).data
    response = client.put(ME, {**current, "first_name": "Anna"})
    assert response.status_code == 200, response.content
    assert response.data["first_name"] == "Anna"


def test_an_address_someone_else_uses_is_refused_without_saying_whose(anna, alice, as_user):
    client = as_user(anna)
    for taken in ("alice@example.org", "ALICE@Example.org", " alice@example.org "):
        response = client.patch(ME, {"email": taken})
        assert response.status_code == 400, (taken, response.content)
        assert response.data["type"] == "/api/problems/validation-error"
        [error] = response.data["errors"]
        assert error["attr"] == "email"
        assert "alice" not in error["detail"].lower()
    anna.refresh_from_db()
    assert anna.email == "anna@example.org"
    # My own address, in another case, is still mine to keep.
    assert client.patch(ME, {"email": "Anna@Example.org"}).status_code == 200
