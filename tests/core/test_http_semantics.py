"""The API's HTTP semantics, as a third-party client relies on them.

Unknown addresses elsewhere keep Django's page and a missing slash still redirects
(problem details under `/api/`: tests/core/test_problem_details.py); `/api/v1/` is an index.
Conditional requests follow RFC 9110: `If-Match` compares strongly (a weak tag never
matches), `If-None-Match` on a detail read weakly (304). An update that changes nothing
keeps the version and records no change; a create answers `Location`.
"""

import pytest

from changes.models import Change
from organizations.models import ContactPoint
from tests.etags import version_in
from tests.factories import ContactPointFactory

CONTACTS = "/api/v1/contact-points/"


def test_an_unknown_address_elsewhere_keeps_the_html_404(api, db):
    response = api.get("/nope/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


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
