"""Every example in the contract is valid against the schema it illustrates, and every main
operation has one: a developer copies examples first, and a generator builds fixtures from them."""

import pytest
import yaml
from openapi_schema_validator import OAS30ReadValidator, OAS30WriteValidator, oas30_format_checker

from tests.core.contract import COMMITTED

CONTRACT = yaml.safe_load(COMMITTED.read_text())
MEDIA = ("application/json", "application/problem+json", "multipart/form-data")

# The main operations: list, read, create and update of each main resource, sync and sign-in.
MAIN = [
    f"{method} {path}"
    for resource in (
        "organizations", "contact-points", "resources", "documents", "campaigns", "events", "countries",
    )
    for method, path in (
        ("get", f"/api/v1/{resource}/"),
        ("post", f"/api/v1/{resource}/"),
        ("get", f"/api/v1/{resource}/{{{'code' if resource == 'countries' else 'id'}}}/"),
        ("patch", f"/api/v1/{resource}/{{{'code' if resource == 'countries' else 'id'}}}/"),
    )
] + [
    "get /api/v1/sync/", "post /api/v1/auth/token/", "post /api/v1/auth/token/refresh/", "get /api/v1/me/",
]  # fmt: skip


def validator_for(part: str, schema):
    """A request is checked as a client writes it, an answer as a client reads it (`readOnly`)."""
    validator = OAS30WriteValidator if part == "request" else OAS30ReadValidator
    return validator({**schema, "components": CONTRACT["components"]}, format_checker=oas30_format_checker)


def examples():
    """(where, example value, schema) of every example in the contract."""
    for path, item in CONTRACT["paths"].items():
        for method, operation in item.items():
            where = f"{method} {path}"
            bodies = [("request", operation.get("requestBody", {}).get("content", {}))]
            bodies += [(code, r.get("content", {})) for code, r in operation.get("responses", {}).items()]
            for part, content in bodies:
                for media, body in content.items():
                    for name, example in body.get("examples", {}).items():
                        yield f"{where} {part} {media} {name}", part, example["value"], body["schema"]


EXAMPLES = list(examples())


@pytest.mark.parametrize(("where", "part", "value", "schema"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_every_example_is_valid_against_its_schema(where, part, value, schema):
    found = validator_for(part, schema).iter_errors(value)
    errors = [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in found]
    assert errors == [], where


@pytest.mark.parametrize("operation", MAIN)
def test_every_main_operation_has_an_example(operation):
    method, path = operation.split(" ")
    assert path in CONTRACT["paths"] and method in CONTRACT["paths"][path], operation
    documented = CONTRACT["paths"][path][method]
    media = [
        body
        for content in [documented.get("requestBody", {}).get("content", {})]
        + [r.get("content", {}) for code, r in documented["responses"].items() if code.startswith("2")]
        for name, body in content.items()
        if name in MEDIA
    ]
    assert any(body.get("examples") for body in media), operation
