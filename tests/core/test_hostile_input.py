"""Hostile input is refused with problem details, never a 500 (docs/design.md, "Errors").

A body nested 1,000 deep is 2 KB, yet Python's recursive JSON decoder runs out of stack on
it: every operation that reads a JSON body must refuse it as unreadable before parsing.
"""

import pytest
import yaml

from tests.core.contract import COMMITTED
from tests.core.test_invisible_objects import hidden, snapshot  # noqa: F401  (a fixture)
from tests.factories import CountryFactory

DEEP = b"[" * 1000 + b"]" * 1000
DEEP_OBJECT = b'{"a":' * 500 + b"1" + b"}" * 500


def _json_writes() -> list[tuple[str, str]]:
    contract = yaml.safe_load(COMMITTED.read_text())
    return [
        (method, path)
        for path, operations in contract["paths"].items()
        for method, operation in operations.items()
        if "application/json" in operation.get("requestBody", {}).get("content", {})
    ]


JSON_WRITES = _json_writes()


def _url(path: str, params: dict) -> str:
    for name, value in params.items():
        path = path.replace(f"{{{name}}}", str(value))
    return path


def _collection(path: str) -> str:
    return path.removeprefix("/api/v1/").split("{", 1)[0].strip("/")


@pytest.mark.parametrize(("method", "path"), JSON_WRITES, ids=[f"{m} {p}" for m, p in JSON_WRITES])
def test_a_body_nested_too_deep_is_refused_as_unreadable(as_user, olga, hidden, method, path):  # noqa: F811
    objects = {**hidden, "countries": {"code": CountryFactory().code}, "users": {"id": olga.pk}}
    params = objects.get(_collection(path), {})
    client = as_user(olga)
    before = snapshot()
    for body in (DEEP, DEEP_OBJECT):
        response = getattr(client, method)(_url(path, params), data=body, content_type="application/json")
        assert response.status_code == 400, (method, path, response.content)
        assert response.json()["errors"][0]["code"] == "parse_error"
        assert "nest deeper" in response.json()["detail"]
    assert snapshot() == before


@pytest.mark.parametrize("path", ["/api/v1/auth/token/", "/api/v1/invitations/accept/"])
def test_anonymous_sign_in_refuses_a_body_nested_too_deep(api, db, path):
    response = api.post(path, data=DEEP, content_type="application/json")
    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["code"] == "parse_error"


def test_ordinary_nesting_still_reads(client_of, alice, org_a):
    body = {"organization": org_a.pk, "channel": "email", "value": "help@example.org", "languages": ["ru"]}
    response = client_of("alice").post("/api/v1/contact-points/", body, format="json")
    assert response.status_code == 201, response.content


@pytest.mark.parametrize("text", ['{"value": "%s"}' % ("[" * 40), '{"value": "\\"%s"}' % ("{" * 40)])
def test_brackets_inside_strings_do_not_count(client_of, alice, org_a, text):
    response = client_of("alice").post(
        "/api/v1/contact-points/", data=text.encode(), content_type="application/json"
    )
    assert response.status_code == 400, response.content
    assert "nest deeper" not in response.json()["detail"]
