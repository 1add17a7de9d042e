"""Password guessing is stopped, but nobody can lock someone else out by guessing wrong.

The rule (accounts/throttles.py): failures count, per address (20 a minute), per client and
username (5 a minute), and per username from everywhere (20 an hour); a username past that
is open only to clients that signed in as it before (their device cookie) and to addresses
that have not failed for it. The API sign-in and the admin login share the same rule.
Each test starts with no failures counted.
"""

from datetime import timedelta

import time_machine
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from tests.conftest import PASSWORD

LOGIN = "/api/v1/auth/token/"
ADMIN_LOGIN = "/admin/login/?next=/admin/"


def attempt(address: str, username: str, password: str = "wrong-password", client=None):
    client = client or APIClient(REMOTE_ADDR=address)
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def admin_attempt(address: str, username: str, password: str = "wrong-password"):
    return Client(REMOTE_ADDR=address).post(ADMIN_LOGIN, {"username": username, "password": password})


def test_a_brute_forcer_from_one_address_is_stopped_with_problem_details(anna, alice):
    for _ in range(5):
        assert attempt("10.0.0.1", "anna").status_code == 401
    response = attempt("10.0.0.1", "anna", PASSWORD)  # even the right password now waits
    assert response.status_code == 429
    assert response.data["type"] == "/api/problems/throttled"
    assert response.data["status"] == 429
    assert response.data["errors"][0]["code"] == "throttled"
    assert int(response["Retry-After"]) > 0
    # However the username is spelled.
    assert attempt("10.0.0.1", " Anna ", PASSWORD).status_code == 429
    # Another person from the same address is not affected.
    assert attempt("10.0.0.1", "alice", PASSWORD).status_code == 200


def test_a_strangers_wrong_passwords_do_not_lock_the_real_user_out(anna):
    for _ in range(30):
        assert attempt("10.0.0.1", "anna").status_code in (401, 429)
    assert attempt("10.0.0.1", "anna", PASSWORD).status_code == 429
    assert attempt("10.0.0.2", "anna", PASSWORD).status_code == 200


def test_one_address_is_limited_across_usernames(anna):
    for number in range(20):
        assert attempt("10.0.0.3", f"guess{number}").status_code == 401
    assert attempt("10.0.0.3", "anna", PASSWORD).status_code == 429
    assert attempt("10.0.0.4", "anna", PASSWORD).status_code == 200


def test_signing_in_successfully_uses_up_no_allowance(anna):
    for _ in range(30):
        assert attempt("10.0.0.5", "anna", PASSWORD).status_code == 200


def test_guessing_from_many_addresses_is_stopped_without_locking_out_the_owner(anna):
    phone = APIClient()  # anna's phone has signed in before: it holds her device cookie
    assert attempt("10.9.9.9", "anna", PASSWORD, client=phone).status_code == 200
    # A guesser with many addresses fails 20 times in all: the username is now under attack.
    for number in range(20):
        assert attempt(f"10.3.0.{number}", "anna").status_code == 401
    # Each of those addresses is refused a further guess, even the right password.
    for number in (0, 7, 19):
        assert attempt(f"10.3.0.{number}", "anna", PASSWORD).status_code == 429
    # The phone gets in, even from an address the guesser used (a shared one, say)...
    assert attempt("10.3.0.7", "anna", PASSWORD, client=phone).status_code == 200
    # ...and so does anna from any address that has not failed for her.
    assert attempt("10.4.0.1", "anna", PASSWORD).status_code == 200


def test_a_device_cookie_names_nobody_and_is_of_no_use_for_another_username(anna, alice):
    phone = APIClient()
    response = attempt("10.9.9.9", "anna", PASSWORD, client=phone)
    cookie = response.cookies["waypoint_device"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Strict"
    assert "anna" not in cookie.value.lower()
    # Under attack, alice's username is not opened by a cookie anna's sign-in earned.
    for number in range(20):
        assert attempt(f"10.5.0.{number}", "alice").status_code == 401
    assert attempt("10.5.0.3", "alice", PASSWORD, client=phone).status_code == 429
    # A forged cookie is just no cookie.
    forger = APIClient()
    forger.cookies["waypoint_device"] = cookie.value[:-4] + "AAAA"
    assert attempt("10.5.0.4", "alice", PASSWORD, client=forger).status_code == 429


def test_a_device_cookie_does_not_open_the_door_to_whoever_holds_the_device(anna):
    seized = APIClient()
    assert attempt("10.9.9.9", "anna", PASSWORD, client=seized).status_code == 200
    refused = 0
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        for _ in range(12):  # an hour of guessing at full speed
            for _ in range(5):
                refused += attempt("10.6.0.1", "anna", client=seized).status_code == 429
            traveller.shift(timedelta(minutes=5))
        assert refused >= 60 - 20  # about 20 guesses an hour, not 5 a minute
        # anna from another device is not locked out by it.
        assert attempt("10.6.0.2", "anna", PASSWORD).status_code == 200


def test_the_admin_login_is_throttled_by_the_same_rule(anna, olga):
    olga.is_superuser = True
    olga.save()
    for _ in range(5):
        assert admin_attempt("10.0.0.6", "olga").status_code == 200  # the form again, with an error
    refused = admin_attempt("10.0.0.6", "olga", PASSWORD)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    # One rule, one count: the API sign-in from that address waits too...
    assert attempt("10.0.0.6", "olga", PASSWORD).status_code == 429
    # ...while olga from her own address signs in to the admin.
    assert admin_attempt("10.0.0.7", "olga", PASSWORD).status_code == 302


def test_accepting_invitations_is_throttled_per_address(db):
    body = {"token": "not-a-token", "username": "someone", "password": "a long passphrase"}
    client = APIClient(REMOTE_ADDR="10.0.0.5")
    for _ in range(10):
        assert client.post("/api/v1/invitations/accept/", body).status_code == 400
    assert client.post("/api/v1/invitations/accept/", body).status_code == 429
    assert APIClient(REMOTE_ADDR="10.0.0.6").post("/api/v1/invitations/accept/", body).status_code == 400


def test_a_body_that_is_not_an_object_is_400_not_a_crash(db):
    for body in ("[]", '"anna"', "1", "null"):
        response = APIClient().post(LOGIN, body, content_type="application/json")
        assert response.status_code == 400, body
        assert response.data["type"] == "/api/problems/validation-error"
