"""The limits the API enforces are declared in the contract, so a client can check input before sending it."""

import pytest
import yaml
from django.conf import settings

from tests.core.contract import COMMITTED

# Secrets a client passes on as it got them: their length is the issuer's business, not the form's.
OPAQUE = {"password", "refresh", "token", "username"}


@pytest.fixture(scope="module")
def contract():
    return yaml.safe_load(COMMITTED.read_text())


def operations(contract):
    for path, item in contract["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def test_every_page_size_declares_its_range(contract):
    sizes = [
        (path, parameter["schema"])
        for path, method, operation in operations(contract)
        for parameter in operation.get("parameters", [])
        if parameter["name"] == "page_size"
    ]
    assert len(sizes) > 10
    for path, schema in sizes:
        assert (schema.get("minimum"), schema.get("maximum")) == (1, settings.API_MAX_PAGE_SIZE), path


def test_the_currency_filter_declares_its_length(contract):
    (currency,) = [
        p
        for p in contract["paths"]["/api/v1/funding/entries/"]["get"]["parameters"]
        if p["name"] == "currency"
    ]
    assert (currency["schema"]["minLength"], currency["schema"]["maxLength"]) == (3, 3)


def test_every_text_a_client_writes_declares_its_length(contract):
    unbounded = [
        f"{name}.{field}"
        for name, schema in contract["components"]["schemas"].items()
        if name.endswith("Request")
        for field, spec in schema.get("properties", {}).items()
        if spec.get("type") == "string"
        and not {"maxLength", "enum", "format"} & set(spec)
        and field not in OPAQUE
    ]
    assert unbounded == []


def test_a_page_size_beyond_the_cap_is_refused_not_cut(api, db):
    response = api.get("/api/v1/organizations/", {"page_size": settings.API_MAX_PAGE_SIZE + 1})
    assert response.status_code == 400
