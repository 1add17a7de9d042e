"""The life of a token: every way a login ends must end it on the very next request.

anna signs in; olga (admin) and alice (coordinator of anna's organization) are the ones
who can take her access away. Tokens are handled raw, as a client holds them.
"""

import base64
import json
from datetime import timedelta

import jwt
import pytest
import time_machine
from django.conf import settings
from django.utils import timezone
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

from accounts.errors import AuthErrorCode
from accounts.models import AuthSession, Membership
from tests.factories import ContactPointFactory

from .conftest import bearer, obtain

ME = "/api/v1/me/"
REFRESH = "/api/v1/auth/token/refresh/"
VERIFY = "/api/v1/auth/token/verify/"
LOGOUT = "/api/v1/auth/logout/"


def refresh(token: str):
    return APIClient().post(REFRESH, {"refresh": token})


def payload_of(token: str) -> dict:
    return jwt.decode(token, options={"verify_signature": False})


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def assert_unauthorized(response):
    """401 as problem details: one error that names what happened, not a list of fake fields."""
    assert response.status_code == 401, response.content
    assert response.data["type"] == "/api/problems/not-authenticated"
    assert response.data["status"] == 401
    [error] = response.data["errors"]
    assert error["code"] in AuthErrorCode.values, error  # documented in the schema of the sign-in endpoints
    assert error["attr"] is None
    assert error["detail"] == response.data["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_it_signs_in_and_the_access_token_opens_the_api(anna):
    pair = obtain("anna")
    assert set(pair) == {"access", "refresh"}
    response = bearer(pair["access"]).get(ME)
    assert response.status_code == 200
    assert response.data["username"] == "anna"
    assert response["Cache-Control"] == "no-store, private"


def test_a_wrong_password_is_401_with_problem_details(anna):
    response = APIClient().post("/api/v1/auth/token/", {"username": "anna", "password": "wrong-horse"})
    assert_unauthorized(response)
    assert not AuthSession.objects.filter(user=anna).exists()


def test_a_missing_password_is_400_on_its_field(anna):
    response = APIClient().post("/api/v1/auth/token/", {"username": "anna"})
    assert response.status_code == 400
    assert [e["attr"] for e in response.data["errors"]] == ["password"]


def test_refresh_rotates_the_pair_and_blacklists_the_old_refresh_token(anna):
    first = obtain("anna")
    response = refresh(first["refresh"])
    assert response.status_code == 200, response.content
    second = response.data
    assert second["refresh"] != first["refresh"]
    assert payload_of(second["refresh"])["sid"] == payload_of(first["refresh"])["sid"]
    assert bearer(second["access"]).get(ME).status_code == 200
    # The new refresh token keeps working, once.
    third = refresh(second["refresh"])
    assert third.status_code == 200
    assert bearer(third.data["access"]).get(ME).status_code == 200


def test_reusing_a_rotated_refresh_token_is_401_and_ends_the_whole_session(anna, settings):
    settings.JWT_REFRESH_RETRY_SECONDS = 0
    stolen = obtain("anna")
    rotated = refresh(stolen["refresh"]).data
    other_login = obtain("anna")

    reuse = refresh(stolen["refresh"])
    assert_unauthorized(reuse)
    assert reuse.data["errors"][0]["code"] == "token_reused"
    assert "session has been ended" in reuse.data["detail"]

    # Every token of that login is dead at once: the newer refresh and both access tokens.
    assert_unauthorized(refresh(rotated["refresh"]))
    assert_unauthorized(bearer(rotated["access"]).get(ME))
    assert_unauthorized(bearer(stolen["access"]).get(ME))
    assert_unauthorized(APIClient().post(VERIFY, {"token": rotated["access"]}))
    session = AuthSession.objects.get(pk=payload_of(stolen["refresh"])["sid"])
    assert session.revoked_reason == "refresh_reuse"
    # Another login of the same person is not affected.
    assert bearer(other_login["access"]).get(ME).status_code == 200


def test_a_lost_refresh_answer_may_be_retried_once_within_the_grace_period(anna):
    """A phone that lost the answer to its refresh retries with the same token and stays signed in."""
    first = obtain("anna")
    lost = refresh(first["refresh"]).data  # the server rotated, the client never saw it
    retry = refresh(first["refresh"])
    assert retry.status_code == 200, retry.content
    assert bearer(retry.data["access"]).get(ME).status_code == 200
    session = AuthSession.objects.get(pk=payload_of(first["refresh"])["sid"])
    assert session.revoked_at is None
    assert refresh(retry.data["refresh"]).status_code == 200
    # Only one lineage stays alive: the unseen successor was blacklisted, and whoever
    # presents it now is treated as holding a stolen token.
    assert_unauthorized(refresh(lost["refresh"]))
    session.refresh_from_db()
    assert session.revoked_reason == "refresh_reuse"


def test_a_retry_after_the_successor_was_used_ends_the_session(anna):
    first = obtain("anna")
    second = refresh(first["refresh"]).data
    assert refresh(second["refresh"]).status_code == 200  # the legitimate client moved on
    reuse = refresh(first["refresh"])
    assert_unauthorized(reuse)
    assert reuse.data["errors"][0]["code"] == "token_reused"
    assert AuthSession.objects.get(pk=payload_of(first["refresh"])["sid"]).revoked_reason == "refresh_reuse"


def test_a_retry_after_the_grace_period_ends_the_session(anna):
    first = obtain("anna")
    refresh(first["refresh"])
    session = AuthSession.objects.get(pk=payload_of(first["refresh"])["sid"])
    session.rotated_at = timezone.now() - timedelta(seconds=settings.JWT_REFRESH_RETRY_SECONDS + 1)
    session.save(update_fields=["rotated_at"])
    assert_unauthorized(refresh(first["refresh"]))
    session.refresh_from_db()
    assert session.revoked_reason == "refresh_reuse"


def test_the_retry_window_is_fixed_from_the_rotation_and_retries_do_not_extend_it(anna):
    """A thief replaying a rotated token every few seconds must not keep the window open."""
    window = settings.JWT_REFRESH_RETRY_SECONDS
    assert window == 20
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        first = obtain("anna")
        assert refresh(first["refresh"]).status_code == 200  # the rotation
        traveller.shift(timedelta(seconds=12))
        assert refresh(first["refresh"]).status_code == 200  # a retry within the window
        traveller.shift(timedelta(seconds=13))  # 25 s after the rotation, 13 s after the retry
        late = refresh(first["refresh"])
        assert_unauthorized(late)
        assert late.data["errors"][0]["code"] == "token_reused"
    assert AuthSession.objects.get(pk=payload_of(first["refresh"])["sid"]).revoked_reason == "refresh_reuse"


def test_logout_ends_the_session_on_the_very_next_request(anna):
    pair = obtain("anna")
    client = bearer(pair["access"])
    assert client.get(ME).status_code == 200
    response = APIClient().post(LOGOUT, {"refresh": pair["refresh"]})
    assert response.status_code == 204
    ended = client.get(ME)
    assert_unauthorized(ended)
    assert ended.data["errors"][0]["code"] == "session_revoked"
    assert_unauthorized(refresh(pair["refresh"]))
    # Repeating it is harmless.
    assert APIClient().post(LOGOUT, {"refresh": pair["refresh"]}).status_code == 204


def test_logout_refuses_what_is_not_a_refresh_token(anna):
    pair = obtain("anna")
    assert_unauthorized(APIClient().post(LOGOUT, {"refresh": pair["access"]}))
    assert_unauthorized(APIClient().post(LOGOUT, {"refresh": "not-a-token"}))
    assert APIClient().post(LOGOUT, {}).status_code == 400
    assert bearer(pair["access"]).get(ME).status_code == 200


def test_an_expired_access_token_is_401(anna):
    live = payload_of(obtain("anna")["access"])
    token = AccessToken()
    token["user_id"] = live["user_id"]
    token["sid"] = live["sid"]
    token.set_exp(from_time=timezone.now() - timedelta(hours=1), lifetime=timedelta(minutes=10))
    assert_unauthorized(bearer(str(token)).get(ME))
    # The same claims, not yet expired, are accepted: expiry alone made the difference.
    token.set_exp()
    assert bearer(str(token)).get(ME).status_code == 200


def test_an_expired_refresh_token_is_401(anna, settings):
    pair = obtain("anna")
    raw = payload_of(pair["refresh"])
    raw["exp"] = int((timezone.now() - timedelta(minutes=1)).timestamp())
    expired = jwt.encode(raw, settings.SIMPLE_JWT["SIGNING_KEY"], algorithm="HS256")
    assert_unauthorized(refresh(expired))


def test_a_tampered_token_is_401(anna, olga):
    access = obtain("anna")["access"]
    header, body, signature = access.split(".")
    flipped = signature[:-2] + ("AA" if not signature.endswith("AA") else "BB")
    assert_unauthorized(bearer(f"{header}.{body}.{flipped}").get(ME))
    # Claiming to be someone else with anna's signature does not work either.
    claims = payload_of(access)
    claims["user_id"] = str(olga.pk)
    forged = b64(json.dumps(claims).encode())
    assert_unauthorized(bearer(f"{header}.{forged}.{signature}").get(ME))


@pytest.mark.parametrize("algorithm", ["HS512", "HS384"])
def test_a_token_signed_with_another_algorithm_is_401(anna, algorithm):
    claims = payload_of(obtain("anna")["access"])
    token = jwt.encode(claims, settings.SIMPLE_JWT["SIGNING_KEY"], algorithm=algorithm)
    assert_unauthorized(bearer(token).get(ME))


def test_an_unsigned_none_algorithm_token_is_401(anna):
    claims = payload_of(obtain("anna")["access"])
    header = b64(json.dumps({"alg": "none", "typ": "JWT"}).encode())
    token = f"{header}.{b64(json.dumps(claims).encode())}."
    assert_unauthorized(bearer(token).get(ME))


def test_a_refresh_token_is_no_access_token_and_vice_versa(anna):
    pair = obtain("anna")
    assert_unauthorized(bearer(pair["refresh"]).get(ME))
    assert_unauthorized(refresh(pair["access"]))


def test_a_token_of_a_vanished_session_is_401(anna):
    pair = obtain("anna")
    AuthSession.objects.filter(user=anna).delete()
    assert_unauthorized(bearer(pair["access"]).get(ME))


def test_deactivation_ends_access_on_the_next_request_and_refresh_fails(anna, olga, as_user):
    pair = obtain("anna")
    client = bearer(pair["access"])
    assert client.get(ME).status_code == 200
    response = as_user(olga).patch(f"/api/v1/users/{anna.pk}/", {"is_active": False})
    assert response.status_code == 200, response.content
    assert_unauthorized(client.get(ME))
    assert_unauthorized(refresh(pair["refresh"]))
    assert_unauthorized(APIClient().post(VERIFY, {"token": pair["access"]}))
    assert_unauthorized(
        APIClient().post("/api/v1/auth/token/", {"username": "anna", "password": "correct-horse-battery"})
    )
    # Reactivation lets anna sign in again, but the old tokens stay dead.
    assert as_user(olga).patch(f"/api/v1/users/{anna.pk}/", {"is_active": True}).status_code == 200
    assert_unauthorized(client.get(ME))
    assert bearer(obtain("anna")["access"]).get(ME).status_code == 200


def test_a_removed_membership_hides_network_data_on_the_next_request(anna, alice, org_a, as_user):
    contact = ContactPointFactory(organization=org_a, visibility="network")
    restricted = ContactPointFactory(organization=org_a, visibility="restricted")
    client = bearer(obtain("anna")["access"])
    assert client.get(f"/api/v1/contact-points/{contact.pk}/").status_code == 200
    assert client.get(f"/api/v1/contact-points/{restricted.pk}/").status_code == 200

    membership = Membership.objects.get(user=anna, organization=org_a)
    assert as_user(alice).delete(f"/api/v1/memberships/{membership.pk}/").status_code == 204

    assert client.get(f"/api/v1/contact-points/{contact.pk}/").status_code == 404
    assert client.get(f"/api/v1/contact-points/{restricted.pk}/").status_code == 404
    assert client.get("/api/v1/contact-points/").data["count"] == 0
    assert client.get(ME).data["memberships"] == []


def test_verify_answers_200_only_while_the_session_lives(anna):
    pair = obtain("anna")
    assert APIClient().post(VERIFY, {"token": pair["access"]}).status_code == 200
    assert APIClient().post(VERIFY, {"token": pair["refresh"]}).status_code == 200
    rotated = refresh(pair["refresh"]).data
    assert_unauthorized(APIClient().post(VERIFY, {"token": pair["refresh"]}))  # rotated away
    assert APIClient().post(VERIFY, {"token": rotated["access"]}).status_code == 200
    assert APIClient().post(LOGOUT, {"refresh": rotated["refresh"]}).status_code == 204
    assert_unauthorized(APIClient().post(VERIFY, {"token": rotated["access"]}))
    assert_unauthorized(APIClient().post(VERIFY, {"token": pair["access"]}))
    assert_unauthorized(APIClient().post(VERIFY, {"token": "garbage"}))


@pytest.mark.parametrize("header", ["Bearer", "Bearer a b", "Bearer  "])
def test_a_malformed_authorization_header_is_401(anna, header):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)
    assert_unauthorized(client.get(ME))
