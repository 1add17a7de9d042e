"""The contract declares the rules the server enforces, no looser and no stricter.

Schemathesis 4 (tests/contract/) found these: an `Idempotency-Key` refused for a form the
contract did not state, a hashtag likewise, a pending invitation's `accepted_by: null`
that the contract said could not be null, and an account's empty `email` that it said must
be an address; and request bodies that refuse unknown keys without saying so. Each test
holds the declaration and the server's answer side by side.
"""

import re
import uuid

import pytest
import yaml
from openapi_schema_validator import OAS30Validator, oas30_format_checker

from accounts.services import invitation_create
from tests.core.contract import COMMITTED


@pytest.fixture(scope="module")
def contract():
    return yaml.safe_load(COMMITTED.read_text())


def declared(contract, path: str, method: str, name: str) -> dict:
    """The schema of parameter `name` of one operation."""
    parameters = contract["paths"][path][method]["parameters"]
    return next(parameter["schema"] for parameter in parameters if parameter["name"] == name)


def matches(contract, component: str, body) -> bool:
    schema = {"$ref": f"#/components/schemas/{component}", "components": contract["components"]}
    return OAS30Validator(schema, format_checker=oas30_format_checker).is_valid(body)


@pytest.mark.parametrize("key", [str(uuid.uuid4()), "retry-7", "two words", "ключ", "x" * 256])
def test_the_idempotency_key_is_declared_as_the_server_checks_it(contract, client_of, org_a, key):
    pattern = declared(contract, "/api/v1/campaigns/", "post", "Idempotency-Key").get("pattern")
    body = {"name": "Action week (example data)", "slug": f"week-{uuid.uuid4().hex[:8]}"}
    body |= {"start_date": "2026-12-07", "end_date": "2026-12-13"}
    response = client_of("olga").post("/api/v1/campaigns/", body, format="json", HTTP_IDEMPOTENCY_KEY=key)
    assert pattern is not None
    assert (re.search(pattern, key) is not None) == (response.status_code == 201), response.content


@pytest.mark.parametrize("hashtag", ["#RightToRefuse", "Right_to_refuse", " #ab ", "#", "two words", "#a"])
def test_the_hashtag_is_declared_as_the_server_checks_it(contract, client_of, hashtag):
    field = contract["components"]["schemas"]["CampaignRequest"]["properties"]["hashtag"]
    body = {"name": "Action week (example data)", "slug": f"week-{uuid.uuid4().hex[:8]}", "hashtag": hashtag}
    body |= {"start_date": "2026-12-07", "end_date": "2026-12-13"}
    response = client_of("olga").post("/api/v1/campaigns/", body, format="json")
    accepted = OAS30Validator(field).is_valid(hashtag)
    assert accepted == (response.status_code == 201), response.content


def test_a_pending_invitation_matches_its_schema(contract, client_of, alice, org_a):
    invitation, _ = invitation_create(data={"email": "new@example.org", "organization": org_a}, actor=alice)
    body = client_of("alice").get(f"/api/v1/invitations/{invitation.id}/").json()
    assert body["accepted_by"] is None
    assert matches(contract, "Invitation", body)


def test_an_account_without_email_matches_its_schema(contract, client_of, alice):
    assert client_of("alice").patch("/api/v1/me/", {"email": ""}, format="json").status_code == 200
    body = client_of("olga").get(f"/api/v1/users/{alice.id}/").json()
    assert body["email"] == ""
    assert matches(contract, "User", body)


@pytest.mark.parametrize(
    ("action", "status"),
    [("submit", "draft"), ("publish", "in_review"), ("archive", "published"), ("revise", "published")],
)
def test_a_workflow_action_declares_the_if_match_it_honours(
    contract, client_of, make_document, action, status
):
    document = make_document(status=status)
    stale = f'"{document.version - 1}"' if document.version > 1 else '"0"'
    response = client_of("olga").post(f"/api/v1/documents/{document.id}/{action}/", HTTP_IF_MATCH=stale)
    assert response.status_code == 412
    operation = contract["paths"][f"/api/v1/documents/{{id}}/{action}/"]["post"]
    assert "If-Match" in [parameter["name"] for parameter in operation["parameters"]]
    assert "412" in operation["responses"]


def test_a_request_body_that_refuses_unknown_keys_says_so(contract, client_of):
    body = {"name": "Action week (example data)", "slug": "week-extra", "start_date": "2026-12-07"}
    body |= {"end_date": "2026-12-13", "colour": "red"}
    response = client_of("olga").post("/api/v1/campaigns/", body, format="json")
    assert response.status_code == 400
    assert [error["attr"] for error in response.json()["errors"]] == ["colour"]
    assert contract["components"]["schemas"]["CampaignRequest"].get("additionalProperties") is False
    assert not matches(contract, "CampaignRequest", body)
