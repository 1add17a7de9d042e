"""The HSDS 3.1 JSON Schemas of `schemas/` (written from the specification's field definitions,
each citing the file and commit it follows), and assertions that an answer keeps them."""

import json
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

SCHEMAS = Path(__file__).with_name("schemas")
BASE = "https://hsds.test/"
REGISTRY = Registry().with_resources(
    (f"{BASE}{path.name}", Resource.from_contents(json.loads(path.read_text())))
    for path in sorted(SCHEMAS.glob("*.json"))
)


def validator(name: str) -> Draft202012Validator:
    schema = REGISTRY.contents(f"{BASE}{name}.json")
    # Formats (uuid, uri, email, date-time) are asserted, not only annotated.
    return Draft202012Validator(schema, registry=REGISTRY, format_checker=FormatChecker())


def assert_valid(instance, name: str) -> None:
    """`instance` is a valid HSDS `name` (organization, service, page, root...); lists every error."""
    errors = [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator(name).iter_errors(instance)
    ]
    assert not errors, f"not a valid HSDS {name}:\n" + "\n".join(errors)


def assert_page(body: dict, item: str) -> None:
    """A valid HSDS page envelope whose every item is a valid `item`."""
    assert_valid(body, "page")
    for entry in body["contents"]:
        assert_valid(entry, item)
