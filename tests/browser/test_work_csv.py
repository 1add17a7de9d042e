"""CSV import and export of an organization's contacts on a phone (360 x 640).

boris (coordinator of "NO means NO") chooses a file with a bad row: the server's check lists
the row and nothing is imported. He corrects it: the check says what the import would do,
he confirms, and the contacts are there. The export is saved only after the warning that the
file stays in Downloads, and it holds what he imported.
"""

import uuid
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import phone_context
from .test_pwa import open_app, sign_in
from .test_work_contacts import fits_the_phone, open_workspace

pytestmark = pytest.mark.browser


def choose(page: Page, name: str, text: str) -> None:
    page.get_by_test_id("csv-file").set_input_files(
        {"name": name, "mimeType": "text/csv", "buffer": text.encode()}
    )


def contacts_named(api_server, unique: str) -> int:
    """How many contacts the API holds with `unique` in them, as boris sees it."""
    token = api_server.login("boris", "demo-coordinator-pass")["access"]
    status, found = api_server.call("GET", f"/api/v1/contact-points/?q={unique}", token=token)
    assert status == 200, found
    return found["count"]


def test_a_coordinator_checks_imports_and_exports_contacts(browser, pwa, api_server):
    unique = uuid.uuid4().hex[:8]
    header = "external_id,channel,value,label,languages\r\n"
    good = (
        header
        + f"desk-{unique},email,desk-{unique}@example.org,Desk {unique},ru\r\n"
        + f'line-{unique},telegram,@line_{unique},Line {unique},"ru, en"\r\n'
    )
    bad = good.replace(f"desk-{unique}@example.org", "not-an-address")
    with phone_context(browser, pwa.origin, api_server.origin) as context:
        page = context.new_page()
        open_app(page, pwa)
        sign_in(page, pwa, "boris", "demo-coordinator-pass")
        open_workspace(page)
        page.get_by_role("main").get_by_role("link", name="Our contacts").first.click()
        files = page.get_by_test_id("contact-files")
        expect(files).to_be_visible()

        # A bad row: the check names it, and nothing is imported.
        choose(page, "contacts.csv", bad)
        refused = page.get_by_test_id("csv-refused")
        expect(refused).to_contain_text("Nothing was imported")
        expect(refused).to_contain_text("row 2, value:")
        expect(page.get_by_test_id("csv-checked")).to_have_count(0)
        fits_the_phone(page)
        assert contacts_named(api_server, unique) == 0

        # Corrected: the check says what would happen; only the confirmation imports.
        choose(page, "contacts.csv", good)
        checked = page.get_by_test_id("csv-checked")
        expect(checked).to_contain_text("2 new, 0 updated, 0 unchanged")
        fits_the_phone(page)
        page.get_by_test_id("csv-confirm").click()
        expect(page.get_by_test_id("csv-imported")).to_have_text("Imported: 2 new, 0 updated, 0 unchanged.")
        assert contacts_named(api_server, unique) == 2

        # The same file again changes nothing.
        choose(page, "contacts.csv", good)
        expect(page.get_by_test_id("csv-checked")).to_contain_text("0 new, 0 updated, 2 unchanged")
        page.get_by_role("button", name="Cancel").click()

        # The export asks first, then downloads what he may see.
        files.get_by_role("button", name="Export CSV").click()
        expect(page.get_by_role("alertdialog")).to_contain_text("stays there, outside this app")
        with page.expect_download() as download:
            page.get_by_test_id("save-anyway").click()
        exported = Path(download.value.path()).read_text(encoding="utf-8-sig")
        assert f"desk-{unique}@example.org" in exported
        assert f"'@line_{unique}" in exported  # a cell starting with @ is never a formula
