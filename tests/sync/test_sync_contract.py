"""/sync/ and /changes/ are documented in the contract: summaries, descriptions, tags, shapes."""

import pytest
from drf_spectacular.generators import SchemaGenerator

from changes.registry import synced_type_choices


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def test_sync_is_documented(schema):
    operation = schema["paths"]["/api/v1/sync/"]["get"]
    assert operation["tags"] == ["sync"]
    assert operation["summary"] and "reset" in operation["description"] and "304" in operation["description"]
    params = {(p["in"], p["name"]) for p in operation["parameters"]}
    assert {("query", "cursor"), ("query", "limit"), ("header", "If-None-Match")} <= params
    responses = operation["responses"]
    assert {"200", "304", "400", "401"} <= set(responses)
    assert "ETag" in responses["200"]["headers"] and "ETag" in responses["304"]["headers"]
    assert responses["200"]["content"]["application/json"]["examples"]
    body = schema["components"]["schemas"]["SyncResponse"]
    assert set(body["required"]) == {"cursor", "reset", "reset_reason", "has_more", "changes"}
    schemas = schema["components"]["schemas"]
    block = schemas["SyncBlock"]
    assert set(block["discriminator"]["mapping"]) == {choice for choice, _ in synced_type_choices()}
    for ref in block["discriminator"]["mapping"].values():
        assert set(schemas[ref.split("/")[-1]]["required"]) == {"type", "key", "fields", "rows", "deleted"}
    cursor_errors = responses["400"]["description"]
    assert "- `cursor`: " in cursor_errors
    assert "`invalid_cursor`" in cursor_errors and "`foreign_cursor`" in cursor_errors


def test_changes_are_documented(schema):
    for path, operation_id in (
        ("/api/v1/changes/", "changes_list"),
        ("/api/v1/changes/{seq}/", "changes_retrieve"),
    ):
        operation = schema["paths"][path]["get"]
        assert operation["operationId"] == operation_id
        assert operation["tags"] == ["changes"] and operation["summary"] and operation["description"]
        assert {"401", "403"} <= set(operation["responses"])
        assert set(schema["paths"][path]) == {"get"}  # read-only
    filters = {p["name"] for p in schema["paths"]["/api/v1/changes/"]["get"]["parameters"]}
    assert {"object_type", "object_id", "actor", "action", "since", "until", "after"} <= filters
    assert {t["name"] for t in schema["tags"]} >= {"sync", "changes"}
