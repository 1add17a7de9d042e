"""CSV import of contact points: all or nothing, idempotent on `external_id`, as the API writes.

alice coordinates A and imports A's contacts; olga (the network office) may import into any
organization. anna is only a member of A, bob coordinates B, and nobody is signed in: none of
them may import into A. A restricted organization is invisible to bob, so he gets 404 there.
"""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from changes.models import Change
from organizations.models import ContactPoint
from tests.factories import ContactPointFactory, OrganizationFactory

HEADER = "external_id,channel,value,label,languages,countries,status\r\n"
GOOD = (
    HEADER
    + 'hotline,phone,+49 30 1234567,Hotline,"ru, en",DE,\r\n'
    + "mail,email,Help@Example.org,E-mail,uk,,\r\n"
    + 'tg,telegram,@alpha_help,\'=Telegram,ru,"DE, LT",\r\n'
)


def import_url(organization, dry_run: bool = False) -> str:
    return f"/api/v1/organizations/{organization.pk}/contact-points/import/" + (
        "?dry_run=true" if dry_run else ""
    )


def upload(client, organization, text: str, dry_run: bool = False):
    """Send the file as a browser form does."""
    file = SimpleUploadedFile("contacts.csv", ("\ufeff" + text).encode(), content_type="text/csv")
    return client.post(import_url(organization, dry_run), {"file": file}, format="multipart")


def state(organization) -> dict:
    """Every contact of the organization with its version, and the length of the change feed."""
    contacts = ContactPoint.objects.filter(organization=organization).values_list(
        "external_id", "value", "version"
    )
    return {"contacts": sorted(contacts), "changes": Change.objects.count()}


def test_a_good_file_creates_the_contacts_through_the_api_rules(client_of, org_a, alice):
    response = upload(client_of("alice"), org_a, GOOD)
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["created"], body["updated"], body["unchanged"], body["dry_run"]) == (3, 0, 0, False)
    assert [row["row"] for row in body["rows"]] == [2, 3, 4]
    hotline = ContactPoint.objects.get(organization=org_a, external_id="hotline")
    assert hotline.value == "+49301234567"  # normalized as the API normalizes it
    assert hotline.languages == ["ru", "en"]
    assert ContactPoint.objects.get(external_id="mail").value == "help@example.org"
    assert ContactPoint.objects.get(external_id="tg").label == "=Telegram"  # the apostrophe was the export's
    assert Change.objects.filter(object_type="contact_point", action="create").count() == 3


def test_importing_the_same_file_again_changes_nothing(client_of, org_a, alice):
    client = client_of("alice")
    upload(client, org_a, GOOD)
    before = state(org_a)
    response = upload(client, org_a, GOOD)
    assert response.status_code == 200, response.json()
    assert response.json()["unchanged"] == 3
    assert state(org_a) == before


def test_a_changed_row_updates_its_contact_and_only_it(client_of, org_a, alice):
    client = client_of("alice")
    upload(client, org_a, GOOD)
    before = {cp.external_id: cp.version for cp in ContactPoint.objects.filter(organization=org_a)}
    response = upload(client, org_a, GOOD.replace("E-mail,uk", "Write to us,uk"))
    assert response.status_code == 200, response.json()
    assert (response.json()["created"], response.json()["updated"], response.json()["unchanged"]) == (0, 1, 2)
    after = {cp.external_id: cp.version for cp in ContactPoint.objects.filter(organization=org_a)}
    assert after == {**before, "mail": before["mail"] + 1}
    assert ContactPoint.objects.get(external_id="mail").label == "Write to us"
    assert ContactPoint.objects.filter(organization=org_a).count() == 3


def test_a_dry_run_reports_and_saves_nothing(client_of, org_a, alice):
    before = state(org_a)
    response = upload(client_of("alice"), org_a, GOOD, dry_run=True)
    assert response.status_code == 200, response.json()
    assert response.json()["dry_run"] is True
    assert response.json()["created"] == 3
    assert all(row["id"] is None for row in response.json()["rows"])
    assert state(org_a) == before


BAD = GOOD.replace("mail,email,Help@Example.org", "mail,email,not-an-address") + "fax,pigeon,coo,,xx,,\r\n"


@pytest.mark.parametrize("dry_run", [True, False])
def test_one_bad_row_changes_nothing_and_every_error_is_reported(client_of, org_a, alice, dry_run):
    client = client_of("alice")
    upload(client, org_a, GOOD.replace("Hotline", "Old hotline"))
    before = state(org_a)
    response = upload(client, org_a, BAD, dry_run=dry_run)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["type"] == "/api/problems/validation-error"
    refused = {(error["row"], error["attr"]) for error in body["errors"]}
    assert refused == {(3, "value"), (5, "channel"), (5, "languages.0")}
    assert all(error["code"] and error["detail"] for error in body["errors"])
    assert state(org_a) == before


def test_a_duplicate_external_id_in_the_file_is_refused(client_of, org_a, alice):
    response = upload(client_of("alice"), org_a, GOOD + "mail,email,other@example.org,,ru,,\r\n")
    assert response.status_code == 400
    assert [(e["row"], e["attr"], e["code"]) for e in response.json()["errors"]] == [
        (5, "external_id", "unique")
    ]
    assert not ContactPoint.objects.filter(organization=org_a).exists()


def test_a_compromised_value_is_refused_as_in_the_api(client_of, org_a, org_b, alice):
    ContactPointFactory(organization=org_b, channel="email", value="burnt@example.org", status="compromised")
    response = upload(client_of("alice"), org_a, HEADER + "x,email,burnt@example.org,,ru,,\r\n")
    assert response.status_code == 400
    assert [(e["row"], e["attr"]) for e in response.json()["errors"]] == [(2, "value")]


def test_unknown_columns_are_refused_naming_them(client_of, org_a, alice):
    response = upload(client_of("alice"), org_a, "external_id,channel,value,languages,colour\r\n")
    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert error["attr"] == "file" and "colour" in error["detail"]


def test_a_file_that_is_not_utf8_is_refused(client_of, org_a, alice):
    file = SimpleUploadedFile(
        "contacts.csv", HEADER.encode() + "x,email,a@b.org,Горячая,ru,,\r\n".encode("cp1251")
    )
    response = client_of("alice").post(import_url(org_a), {"file": file}, format="multipart")
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "file"


@pytest.mark.parametrize(
    "row", ["x\x00y,email,a@b.org,Hotline,ru,,\r\n", "x,email,a@b.org,Hot\x00line,ru,,\r\n"]
)
def test_a_file_holding_a_nul_character_is_refused_as_a_whole(client_of, org_a, alice, row):
    # No text file holds one, and PostgreSQL cannot even look such an external id up.
    response = upload(client_of("alice"), org_a, HEADER + row)
    assert response.status_code == 400
    assert [error["attr"] for error in response.json()["errors"]] == ["file"]


def test_a_cell_too_long_to_read_is_refused_naming_its_row(client_of, org_a, alice):
    long_row = "far,email,far@example.org," + "x" * 200_000 + ",ru,,\r\n"
    response = upload(client_of("alice"), org_a, GOOD + long_row)
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["attr"] == "file"
    assert error["detail"].startswith("Row 5 cannot be read: a cell is longer than")


def test_too_large_a_file_is_413_and_too_many_rows_400(client_of, org_a, alice, settings):
    settings.CSV_IMPORT_MAX_BYTES = 200
    response = upload(client_of("alice"), org_a, GOOD * 3)
    assert response.status_code == 413
    settings.CSV_IMPORT_MAX_BYTES = 10_000
    settings.CSV_IMPORT_MAX_ROWS = 2
    response = upload(client_of("alice"), org_a, GOOD)
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "file"
    assert not ContactPoint.objects.filter(organization=org_a).exists()


# anna and bob see A but may not write it; oscar, in no organization, does not even see A.
@pytest.mark.parametrize(("person", "status"), [("nobody", 401), ("anna", 403), ("bob", 403), ("oscar", 404)])
def test_only_coordinators_of_the_organization_and_admins_import(client_of, org_a, bob, anna, person, status):
    response = upload(client_of(person), org_a, GOOD)
    assert response.status_code == status
    assert not ContactPoint.objects.filter(organization=org_a).exists()


def test_an_organization_one_may_not_see_is_not_found(client_of, bob):
    hidden = OrganizationFactory(visibility="restricted")
    assert upload(client_of("bob"), hidden, GOOD).status_code == 404


def test_the_network_office_imports_into_any_organization(client_of, org_b, olga):
    response = upload(client_of("olga"), org_b, GOOD)
    assert response.status_code == 200, response.json()
    assert ContactPoint.objects.filter(organization=org_b).count() == 3


def reimport(client, organization, columns: list[str]):
    """Export the contact points as CSV and import these columns of it back."""
    exported = b"".join(client.get("/api/v1/contact-points/", {"format": "csv"}).streaming_content)
    rows = list(csv.DictReader(io.StringIO(exported.decode("utf-8-sig"), newline="")))
    text = io.StringIO()
    writer = csv.DictWriter(text, columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return upload(client, organization, text.getvalue())


def test_the_import_columns_of_an_export_import_back_unchanged(client_of, org_a, alice):
    client = client_of("alice")
    upload(client, org_a, GOOD)
    before = state(org_a)
    response = reimport(
        client, org_a, ["external_id", "channel", "value", "label", "languages", "countries", "status"]
    )
    assert response.status_code == 200, response.json()
    assert response.json()["unchanged"] == 3
    assert state(org_a) == before


def admin_import(admin_client, organization, text: str, dry_run: bool):
    file = SimpleUploadedFile("contacts.csv", text.encode(), content_type="text/csv")
    url = f"/admin/organizations/organization/{organization.pk}/import-contacts/"
    return admin_client.post(url, {"file": file, **({"dry_run": "on"} if dry_run else {})})


def test_the_network_office_imports_in_the_admin_through_the_same_rules(admin_client, org_b):
    response = admin_import(admin_client, org_b, BAD, dry_run=False)
    assert response.status_code == 200
    assert "Nothing was imported: 3 error(s)" in response.content.decode()
    assert not ContactPoint.objects.filter(organization=org_b).exists()
    response = admin_import(admin_client, org_b, GOOD, dry_run=True)
    assert "3 new, 0 updated, 0 unchanged" in response.content.decode()
    assert not ContactPoint.objects.filter(organization=org_b).exists()
    response = admin_import(admin_client, org_b, GOOD, dry_run=False)
    assert "3 new, 0 updated, 0 unchanged" in response.content.decode()
    assert ContactPoint.objects.filter(organization=org_b).count() == 3
    changes = Change.objects.filter(object_type="contact_point", action="create")
    assert {change.actor.username for change in changes} == {"olga"}


def test_the_admin_import_is_for_the_admin_only(org_a, alice):
    client = Client()
    client.force_login(alice)
    response = client.get(f"/admin/organizations/organization/{org_a.pk}/import-contacts/")
    assert response.status_code == 302  # to the admin's sign-in


def test_refusals_are_in_the_importers_language(client_of, org_a, alice):
    client = client_of("alice")
    file = SimpleUploadedFile("contacts.csv", GOOD.encode() + b"x,email,x@example.org,,ru,,,extra\r\n")
    response = client.post(import_url(org_a), {"file": file}, format="multipart", HTTP_ACCEPT_LANGUAGE="ru")
    body = response.json()
    assert body["detail"] == "1 строка отклонена; ничего не импортировано."
    assert body["errors"][0]["detail"] == "В этой строке больше ячеек, чем в заголовке."  # noqa: RUF001


@pytest.mark.parametrize("label", ["'=quoted", "'plain", "''=twice", " =spaced"])
def test_a_label_that_starts_with_an_apostrophe_comes_back_from_an_export_unchanged(
    client_of, org_a, alice, label
):
    client = client_of("alice")
    contact = ContactPointFactory(organization=org_a, external_id="one", label=label)
    response = reimport(client, org_a, ["external_id", "channel", "value", "label", "languages"])
    assert response.status_code == 200, response.json()
    contact.refresh_from_db()
    assert contact.label == label.strip()
