"""The Django admin pages for accounts open, and a session can be revoked from there."""

import pytest
from django.test import Client

from accounts.models import AuthSession, Invitation
from tests.factories import UserFactory

from .conftest import bearer, obtain


@pytest.fixture
def staff_browser(db):
    root = UserFactory(username="root", is_staff=True, is_superuser=True)
    browser = Client()
    browser.force_login(root)
    return browser


@pytest.mark.parametrize(
    "page",
    [
        "/admin/auth/user/",
        "/admin/accounts/membership/",
        "/admin/accounts/invitation/",
        "/admin/accounts/authsession/",
    ],
)
def test_the_account_pages_open(staff_browser, anna, page):
    obtain("anna")
    assert staff_browser.get(page).status_code == 200


def test_a_user_page_shows_memberships_and_invitations_cannot_be_added_here(staff_browser, anna):
    response = staff_browser.get(f"/admin/auth/user/{anna.pk}/change/")
    assert response.status_code == 200
    assert b"Alpha Counseling" in response.content
    assert staff_browser.get("/admin/accounts/invitation/add/").status_code == 403


def test_revoking_a_session_in_the_admin_ends_its_tokens(staff_browser, anna):
    pair = obtain("anna")
    client = bearer(pair["access"])
    assert client.get("/api/v1/me/").status_code == 200
    session = AuthSession.objects.get(user=anna)
    response = staff_browser.post(
        "/admin/accounts/authsession/",
        {"action": "revoke_sessions", "_selected_action": [str(session.pk)]},
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.revoked_reason == "admin"
    assert client.get("/api/v1/me/").status_code == 401


def test_an_invitation_page_shows_the_token_hash_but_cannot_edit_it(staff_browser, alice, org_a):
    client = bearer(obtain("alice")["access"])
    created = client.post("/api/v1/invitations/", {"email": "n@example.org", "organization": org_a.pk})
    invitation = Invitation.objects.get(pk=created.data["id"])
    page = staff_browser.get(f"/admin/accounts/invitation/{invitation.pk}/change/")
    assert page.status_code == 200
    assert invitation.token_hash.encode() in page.content
    assert b'name="token_hash"' not in page.content
    assert created.data["token"].encode() not in page.content
