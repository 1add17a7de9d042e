"""The HSDS API answers valid HSDS 3.1 objects, mapped from the directory as docs/hsds.md says."""

import pytest

from tests.hsds.validation import assert_page, assert_valid

pytestmark = pytest.mark.django_db


def by_description(body: dict) -> dict:
    return {service["description"]: service for service in body["contents"]}


def test_the_root_names_the_hsds_version_and_a_contract_that_can_be_fetched(api):
    response = api.get("/api/hsds/")
    assert response.status_code == 200
    body = response.json()
    assert_valid(body, "root")
    assert body["version"] == "3.1"
    assert body["openapi_url"].startswith("http://testserver/api/schema/")
    assert api.get(body["openapi_url"]).status_code == 200


def test_every_list_and_detail_is_valid_hsds(client_of, directory, public_org):
    admin = client_of("olga")  # sees everything, paused and restricted contacts included
    organizations = admin.get("/api/hsds/organizations").json()
    assert_page(organizations, "organization")
    services = admin.get("/api/hsds/services").json()
    assert_page(services, "service")
    assert services["total_items"] == 7
    offices = admin.get("/api/hsds/service_at_locations").json()
    assert_page(offices, "service_at_location")
    assert offices["total_items"] == 1
    for organization in organizations["contents"]:
        assert_valid(admin.get(f"/api/hsds/organizations/{organization['id']}").json(), "organization")
    for service in services["contents"]:
        assert_valid(admin.get(f"/api/hsds/services/{service['id']}").json(), "service")
    for office in offices["contents"]:
        assert_valid(
            admin.get(f"/api/hsds/service_at_locations/{office['id']}").json(), "service_at_location"
        )


def test_a_phone_line_becomes_a_service_with_its_phone_languages_hours_and_countries(api, directory):
    services = by_description(api.get("/api/hsds/services").json())
    hotline = services["Phone: +4915782470251"]
    assert hotline["name"] == "Open Door Counseling (example data): Hotline (example data)"
    assert hotline["status"] == "active"
    assert hotline["application_process"] == "Write first; unknown numbers are not answered."
    assert [(phone["number"], phone["type"]) for phone in hotline["phones"]] == [("+4915782470251", "voice")]
    assert [(language["code"], language["name"]) for language in hotline["languages"]] == [
        ("ru", "Russian"),
        ("de", "German"),
    ]
    # It lists no country, so it serves its organization's.
    assert [(area["extent"], area["name"]) for area in hotline["service_areas"]] == [
        ("DE", "Germany"),
        ("GE", "Georgia"),
    ]
    schedules = {(s["byday"], s["opens_at"], s["closes_at"]): s for s in hotline["schedules"]}
    assert set(schedules) == {("MO,TU,WE,TH,FR", "10:00", "18:00"), ("SA", "22:00", "02:00")}
    night = schedules["SA", "22:00", "02:00"]
    assert night["freq"] == "WEEKLY"
    assert night["notes"] == "Times are wall-clock time in Europe/Berlin. It closes the next day."
    assert night["description"] == "Closed on public holidays."


def test_links_and_addresses_go_where_hsds_expects_them(client_of, directory):
    services = by_description(client_of("olga").get("/api/hsds/services").json())
    assert services["E-mail: help@open-door.example.org"]["email"] == "help@open-door.example.org"
    assert services["Telegram: @open_door_help"]["url"] == "https://t.me/open_door_help"
    assert services["Signal: +4915782470253"]["url"] == "https://signal.me/#p/+4915782470253"
    assert services["Website: https://alpha.example.org"]["url"] == "https://alpha.example.org"
    assert services["SMS: +4915782470252"]["phones"][0]["type"] == "text"


def test_a_service_names_its_organization_and_the_organization_lists_its_services(api, directory, public_org):
    hotline = by_description(api.get("/api/hsds/services").json())["Phone: +4915782470251"]
    organization = hotline["organization"]
    assert organization["id"] == hotline["organization_id"]
    assert organization["name"] == public_org.name
    assert organization["website"] == "https://open-door.example.org"
    detail = api.get(f"/api/hsds/organizations/{organization['id']}").json()
    assert [service["id"] for service in detail["services"]] == [
        service["id"]
        for service in api.get(f"/api/hsds/services?organization_id={organization['id']}").json()["contents"]
    ]
    assert hotline["id"] in {service["id"] for service in detail["services"]}
    assert all("organization" not in service for service in detail["services"])


def test_ids_are_uuids_that_stay_the_same(api, directory):
    first = api.get("/api/hsds/services").json()["contents"]
    second = api.get("/api/hsds/services").json()["contents"]
    assert [s["id"] for s in first] == [s["id"] for s in second]
    assert [s["languages"][0]["id"] for s in first] == [s["languages"][0]["id"] for s in second]
    assert len({s["id"] for s in first} | {s["organization_id"] for s in first}) == len(first) + 1


def test_an_unknown_hsds_address_is_a_problem_not_a_page(api):
    response = api.get("/api/hsds/taxonomies")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_an_office_is_a_service_at_a_physical_location(api, directory):
    office = by_description(api.get("/api/hsds/services").json())["Office: Beispielstr. 1, 10115 Berlin"]
    [at_location] = office["service_at_locations"]
    assert at_location["location"] == {
        "id": at_location["location_id"],
        "location_type": "physical",
        "organization_id": office["organization_id"],
        "name": "Open Door Counseling (example data): Office",
        "description": "Beispielstr. 1, 10115 Berlin",
    }
    listed = api.get("/api/hsds/service_at_locations").json()["contents"]
    assert [entry["id"] for entry in listed] == [at_location["id"]]
    detail = api.get(f"/api/hsds/service_at_locations/{at_location['id']}").json()
    assert detail["service"]["id"] == detail["service_id"] == office["id"]
    assert "service" not in detail["service"]["service_at_locations"][0]
    # An office's id names nothing at the services' address, and a service's nothing here.
    assert api.get(f"/api/hsds/services/{at_location['id']}").status_code == 404
    assert api.get(f"/api/hsds/service_at_locations/{office['id']}").status_code == 404
