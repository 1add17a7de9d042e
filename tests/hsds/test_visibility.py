"""The HSDS API shows each caller what the rest of the API shows them, and nothing more.

Anonymous callers and oscar (signed in, in no organization) see public data only; members of
any organization see network data; restricted and paused contacts reach only their own
organization's members (paula) and admins (olga). What one may not see is absent from lists
and counts, and its address is a 404 like an id that names nothing.
"""

import pytest

from hsds.ids import Kind, object_id
from tests.factories import ContactPointFactory
from tests.hsds.validation import assert_page, assert_valid

pytestmark = pytest.mark.django_db


@pytest.fixture
def ids(client_of, directory) -> dict[str, str]:
    """The HSDS id of each contact point of the directory, as an admin reads them."""
    services = client_of("olga").get("/api/hsds/services").json()["contents"]
    by_value = {service["description"].split(": ", 1)[1]: service["id"] for service in services}
    return {name: by_value[contact.value] for name, contact in vars(directory).items()}


@pytest.fixture
def alpha_id(client_of, ids) -> str:
    return client_of("olga").get(f"/api/hsds/services/{ids['alpha_line']}").json()["organization_id"]


SEES = {
    "nobody": {"hotline", "mailbox", "office"},
    "oscar": {"hotline", "mailbox", "office"},
    "anna": {"hotline", "mailbox", "office", "channel", "alpha_line"},
    "paula": {"hotline", "mailbox", "office", "channel", "paused", "secret", "alpha_line"},
    "olga": {"hotline", "mailbox", "office", "channel", "paused", "secret", "alpha_line"},
}


@pytest.mark.parametrize("viewer", SEES)
def test_each_caller_gets_the_services_they_may_see_and_404_for_the_others(viewer, client_of, ids):
    client = client_of(viewer)
    body = client.get("/api/hsds/services").json()
    assert_page(body, "service")
    assert {service["id"] for service in body["contents"]} == {ids[name] for name in SEES[viewer]}
    assert body["total_items"] == len(SEES[viewer])
    for name, service_id in ids.items():
        response = client.get(f"/api/hsds/services/{service_id}")
        assert response.status_code == (200 if name in SEES[viewer] else 404), name
        if name not in SEES[viewer]:
            assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("viewer", SEES)
def test_an_organization_lists_only_the_services_the_caller_may_see(viewer, client_of, ids):
    client = client_of(viewer)
    organization_id = client.get(f"/api/hsds/services/{ids['hotline']}").json()["organization_id"]
    detail = client.get(f"/api/hsds/organizations/{organization_id}").json()
    assert_valid(detail, "organization")
    expected = {ids[name] for name in SEES[viewer] if name != "alpha_line"}
    assert {service["id"] for service in detail["services"]} == expected


@pytest.mark.parametrize(("viewer", "sees_alpha"), [("nobody", False), ("oscar", False), ("bob", True)])
def test_a_network_organization_is_hidden_from_those_outside_the_network(
    viewer, sees_alpha, client_of, alpha_id
):
    client = client_of(viewer)
    body = client.get("/api/hsds/organizations").json()
    assert_page(body, "organization")
    names = {organization["name"] for organization in body["contents"]}
    assert ("Alpha Counseling" in names) is sees_alpha
    assert client.get(f"/api/hsds/organizations/{alpha_id}").status_code == (200 if sees_alpha else 404)


def test_a_paused_contact_is_temporarily_closed_for_its_own_organization(client_of, ids):
    service = client_of("paula").get(f"/api/hsds/services/{ids['paused']}").json()
    assert service["status"] == "temporarily closed"


def test_an_organization_filter_naming_a_hidden_organization_finds_nothing(api, alpha_id):
    body = api.get(f"/api/hsds/services?organization_id={alpha_id}").json()
    assert (body["total_items"], body["contents"], body["empty"]) == (0, [], True)


@pytest.mark.parametrize(
    "address",
    [
        "/api/hsds/services/6f1c1d52-9f7a-4f0e-9a37-1b8f3a0c0d11",  # a UUID that is not one of ours
        "/api/hsds/organizations/{hotline}",  # a service's id at an organization's address
        "/api/hsds/services/{deleted}",  # the id of a service deleted since
        "/api/hsds/services/not-a-uuid",
    ],
)
def test_an_id_that_names_nothing_is_a_404_problem(api, ids, directory, address):
    deleted = ids["mailbox"]
    directory.mailbox.delete()
    response = api.get(address.format(hotline=ids["hotline"], deleted=deleted))
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_a_detail_read_answers_304_to_its_own_tag_and_tags_differ_per_audience(api, client_of, ids):
    organization_id = api.get(f"/api/hsds/services/{ids['hotline']}").json()["organization_id"]
    address = f"/api/hsds/organizations/{organization_id}"
    tag = api.get(address)["ETag"]
    again = api.get(address, HTTP_IF_NONE_MATCH=tag)
    assert (again.status_code, again["ETag"], again.content) == (304, tag, b"")
    # paula sees the organization's restricted and paused contacts: another body, another tag.
    member = client_of("paula").get(address, HTTP_IF_NONE_MATCH=tag)
    assert member.status_code == 200
    assert member["ETag"] != tag


@pytest.mark.parametrize(
    ("viewer", "sees"), [("nobody", False), ("oscar", False), ("anna", False), ("paula", True)]
)
def test_a_restricted_office_is_seen_only_by_its_organization(viewer, sees, client_of, public_org, directory):
    hidden = ContactPointFactory(
        organization=public_org, channel="office", value="Hinterhof 2, 10115 Berlin", visibility="restricted"
    )
    offices = client_of("olga").get("/api/hsds/service_at_locations").json()["contents"]
    [hidden_id] = [o["id"] for o in offices if o["location"]["description"] == hidden.value]
    client = client_of(viewer)
    body = client.get("/api/hsds/service_at_locations").json()
    assert_page(body, "service_at_location")
    assert (hidden_id in {office["id"] for office in body["contents"]}) is sees
    assert body["total_items"] == (2 if sees else 1)
    assert client.get(f"/api/hsds/service_at_locations/{hidden_id}").status_code == (200 if sees else 404)


@pytest.mark.parametrize("viewer", SEES)
def test_a_withdrawn_contact_leaves_every_answer_but_its_own_organizations(
    viewer, client_of, public_org, directory
):
    """A compromised contact (docs/design.md, rule 2) is served only to its organization and the
    network office, as `defunct`, so they see why it left; everyone else finds no trace of it."""
    withdrawn = ContactPointFactory(
        organization=public_org,
        channel="telegram",
        value="@seized_account",
        status="compromised",
        status_reason="The phone was seized at the border.",
    )
    owners = viewer in ("paula", "olga")
    client = client_of(viewer)
    services = client.get("/api/hsds/services?per_page=100")
    organization = client.get(f"/api/hsds/organizations/{object_id(Kind.ORGANIZATION, public_org.pk)}")
    for response in (services, organization):
        assert (withdrawn.value in response.content.decode()) is owners
        assert withdrawn.status_reason not in response.content.decode()
    assert services.json()["total_items"] == len(SEES[viewer]) + owners
    statuses = {s["description"]: s["status"] for s in services.json()["contents"]}
    if owners:
        assert statuses[f"Telegram: {withdrawn.value}"] == "defunct"
