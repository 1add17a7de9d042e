"""The committed contract as third-party tools read it.

It loads alike with a YAML 1.1 parser (PyYAML) and a YAML 1.2 parser (ruamel.yaml), with
only string keys (a `null:` or `yes:` key reads differently per YAML version, or not at
all); `openapi-spec-validator` accepts it; Redocly CLI and Spectral lint it clean (the
rules their configs leave out are listed there with reasons).
"""

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from openapi_spec_validator import validate
from ruamel.yaml import YAML

from tests.core.contract import COMMITTED

PWA = Path(__file__).resolve().parents[2] / "pwa"


def yaml_1_1(text: str):
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def yaml_1_2(text: str):
    return YAML(typ="safe", pure=True).load(text)


def non_string_keys(node, path="$"):
    """Every mapping key in `node` that the parser read as something other than a string."""
    if isinstance(node, dict):
        for key, value in node.items():
            if not isinstance(key, str):
                yield f"{path}.{key!r}"
            yield from non_string_keys(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from non_string_keys(item, f"{path}[{index}]")


@pytest.fixture(scope="module")
def parsed():
    text = COMMITTED.read_text()
    return {"YAML 1.1": yaml_1_1(text), "YAML 1.2": yaml_1_2(text)}


@pytest.mark.parametrize("parser", ["YAML 1.1", "YAML 1.2"])
def test_the_committed_contract_has_only_string_keys(parsed, parser):
    assert list(non_string_keys(parsed[parser])) == []


def test_both_yaml_versions_read_the_same_contract(parsed):
    assert parsed["YAML 1.1"] == parsed["YAML 1.2"]


def test_the_committed_contract_is_valid_openapi(parsed):
    validate(parsed["YAML 1.1"])


@pytest.mark.skipif(
    not (PWA / "node_modules" / ".bin" / "redocly").exists(),
    reason="the app's npm packages are not installed",
)
def test_redocly_and_spectral_lint_the_contract_clean():
    result = subprocess.run(
        [shutil.which("npm") or "npm", "run", "--silent", "lint:openapi"],
        cwd=PWA,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
