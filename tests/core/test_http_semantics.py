"""The API's HTTP semantics, as a third-party client relies on them.

The committed contract loads with any YAML parser and validates as OpenAPI. Every address
under `/api/` answers JSON (problem details for 404 and 405); `/api/v1/` is an index.
Conditional requests follow RFC 9110: `If-Match` compares strongly (a weak tag never
matches), `If-None-Match` on a detail read weakly (304). An update that changes nothing
keeps the version and records no change; a create answers `Location`.
"""

import pytest
import yaml
from openapi_spec_validator import validate

from changes.models import Change
from organizations.models import ContactPoint
from tests.core.contract import COMMITTED
from tests.etags import version_in
from tests.factories import ContactPointFactory

CONTACTS = "/api/v1/contact-points/"
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@pytest.fixture(scope="module")
def committed_contract():
    return yaml.load(COMMITTED.read_text(), Loader=Loader)


def non_string_keys(node, path="$"):
    """Every mapping key in `node` that a YAML parser reads as something other than a string."""
    if isinstance(node, dict):
        for key, value in node.items():
            if not isinstance(key, str):
                yield f"{path}.{key!r}"
            yield from non_string_keys(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from non_string_keys(item, f"{path}[{index}]")


def test_the_committed_contract_has_only_string_keys(committed_contract):
    assert list(non_string_keys(committed_contract)) == []


def test_the_committed_contract_is_valid_openapi(committed_contract):
    validate(committed_contract)


@pytest.mark.parametrize("path", ["/api/v1/nope/", "/api/v1/campaigns/0.5/", "/api/nope", "/api/v2/"])
def test_an_unknown_api_address_is_a_json_404(api, db, path):
    response = api.get(path, HTTP_ACCEPT="text/html")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["status"] == 404
    assert body["errors"][0]["code"] == "not_found"


def test_an_unknown_address_elsewhere_keeps_the_html_404(api, db):
    response = api.get("/nope/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_a_method_an_api_address_does_not_take_is_a_json_405(client_of, alice):
    response = client_of("alice").delete("/api/v1/organizations/")
    assert response.status_code == 405
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["errors"][0]["code"] == "method_not_allowed"


def test_a_missing_slash_still_redirects_to_the_address(api, db):
    response = api.get("/api/v1/organizations")
    assert response.status_code == 301
    assert response["Location"].endswith("/api/v1/organizations/")


def test_the_api_root_is_an_index_of_entry_points_schema_and_docs(api, db):
    response = api.get("/api/v1/")
    assert response.status_code == 200
    body = response.json()
    assert body["schema"] == "http://testserver/api/schema/"
    assert body["docs"] == "http://testserver/api/docs/"
    resources = body["resources"]
    assert resources["organization-list"] == "http://testserver/api/v1/organizations/"
    assert resources["sync"] == "http://testserver/api/v1/sync/"
    assert all("{" not in url and "(" not in url for url in resources.values())
    for url in (body["schema"], body["docs"], resources["organization-list"]):
        assert api.get(url).status_code == 200


def changes_of(contact) -> int:
    return Change.objects.filter(object_id=str(contact.pk)).count()


@pytest.fixture
def contact(org_a):
    return ContactPointFactory(organization=org_a, hours="Mon-Fri 10-18")


@pytest.mark.parametrize("tag", ["version", "representation"])
def test_if_match_compares_strongly(client_of, alice, contact, tag):
    alice_client, url = client_of("alice"), f"{CONTACTS}{contact.pk}/"
    read = alice_client.get(url)["ETag"]
    current = '"1"' if tag == "version" else read
    weak = alice_client.patch(url, {"hours": "Sat"}, format="json", HTTP_IF_MATCH=f"W/{current}")
    assert weak.status_code == 412
    assert weak["ETag"] == read
    strong = alice_client.patch(url, {"hours": "Sat"}, format="json", HTTP_IF_MATCH=f'"0", {current}')
    assert strong.status_code == 200
    assert version_in(strong["ETag"]) == 2


@pytest.mark.parametrize(
    "change", [{}, {"hours": "Mon-Fri 10-18"}, {"languages": ["ru"], "countries": ["DE"]}]
)
def test_an_update_that_changes_nothing_keeps_the_version(client_of, alice, contact, change):
    alice_client, url = client_of("alice"), f"{CONTACTS}{contact.pk}/"
    recorded = changes_of(contact)
    read = alice_client.get(url)["ETag"]
    response = alice_client.patch(url, change, format="json", HTTP_IF_MATCH=read)
    assert response.status_code == 200
    assert response["ETag"] == read
    assert response.json()["version"] == 1
    contact.refresh_from_db()
    assert contact.version == 1
    assert changes_of(contact) == recorded


def test_an_update_that_changes_something_still_moves_the_version(client_of, alice, contact):
    alice_client, url = client_of("alice"), f"{CONTACTS}{contact.pk}/"
    recorded = changes_of(contact)
    response = alice_client.patch(url, {"hours": "Mon-Fri 10-18", "languages": ["ru", "uk"]}, format="json")
    assert response.status_code == 200
    assert version_in(response["ETag"]) == 2
    assert changes_of(contact) == recorded + 1


def test_a_create_answers_the_new_objects_address(client_of, alice, org_a):
    body = {"organization": org_a.pk, "channel": "phone", "value": "+49 30 1234567", "languages": ["ru"]}
    response = client_of("alice").post(CONTACTS, body, format="json", HTTP_IDEMPOTENCY_KEY="create-once")
    assert response.status_code == 201
    created = ContactPoint.objects.get(organization=org_a)
    assert response["Location"] == f"http://testserver{CONTACTS}{created.pk}/"
    assert client_of("alice").get(response["Location"]).json()["id"] == created.pk
    replayed = client_of("alice").post(CONTACTS, body, format="json", HTTP_IDEMPOTENCY_KEY="create-once")
    assert replayed["Idempotent-Replayed"] == "true"
    assert replayed["Location"] == response["Location"]


@pytest.mark.parametrize("header", ["{tag}", "W/{tag}", '"7-0", {tag}', "*"])
def test_a_detail_read_answers_304_to_the_tag_the_client_holds(client_of, anna, contact, header):
    url = f"{CONTACTS}{contact.pk}/"
    tag = client_of("anna").get(url)["ETag"]
    response = client_of("anna").get(url, HTTP_IF_NONE_MATCH=header.format(tag=tag))
    assert response.status_code == 304
    assert response["ETag"] == tag
    assert response.content == b""


def test_a_detail_read_answers_in_full_once_the_object_changed(client_of, anna, contact):
    url = f"{CONTACTS}{contact.pk}/"
    tag = client_of("anna").get(url)["ETag"]
    contact.hours = "Sat"
    contact.save()
    response = client_of("anna").get(url, HTTP_IF_NONE_MATCH=tag)
    assert response.status_code == 200
    assert version_in(response["ETag"]) == 2
    assert response.json()["hours"] == "Sat"


def test_a_detail_read_answers_404_not_304_for_what_the_caller_may_not_see(api, contact):
    # A partner's contact point is for the network's members, not for anonymous callers.
    assert api.get(f"{CONTACTS}{contact.pk}/", HTTP_IF_NONE_MATCH="*").status_code == 404
