"""Postprocessing hooks that make the generated contract say each thing one way, in OAS 3.0 terms.

drf-spectacular names the enums of bodies (`ENUM_NAME_OVERRIDES`) but writes the enums of
query parameters inline, so a generated client has a `LanguageCode` for a document's
`language` and an anonymous string union for the `language` filter. And it writes a nullable
enum as `nullable` beside a `oneOf` of the enum and a `NullEnum`: without a `type` beside it,
`nullable` means nothing in OAS 3.0, and linters refuse it.
"""

from collections.abc import Callable
from typing import Any

REF = "#/components/schemas/"


def reference_named_enums(result, generator, request, public):
    """A parameter whose values are exactly those of a named enum refers to that enum."""
    schemas = result.get("components", {}).get("schemas", {})
    named = {
        frozenset(schema["enum"]): name
        for name, schema in schemas.items()
        if "enum" in schema and None not in schema["enum"] and name not in ("BlankEnum", "NullEnum")
    }
    for item in result.get("paths", {}).values():
        for operation in item.values():
            for parameter in operation.get("parameters", []) if isinstance(operation, dict) else ():
                schema = parameter.get("schema", {})
                target = schema["items"] if schema.get("type") == "array" else schema
                name = named.get(frozenset(target.get("enum", ())))
                if name is not None:
                    rest = {k: v for k, v in target.items() if k not in ("enum", "type")}
                    target.clear()
                    target.update({"allOf": [{"$ref": REF + name}], **rest} if rest else {"$ref": REF + name})
    return result


def type_nullable_enums(result, generator, request, public):
    """`nullable` + `oneOf: [Enum, NullEnum]` becomes a typed enum that lists null (OAS 3.0).

    An enum component left unreferenced by that is dropped: linters refuse unused components.
    """
    schemas = result.get("components", {}).get("schemas", {})
    inlined = {"NullEnum"}

    def fix(node: dict) -> None:
        refs = [branch.get("$ref", "") for branch in node.get("oneOf", ())]
        if node.get("nullable") and "type" not in node and REF + "NullEnum" in refs:
            values = [
                v for ref in refs if ref != REF + "NullEnum" for v in schemas[ref.removeprefix(REF)]["enum"]
            ]
            del node["oneOf"]
            node.update({"type": "string", "enum": [*values, None]})
            inlined.update(ref.removeprefix(REF) for ref in refs)

    _visit_objects(result, fix)
    for name in inlined:
        if not _refers_to(result, REF + name):
            schemas.pop(name, None)
    return result


def type_nullable_objects(result, generator, request, public):
    """`nullable` beside an `allOf` of one object component gets `type: object` beside it (OAS 3.0)."""

    def fix(node: dict) -> None:
        if node.get("nullable") and "type" not in node and "allOf" in node and "enum" not in node:
            node["type"] = "object"

    _visit_objects(result, fix)
    return result


def _visit_objects(node: Any, visit: Callable[[dict], None]) -> None:
    """Calls `visit` on every object of the document, each before what it contains."""
    if isinstance(node, dict):
        visit(node)
        for value in node.values():
            _visit_objects(value, visit)
    elif isinstance(node, list):
        for value in node:
            _visit_objects(value, visit)


def _refers_to(node: Any, ref: str) -> bool:
    if isinstance(node, dict):
        return node.get("$ref") == ref or any(_refers_to(value, ref) for value in node.values())
    if isinstance(node, list):
        return any(_refers_to(value, ref) for value in node)
    return False
