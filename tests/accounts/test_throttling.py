"""Password guessing is slowed per username and per client address, with a readable 429.

The limits (settings): 5 sign-in attempts a minute per username, 20 per address, 10
invitation acceptances per address. Each test starts with no attempts spent.
"""

from rest_framework.test import APIClient

from ..conftest import PASSWORD

LOGIN = "/api/v1/auth/token/"


def attempt(address: str, username: str, password: str = "wrong-password"):
    return APIClient(REMOTE_ADDR=address).post(LOGIN, {"username": username, "password": password})


def test_the_sixth_attempt_for_one_username_is_429_with_problem_details(anna, alice):
    for _ in range(5):
        assert attempt("10.0.0.1", "anna").status_code == 401
    response = attempt("10.0.0.1", "anna", PASSWORD)
    assert response.status_code == 429
    assert response.data["type"] == "client_error"
    assert response.data["status"] == 429
    assert response.data["errors"][0]["code"] == "throttled"
    assert int(response["Retry-After"]) > 0
    # The username is locked from any address, however it is spelled...
    assert attempt("10.0.0.9", " Anna ", PASSWORD).status_code == 429
    # ...while another person from another address still signs in.
    assert attempt("10.0.0.2", "alice", PASSWORD).status_code == 200


def test_one_address_is_limited_across_usernames(anna):
    for number in range(20):
        assert attempt("10.0.0.3", f"guess{number}").status_code == 401
    assert attempt("10.0.0.3", "anna", PASSWORD).status_code == 429
    assert attempt("10.0.0.4", "anna", PASSWORD).status_code == 200


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
        assert response.data["type"] == "validation_error"
