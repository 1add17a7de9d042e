"""The committed OpenAPI file is the contract: it must be what the code generates, and complete.

Third-party tools and the app's generated API types are built from openapi/openapi.yaml,
so a change to the API that is not regenerated and committed fails here.
"""

import difflib

import pytest
import yaml

from tests.core.contract import COMMITTED, generate_contract

HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


@pytest.fixture(scope="module")
def contract():
    return generate_contract()


@pytest.fixture(scope="module")
def operations(contract):
    schema = yaml.safe_load(contract.text)
    return schema, [
        (f"{method.upper()} {path}", operation)
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if method in HTTP_METHODS
    ]


def test_the_schema_generates_without_warnings(contract):
    assert not contract.warnings, "The schema generator warns; fix these views:\n" + "\n".join(
        contract.warnings
    )


def test_the_committed_contract_is_what_the_code_generates(contract):
    committed = COMMITTED.read_text() if COMMITTED.exists() else ""
    if committed != contract.text:
        diff = difflib.unified_diff(
            committed.splitlines(keepends=True),
            contract.text.splitlines(keepends=True),
            fromfile="openapi/openapi.yaml (committed)",
            tofile="generated from the code",
        )
        excerpt = "".join(list(diff)[:80])
        pytest.fail(
            "openapi/openapi.yaml differs from what the code generates: run `make schema` "
            f"and commit the result.\n\n{excerpt}",
            pytrace=False,
        )


def test_every_operation_has_a_summary_description_id_and_declared_tag(operations):
    schema, ops = operations
    declared_tags = {tag["name"]: tag.get("description") for tag in schema.get("tags", [])}
    problems = []
    for name, operation in ops:
        missing = [key for key in ("operationId", "summary", "description") if not operation.get(key)]
        if missing:
            problems.append(f"{name}: no {', '.join(missing)}")
        tags = operation.get("tags") or []
        if not tags:
            problems.append(f"{name}: no tags")
        for tag in tags:
            if not declared_tags.get(tag):
                problems.append(
                    f"{name}: tag {tag!r} is not in SPECTACULAR_SETTINGS['TAGS'] with a description"
                )
    assert not problems, "Undocumented operations:\n" + "\n".join(problems)


def test_operation_ids_are_unique(operations):
    _, ops = operations
    seen: dict[str, str] = {}
    duplicates = []
    for name, operation in ops:
        op_id = operation.get("operationId")
        if op_id in seen:
            duplicates.append(f"{op_id}: {seen[op_id]} and {name}")
        seen[op_id] = name
    assert not duplicates, "\n".join(duplicates)


def test_every_operation_says_who_may_call_it(operations):
    """Each operation has security requirements, its own or the document's; `{}` or none at all
    (`[]`) marks that no token is needed."""
    schema, ops = operations
    schemes = set(schema.get("components", {}).get("securitySchemes", {}))
    problems = []
    for name, operation in ops:
        security = operation.get("security", schema.get("security"))
        if security is None:
            problems.append(f"{name}: no security requirements")
            continue
        for requirement in security:
            unknown = set(requirement) - schemes
            if unknown:
                problems.append(f"{name}: unknown security schemes {sorted(unknown)}")
    assert not problems, "\n".join(problems)
