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
@pytest.mark.parametrize("body", [DEEP, b"{", b'{"username": 1e400}'], ids=["deep", "cut", "1e400"])
def test_anonymous_sign_in_refuses_an_unreadable_body(api, db, path, body):
    """The sign-in throttles read the body first: a refusal there must still be a 400."""
    response = api.post(path, data=body, content_type="application/json")
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


@pytest.mark.parametrize(
    "raw",
    [
        b'{"organization": 1e400}',
        b'{"organization": -1e400}',
        b'{"organization": NaN}',
        b'{"organization": Infinity}',
        b'{"value": "\xff\xfe"}',
        b'{"organization": 1' + b"0" * 5000 + b"}",
    ],
    ids=["1e400", "-1e400", "NaN", "Infinity", "invalid UTF-8", "5000 digits"],
)
def test_numbers_no_field_takes_and_bytes_that_are_not_text_are_unreadable(client_of, alice, org_a, raw):
    client = client_of("alice")
    before = snapshot()
    response = client.post("/api/v1/contact-points/", data=raw, content_type="application/json")
    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["code"] == "parse_error"
    assert snapshot() == before


BIG = "99999999999999999999"
HOSTILE_QUERIES = [
    f"page={BIG}",
    "page=-1",
    f"page_size={BIG}",
    "ordering=nope",
    "ordering=-password",
    "ordering=organization__members__password",
    f"organization={BIG}",
    "organization=1&organization=2",
    "organization[]=1",
    "q=a%00b",
    "q=%ff%fe",
    "q=" + "a" * 20_000,
    f"campaign={BIG}",
    "country=%00",
    "date_from=0001-01-01",
    "date_to=99999-01-01",
    "since=-1",
    "cursor=%00",
    "&".join(f"p{i}=1" for i in range(1500)),
]
HOSTILE_PATHS = [f"{BIG}/", "%00/", "-1/", "1e5/"]
COLLECTIONS = [
    "organizations",
    "contact-points",
    "resources",
    "events",
    "documents",
    "funding/entries",
    "changes",
    "search",
    "sync",
]


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_hostile_query_strings_and_ids_are_refused_or_ignored_never_a_server_error(
    client_of, olga, org_a, collection
):
    """Huge numbers, NUL bytes, invalid UTF-8, unknown or forbidden orderings, repeated or
    bracketed filters and very long query strings: each is a 4xx or is ignored, on SQLite and
    PostgreSQL alike (the test client raises on any uncaught error)."""
    client = client_of("olga")
    for query in HOSTILE_QUERIES:
        response = client.get(f"/api/v1/{collection}/?{query}")
        assert response.status_code in (200, 400, 404), (query[:60], response.content[:300])
        if response.status_code != 200:
            assert response.json()["status"] == response.status_code  # problem details
    for suffix in HOSTILE_PATHS:
        response = client.get(f"/api/v1/{collection}/{suffix}")
        assert response.status_code in (400, 404), (suffix, response.content[:300])
        assert response.json()["status"] == response.status_code


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b'{"name": "A \\u0000 B"}', "null_characters_not_allowed"),
        (b'{"description": "\\ud800"}', "surrogate_characters_not_allowed"),
    ],
)
def test_text_postgresql_cannot_store_is_a_field_error(client_of, olga, org_a, raw, code):
    response = client_of("olga").patch(
        f"/api/v1/organizations/{org_a.pk}/", data=raw, content_type="application/json"
    )
    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["code"] == code
