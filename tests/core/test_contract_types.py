"""The contract's types as a generated client reads them: one schema per synced type behind a
discriminator, nullables that OAS 3.0 tools accept, enums named once and shared by filters and
bodies, and embedded objects typed as their own lists type them."""

import pytest
import yaml

from tests.core.contract import COMMITTED

REF = "#/components/schemas/"


@pytest.fixture(scope="module")
def contract():
    return yaml.safe_load(COMMITTED.read_text())


def nodes(node, path="$"):
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from nodes(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from nodes(value, f"{path}[{index}]")


def test_sync_blocks_are_one_schema_per_type_chosen_by_type(contract):
    schemas = contract["components"]["schemas"]
    block = schemas["SyncBlock"]
    mapping = block["discriminator"]["mapping"]
    assert block["discriminator"]["propertyName"] == "type"
    assert sorted(mapping.values()) == sorted(branch["$ref"] for branch in block["oneOf"])
    for type_name, ref in mapping.items():
        branch = schemas[ref.removeprefix(REF)]
        type_enum = schemas[branch["properties"]["type"]["allOf"][0]["$ref"].removeprefix(REF)]["enum"]
        assert type_enum == [type_name]  # no two branches accept the same block
    assert "contact_point" in mapping and "country" in mapping


def test_every_nullable_has_a_type_beside_it(contract):
    untyped = [
        path
        for path, node in nodes(contract)
        if isinstance(node, dict) and node.get("nullable") and "type" not in node
    ]
    assert untyped == []


def test_filters_and_bodies_share_named_enums(contract):
    documents = contract["paths"]["/api/v1/documents/"]["get"]["parameters"]
    (language,) = [p for p in documents if p["name"] == "language"]
    assert language["schema"] == {"$ref": REF + "LanguageCode"}
    body = contract["components"]["schemas"]["DocumentDetailRequest"]["properties"]["language"]
    assert REF + "LanguageCode" in str(body)
    inline = [
        (path, parameter["name"])
        for path, item in contract["paths"].items()
        for operation in item.values()
        for parameter in operation.get("parameters", [])
        if "enum" in parameter.get("schema", {}).get("items", parameter.get("schema", {}))
        and parameter["name"]
        in {"language", "country", "topic", "visibility", "channel", "kind", "status", "role"}
    ]
    assert inline == []


def test_a_country_profile_embeds_organizations_as_the_organization_list_types_them(
    contract, api, public_org_a
):
    from tests.factories import CountryFactory

    public_org_a.countries = ["GE"]
    public_org_a.kinds = ["counseling", "shelter"]
    public_org_a.languages = ["ru", "ka"]
    public_org_a.save()
    organizations = contract["components"]["schemas"]["CountryDetail"]["properties"]["organizations"]
    assert organizations["items"] == {"$ref": REF + "Organization"}
    (embedded,) = api.get(f"/api/v1/countries/{CountryFactory(code='GE').code}/").json()["organizations"]
    assert embedded["kinds"] == ["counseling", "shelter"]
    assert embedded["languages"] == ["ru", "ka"]
    assert embedded == api.get(f"/api/v1/organizations/{public_org_a.pk}/").json()
