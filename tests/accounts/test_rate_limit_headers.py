"""Throttled operations tell a client what it has left (`RateLimit`, `RateLimit-Policy`) before
they refuse it, and how long to wait (`Retry-After`) when they do."""

import re

from tests.conftest import PASSWORD

TOKEN = "/api/v1/auth/token/"


def remaining(response, policy: str) -> int:
    match = re.search(rf'"{policy}";r=(\d+);t=(\d+)', response["RateLimit"])
    assert match, response["RateLimit"]
    return int(match.group(1))


def test_sign_in_reports_its_allowance_and_the_wait_once_spent(api, alice):
    answers = [api.post(TOKEN, {"username": "alice", "password": "wrong"}, format="json") for _ in range(6)]
    assert [a.status_code for a in answers] == [401] * 5 + [429]
    assert '"login_failures";q=5;w=60' in answers[0]["RateLimit-Policy"]
    assert [remaining(a, "login_failures") for a in answers] == [4, 3, 2, 1, 0, 0]
    assert int(answers[-1]["Retry-After"]) > 0


def test_a_successful_sign_in_reports_the_allowance_too(api, alice):
    response = api.post(TOKEN, {"username": "alice", "password": PASSWORD}, format="json")
    assert response.status_code == 200
    assert remaining(response, "login_failures") == 5
    assert '"login_ip";q=20;w=60' in response["RateLimit-Policy"]


def test_accepting_invitations_reports_its_allowance(api, db):
    answers = [api.post("/api/v1/invitations/accept/", {"token": "nope"}, format="json") for _ in range(11)]
    assert [a.status_code for a in answers] == [400] * 10 + [429]
    assert answers[0]["RateLimit-Policy"] == '"invitation_accept";q=10;w=60'
    assert [remaining(a, "invitation_accept") for a in answers] == [9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 0]
    assert int(answers[-1]["Retry-After"]) > 0
