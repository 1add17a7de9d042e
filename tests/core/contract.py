"""The OpenAPI contract as the code generates it, byte for byte what `manage.py spectacular` writes."""

from dataclasses import dataclass
from pathlib import Path

from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiYamlRenderer
from drf_spectacular.validation import validate_schema

COMMITTED = Path(__file__).resolve().parents[2] / "openapi" / "openapi.yaml"


@dataclass(frozen=True)
class Contract:
    text: str
    warnings: list[str]


def generate_contract() -> Contract:
    """Generate and validate the schema in-process; collect the generator's warnings and errors."""
    GENERATOR_STATS.reset()
    with GENERATOR_STATS.silence():
        schema = SchemaGenerator().get_schema(request=None, public=True)
    warnings = sorted({*GENERATOR_STATS._warn_cache, *GENERATOR_STATS._error_cache})
    GENERATOR_STATS.reset()
    validate_schema(schema)
    return Contract(OpenApiYamlRenderer().render(schema, renderer_context={}).decode(), warnings)


def anonymous_allowed(schema: dict, operation: dict) -> bool:
    """Whether the contract lets `operation` be called without a token (`{}` among its
    requirements, its own or, when it has none, the document's)."""
    security = operation.get("security", schema.get("security", []))
    return security == [] or {} in security
