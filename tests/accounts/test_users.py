"""User accounts for the network office: olga lists them and switches them off and on.

Nobody else may even list them. Deactivation ends every session of the account at once
(see test_tokens.py for what the deactivated person experiences).
"""

from rest_framework.test import APIClient

from accounts.models import AuthSession
from changes.models import Change

from .conftest import obtain

USERS = "/api/v1/users/"


def test_only_admins_see_accounts(anna, alice, olga, as_user):
    assert APIClient().get(USERS).status_code == 401
    assert as_user(anna).get(USERS).status_code == 403
    assert as_user(alice).get(f"{USERS}{anna.pk}/").status_code == 403
    response = as_user(olga).get(USERS)
    assert response.status_code == 200
    assert {item["username"] for item in response.data["results"]} == {"anna", "alice", "olga"}
    one = as_user(olga).get(f"{USERS}{anna.pk}/").data
    assert one["is_active"] is True
    assert [m["role"] for m in one["memberships"]] == ["member"]
    assert "password" not in one


def test_admins_filter_accounts(anna, alice, bob, olga, org_a, as_user):
    client = as_user(olga)
    assert {u["username"] for u in client.get(USERS, {"organization": org_a.pk}).data["results"]} == {
        "anna",
        "alice",
    }
    assert [u["username"] for u in client.get(USERS, {"q": "bo"}).data["results"]] == ["bob"]
    anna.is_active = False
    anna.save()
    assert [u["username"] for u in client.get(USERS, {"is_active": "false"}).data["results"]] == ["anna"]


def test_an_admin_deactivates_an_account_and_the_feed_records_it(anna, olga, as_user):
    obtain("anna")
    response = as_user(olga).patch(f"{USERS}{anna.pk}/", {"is_active": False})
    assert response.status_code == 200, response.content
    assert response.data["is_active"] is False
    anna.refresh_from_db()
    assert anna.is_active is False
    assert not AuthSession.objects.filter(user=anna, revoked_at__isnull=True).exists()
    assert AuthSession.objects.filter(user=anna, revoked_reason="deactivated").exists()
    change = Change.objects.filter(object_type="user", object_id=str(anna.pk)).last()
    assert change.fields == {"is_active": [True, False]}
    assert change.actor == olga


def test_only_is_active_can_change_and_admins_cannot_lock_themselves_out(anna, alice, olga, as_user):
    client = as_user(olga)
    for body in ({"username": "x"}, {"is_admin": True}, {"is_staff": True}, {"email": "e@example.org"}):
        assert client.patch(f"{USERS}{anna.pk}/", body).status_code == 400, body
    assert client.patch(f"{USERS}{anna.pk}/", {"is_active": "maybe"}).status_code == 400
    own = client.patch(f"{USERS}{olga.pk}/", {"is_active": False})
    assert own.status_code == 400
    assert own.data["errors"][0]["attr"] == "is_active"
    assert as_user(alice).patch(f"{USERS}{anna.pk}/", {"is_active": False}).status_code == 403
    assert client.put(f"{USERS}{anna.pk}/", {"is_active": False}).status_code == 405
    assert client.delete(f"{USERS}{anna.pk}/").status_code == 405
    anna.refresh_from_db()
    olga.refresh_from_db()
    assert (anna.username, anna.is_staff, anna.is_active, olga.is_active) == ("anna", False, True, True)


def test_bad_filters_are_400_not_500(olga, as_user):
    client = as_user(olga)
    for params in ({"organization": "9" * 30}, {"organization": "1.5"}, {"is_active": "maybe"}):
        assert client.get(USERS, params).status_code == 400, params
    for path in ("/api/v1/memberships/", "/api/v1/invitations/"):
        for params in ({"organization": "-5.3e+300"}, {"organization": "9" * 30}):
            assert client.get(path, params).status_code == 400, (path, params)
    assert client.get("/api/v1/memberships/", {"user": "9" * 30}).status_code == 400
