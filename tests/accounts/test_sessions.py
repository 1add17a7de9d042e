"""Sessions the user controls: see every device signed in, end any of them from anywhere.

anna signs in on a phone and a laptop; alice is another person of her organization whose
sessions anna must not touch; olga (admin) can sign anyone out everywhere.
"""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import AuthSession
from tests.conftest import PASSWORD

from .conftest import bearer
from .test_tokens import ME, assert_unauthorized, payload_of, refresh

SESSIONS = "/api/v1/auth/sessions/"
END_OTHERS = "/api/v1/auth/sessions/end-others/"


def sign_in(username: str, device_label: str | None = None) -> dict:
    body = {"username": username, "password": PASSWORD}
    if device_label is not None:
        body["device_label"] = device_label
    response = APIClient().post("/api/v1/auth/token/", body)
    assert response.status_code == 200, response.content
    return response.data


def sid(pair: dict) -> str:
    return payload_of(pair["access"])["sid"]


def test_it_lists_my_active_sessions_with_labels_and_marks_the_current_one(anna, alice):
    phone = sign_in("anna", "  Phone ")
    laptop = sign_in("anna", "Laptop")
    unlabelled = sign_in("anna")
    ended = sign_in("anna", "Old tablet")
    assert APIClient().post("/api/v1/auth/logout/", {"refresh": ended["refresh"]}).status_code == 204
    sign_in("alice", "Alice's phone")

    response = bearer(phone["access"]).get(SESSIONS)
    assert response.status_code == 200, response.content
    rows = {row["id"]: row for row in response.data["results"]}
    assert set(rows) == {sid(phone), sid(laptop), sid(unlabelled)}
    assert rows[sid(phone)]["device_label"] == "Phone"
    assert rows[sid(laptop)]["device_label"] == "Laptop"
    assert rows[sid(unlabelled)]["device_label"] == ""
    assert [row["id"] for row in response.data["results"] if row["current"]] == [sid(phone)]
    assert set(rows[sid(phone)]) == {"id", "device_label", "created_at", "last_used_at", "current"}


def test_a_device_label_longer_than_60_characters_is_400_and_opens_no_session(anna):
    response = APIClient().post(
        "/api/v1/auth/token/", {"username": "anna", "password": PASSWORD, "device_label": "x" * 61}
    )
    assert response.status_code == 400
    assert [e["attr"] for e in response.data["errors"]] == ["device_label"]
    assert not AuthSession.objects.filter(user=anna).exists()


def test_nothing_but_the_label_describes_the_device(anna):
    sign_in("anna", "Phone")
    row = AuthSession.objects.filter(user=anna).values().get()
    texts = {value for value in row.values() if isinstance(value, str)}
    assert texts <= {"Phone", ""}, texts  # no address, no user agent


def test_last_used_moves_on_refresh(anna):
    pair = sign_in("anna", "Phone")
    client = bearer(pair["access"])
    before = client.get(SESSIONS).data["results"][0]["last_used_at"]
    with time_machine.travel(timezone.now() + timedelta(minutes=9)):
        renewed = refresh(pair["refresh"]).data
        after = bearer(renewed["access"]).get(SESSIONS).data["results"][0]["last_used_at"]
    assert after > before


def test_ending_one_session_stops_its_tokens_at_once_and_leaves_the_others(anna):
    phone, laptop = sign_in("anna", "Phone"), sign_in("anna", "Laptop")
    stolen = bearer(phone["access"])
    assert stolen.get(ME).status_code == 200

    response = bearer(laptop["access"]).delete(f"{SESSIONS}{sid(phone)}/")
    assert response.status_code == 204

    assert_unauthorized(stolen.get(ME))
    assert_unauthorized(refresh(phone["refresh"]))
    assert bearer(laptop["access"]).get(ME).status_code == 200
    assert [row["id"] for row in bearer(laptop["access"]).get(SESSIONS).data["results"]] == [sid(laptop)]
    # Ended already: gone from the list, and ending it again is 404.
    assert bearer(laptop["access"]).delete(f"{SESSIONS}{sid(phone)}/").status_code == 404


def test_someone_elses_session_is_404_and_stays_alive(anna, alice):
    theirs = sign_in("alice", "Phone")
    mine = bearer(sign_in("anna")["access"])
    for target in (sid(theirs), "00000000-0000-0000-0000-000000000000", "not-a-uuid"):
        response = mine.delete(f"{SESSIONS}{target}/")
        assert response.status_code == 404, target
    assert bearer(theirs["access"]).get(ME).status_code == 200


def test_end_others_keeps_only_the_current_session_and_says_how_many(anna, alice):
    here = sign_in("anna", "Laptop")
    others = [sign_in("anna", "Phone"), sign_in("anna", "Tablet")]
    alices = sign_in("alice")

    response = bearer(here["access"]).post(END_OTHERS)
    assert response.status_code == 200, response.content
    assert response.data == {"ended": 2}
    for pair in others:
        assert_unauthorized(bearer(pair["access"]).get(ME))
        assert_unauthorized(refresh(pair["refresh"]))
    assert bearer(here["access"]).get(ME).status_code == 200
    assert refresh(here["refresh"]).status_code == 200
    assert bearer(alices["access"]).get(ME).status_code == 200
    # Nothing left to end.
    assert bearer(here["access"]).post(END_OTHERS).data == {"ended": 0}


def test_the_network_office_ends_every_session_of_an_account(anna, alice, olga, as_user):
    pairs = [sign_in("anna", "Phone"), sign_in("anna", "Laptop")]
    response = as_user(olga).post(f"/api/v1/users/{anna.pk}/end-sessions/")
    assert response.status_code == 200, response.content
    assert response.data == {"ended": 2}
    for pair in pairs:
        assert_unauthorized(bearer(pair["access"]).get(ME))
        assert_unauthorized(refresh(pair["refresh"]))
    # The account itself stays active: anna signs in again.
    assert bearer(sign_in("anna")["access"]).get(ME).status_code == 200


@pytest.mark.parametrize("caller", ["anna", "alice"])
def test_only_the_network_office_may_end_someone_elses_sessions(anna, alice, olga, as_user, caller):
    pair = sign_in("anna")
    target = olga if caller == "anna" else anna
    client = as_user(anna if caller == "anna" else alice)
    assert client.post(f"/api/v1/users/{target.pk}/end-sessions/").status_code == 403
    assert bearer(pair["access"]).get(ME).status_code == 200


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", SESSIONS),
        ("delete", f"{SESSIONS}00000000-0000-0000-0000-000000000000/"),
        ("post", END_OTHERS),
        ("post", "/api/v1/users/1/end-sessions/"),
    ],
)
def test_anonymous_callers_are_401(db, method, url):
    assert getattr(APIClient(), method)(url).status_code == 401


def test_a_session_ends_after_its_maximum_age_even_if_refreshed_every_day(anna, settings):
    """A copied refresh token cannot keep access for ever by being used daily."""
    assert settings.JWT_SESSION_MAX_DAYS == 30
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        pair = sign_in("anna", "Phone")
        for day in range(1, 30):
            traveller.shift(timedelta(days=1))
            response = refresh(pair["refresh"])
            assert response.status_code == 200, (day, response.content)
            pair = response.data
            assert bearer(pair["access"]).get(ME).status_code == 200, day
            assert len(bearer(pair["access"]).get(SESSIONS).data["results"]) == 1
        traveller.shift(timedelta(days=1, minutes=-1))  # a minute before the 30 days are over
        pair = refresh(pair["refresh"]).data
        traveller.shift(timedelta(minutes=2))  # the new tokens have not expired, the session has
        late = refresh(pair["refresh"])
        assert_unauthorized(late)
        assert late.data["errors"][0]["code"] == "session_expired"
        assert_unauthorized(bearer(pair["access"]).get(ME))
        assert bearer(pair["access"]).get(ME).data["errors"][0]["code"] == "session_expired"
        # Signing in again starts a new session.
        fresh = sign_in("anna", "Phone")
        assert refresh(fresh["refresh"]).status_code == 200
