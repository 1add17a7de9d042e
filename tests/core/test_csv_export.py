"""CSV export of lists: every visible row, streamed, with the list's filters, in the reader's language.

A is network-visible; its restricted and paused contacts are for A's people (anna, alice) and
olga only. bob (B), chris (C), oscar (no membership) and nobody must never find them in a file,
whatever format they ask for.
"""

import csv
import io

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext

from tests.factories import ContactPointFactory, OrganizationFactory, ResourceFactory

CONTACTS = "/api/v1/contact-points/"


def table(response) -> list[dict]:
    """The rows of a CSV answer, read as a spreadsheet would (the byte order mark dropped)."""
    assert response.status_code == 200, response.content
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(body[1:], newline="")))


@pytest.fixture
def contacts(org_a):
    """One contact of each kind A's people see and others do not, and a public one everyone sees."""
    public = OrganizationFactory(visibility="public")
    return {
        "public": ContactPointFactory(organization=public, value="open@example.org"),
        "network": ContactPointFactory(organization=org_a, visibility="network", value="net@example.org"),
        "restricted": ContactPointFactory(organization=org_a, visibility="restricted", value="own@ex.org"),
        "paused": ContactPointFactory(organization=org_a, value="p@ex.org", status="paused"),
    }


SEES = {
    "nobody": {"public"},
    "oscar": {"public"},
    "bob": {"public", "network"},
    "chris": {"public", "network"},
    "anna": {"public", "network", "restricted", "paused"},
    "alice": {"public", "network", "restricted", "paused"},
    "olga": {"public", "network", "restricted", "paused"},
}


@pytest.mark.parametrize("person", sorted(SEES))
@pytest.mark.parametrize("ask", ["accept", "format"])
def test_the_csv_holds_exactly_the_contacts_the_reader_may_see(client_of, contacts, bob, chris, person, ask):
    client = client_of(person)
    if ask == "accept":
        response = client.get(CONTACTS, HTTP_ACCEPT="text/csv")
    else:
        response = client.get(CONTACTS, {"format": "csv"})
    values = {row["value"] for row in table(response)}
    assert values == {contacts[kind].value for kind in SEES[person]}
    assert response["Content-Type"] == "text/csv; charset=utf-8"


def test_an_export_is_streamed_as_an_attachment(api, contacts):
    response = api.get(CONTACTS, HTTP_ACCEPT="text/csv")
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Disposition"].startswith('attachment; filename="contact-points-')
    assert response["Content-Disposition"].endswith('.csv"')


def test_the_export_holds_every_row_not_one_page(api, public_org_a):
    ContactPointFactory.create_batch(30, organization=public_org_a)
    assert len(table(api.get(CONTACTS, {"format": "csv", "page_size": 5}))) == 30


def test_json_clients_still_get_a_page(api, contacts):
    for accept in ("application/json", "*/*", "application/json, text/csv"):
        response = api.get(CONTACTS, HTTP_ACCEPT=accept)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        assert response.json()["count"] == 1


def test_the_lists_filters_and_order_apply(client_of, org_a, alice):
    ContactPointFactory(organization=org_a, channel="email", value="b@example.org", languages=["uk"])
    ContactPointFactory(organization=org_a, channel="email", value="a@example.org", languages=["ru"])
    ContactPointFactory(organization=org_a, channel="phone", value="+49301234567", languages=["ru"])
    asked = {"format": "csv", "language": "ru", "ordering": "-channel"}
    rows = table(client_of("alice").get(CONTACTS, asked))
    assert [row["channel"] for row in rows] == ["phone", "email"]
    assert rows[1]["value"] == "a@example.org"


def test_a_bad_filter_is_refused_as_problem_details(api, db):
    response = api.get(CONTACTS, {"format": "csv", "channel": "pigeon"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["attr"] == "channel"


def test_cells_a_spreadsheet_would_run_are_written_as_text(api, public_org_a):
    ContactPointFactory(
        organization=public_org_a,
        channel="phone",
        value="+49301234567",
        label='=HYPERLINK("http://evil.example","click")',
        hours="@SUM(A1)",
        security_advice="-2+3",
    )
    (row,) = table(api.get(CONTACTS, {"format": "csv"}))
    assert row["label"] == '\'=HYPERLINK("http://evil.example","click")'
    assert row["hours"] == "'@SUM(A1)"
    assert row["security_advice"] == "'-2+3"
    assert row["value"] == "'+49301234567"
    assert row["languages"] == "ru"


def test_texts_are_in_the_readers_language(api, public_org_a):
    contact = ContactPointFactory(organization=public_org_a, label="Hotline", source_language="en")
    contact.translations = {"uk": {"label": "Гаряча лінія"}}
    contact.save()
    (row,) = table(api.get(CONTACTS, {"format": "csv"}, HTTP_ACCEPT_LANGUAGE="uk"))
    assert (row["label"], row["localized_language"]) == ("Гаряча лінія", "uk")
    (row,) = table(api.get(CONTACTS, {"format": "csv"}, HTTP_ACCEPT_LANGUAGE="de"))
    assert (row["label"], row["localized_language"]) == ("Hotline", "en")


def csv_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"format": "csv"})
        table(response)
    return len(queries)


@pytest.mark.parametrize(
    ("url", "make"),
    [
        (CONTACTS, lambda org, n: ContactPointFactory.create_batch(n, organization=org)),
        ("/api/v1/organizations/", lambda org, n: OrganizationFactory.create_batch(n, visibility="network")),
        ("/api/v1/resources/", lambda org, n: ResourceFactory.create_batch(n, organization=org)),
    ],
)
def test_an_export_costs_the_same_queries_for_5_rows_as_for_50(client_of, org_a, alice, url, make):
    client = client_of("alice")
    make(org_a, 5)
    few = csv_queries(client, url)
    make(org_a, 45)
    assert csv_queries(client, url) == few


def test_organizations_and_resources_export_only_what_the_reader_sees(client_of, org_a, bob):
    hidden = OrganizationFactory(name="Hidden Haven", visibility="restricted")
    ResourceFactory(organization=org_a, title="Shared beds", visibility="network")
    ResourceFactory(organization=org_a, title="Our own beds", visibility="restricted")
    ResourceFactory(organization=hidden, title="Hidden fund", visibility="public")
    client = client_of("bob")
    organizations = {row["name"] for row in table(client.get("/api/v1/organizations/", {"format": "csv"}))}
    assert "Alpha Counseling" in organizations and hidden.name not in organizations
    resources = table(client.get("/api/v1/resources/", HTTP_ACCEPT="text/csv"))
    assert [row["title"] for row in resources] == ["Shared beds"]
    assert resources[0]["organization_name"] == "Alpha Counseling"


@pytest.mark.parametrize(
    "text",
    [
        " =1+1",
        '\u00a0=HYPERLINK("http://evil.example")',
        "\n=cmd|' /C calc'!A0",
        " \t@SUM(A1)",
        '=DDE("cmd";"/C calc";"A0")',
    ],
)
def test_a_formula_after_leading_whitespace_is_written_as_text_too(api, public_org_a, text):
    # Spreadsheets trim a cell's leading blanks before deciding it is a formula.
    ContactPointFactory(organization=public_org_a, label=text)
    (row,) = table(api.get(CONTACTS, {"format": "csv"}))
    assert row["label"] == "'" + text


def json_ids(client, params: dict) -> list[int]:
    """The ids of every page of the JSON list, in order."""
    ids, page = [], client.get(CONTACTS, {**params, "page_size": 100})
    while True:
        assert page.status_code == 200, page.content
        ids += [row["id"] for row in page.json()["results"]]
        if not page.json()["next"]:
            return ids
        page = client.get(page.json()["next"])


def cards(response) -> list[int]:
    assert response.status_code == 200, response.content
    body = b"".join(response.streaming_content).decode()
    return [int(line.rsplit("-", 1)[1]) for line in body.splitlines() if line.startswith("UID")]


@pytest.mark.parametrize("person", ["nobody", "oscar", "anna", "alice", "bob", "chris", "olga"])
def test_the_files_hold_exactly_what_the_json_list_shows_for_the_same_filters(
    client_of, org_a, org_b, bob, person
):
    # The law: a file is the list itself, every page of it, for every reader and filter.
    public = OrganizationFactory(visibility="public")
    restricted_org = OrganizationFactory(visibility="restricted")
    made = [
        ContactPointFactory(organization=public),
        ContactPointFactory(organization=public, visibility="restricted"),
        ContactPointFactory(organization=public, status="paused", status_reason="holiday"),
        ContactPointFactory(organization=org_a),
        ContactPointFactory(organization=org_a, visibility="restricted"),
        ContactPointFactory(organization=org_a, status="compromised", status_reason="seized"),
        ContactPointFactory(organization=org_a, status="paused", status_reason="holiday"),
        ContactPointFactory(organization=org_b, visibility="restricted"),
        ContactPointFactory(organization=restricted_org),
    ]
    client = client_of(person)
    everyone = ",".join(str(contact.pk) for contact in made)
    for params in (
        {},
        {"status": "compromised"},
        {"status": "paused"},
        {"visibility": "restricted"},
        {"organization": org_a.pk},
        {"organization": restricted_org.pk},
        {"ids": everyone},
        {"q": "example"},
        {"ordering": "-updated_at"},
    ):
        listed = json_ids(client, params)
        rows = table(client.get(CONTACTS, {**params, "format": "csv"}))
        assert [int(row["id"]) for row in rows] == listed, params
        # vCards: the active contacts of the same list (an address book never keeps a withdrawn one).
        active = (
            json_ids(client, {**params, "status": "active"})
            if params.get("status", "active") == "active"
            else []
        )
        assert cards(client.get(CONTACTS, {**params, "format": "vcf"})) == active, params


@pytest.mark.parametrize("url", [CONTACTS, "/api/v1/organizations/", "/api/v1/resources/"])
@pytest.mark.parametrize("accept", ["application/json", "text/csv"])
def test_a_list_that_answers_files_says_its_answer_varies_with_accept(api, db, url, accept):
    # A cache keyed on the address alone would hand the JSON page to a spreadsheet, or the reverse.
    response = api.get(url, HTTP_ACCEPT=accept)
    assert response.status_code == 200
    assert "Accept" in [name.strip() for name in response["Vary"].split(",")]


@pytest.mark.parametrize("params", [{"format": "csv"}, {"format": "vcf"}])
def test_a_signed_in_export_is_never_stored_by_a_cache(client_of, org_a, alice, params):
    ContactPointFactory(organization=org_a)
    response = client_of("alice").get(CONTACTS, params)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store, private"
    contact = ContactPointFactory(organization=org_a)
    assert client_of("alice").get(f"{CONTACTS}{contact.pk}/vcard/")["Cache-Control"] == "no-store, private"
