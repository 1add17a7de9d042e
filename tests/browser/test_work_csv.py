"""CSV import and export of an organization's contacts on a phone (360 x 640).

boris (coordinator of "NO means NO") chooses a file, from the keyboard, with bad rows: the
server's check lists them a page at a time and nothing is imported. He corrects it: the check
says what the import would do, he confirms, and the contacts are there. The export is saved
only after the warning that the file stays in Downloads, and it holds what he imported.
"""

import uuid
from pathlib import Path

import pytest
from playwright.sync_api import FileChooser, Page, expect

from .conftest import phone_context
from .test_pwa import open_app, sign_in
from .test_work_contacts import fits_the_phone, open_workspace

pytestmark = pytest.mark.browser

BAD_ROWS = 45  # more than a page of the list of refused rows


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
    bad = good.replace(f"desk-{unique}@example.org", "not-an-address") + "".join(
        f"bad-{unique}-{n},email,not-an-address-{n},,ru\r\n" for n in range(BAD_ROWS - 1)
    )
    with phone_context(browser, pwa.origin, api_server.origin) as context:
        page = context.new_page()
        # Listening from the start: a listener added just before the key press may miss the chooser.
        choosers: list[FileChooser] = []
        page.on("filechooser", lambda chooser: choosers.append(chooser))
        open_app(page, pwa)
        sign_in(page, pwa, "boris", "demo-coordinator-pass")
        open_workspace(page)
        page.get_by_role("main").get_by_role("link", name="Our contacts").first.click()
        files = page.get_by_test_id("contact-files")
        expect(files).to_be_visible()

        # Bad rows, the file chosen from the keyboard: the check names them, and nothing is imported.
        files.get_by_role("button", name="Export CSV").focus()
        page.keyboard.press("Tab")
        expect(files.get_by_role("button", name="Import CSV")).to_be_focused()
        page.keyboard.press("Enter")
        for _ in range(100):  # the page's events arrive while Playwright waits
            if choosers:
                break
            page.wait_for_timeout(100)
        assert choosers, "Enter on the import button opened no file chooser"
        choosers[0].set_files({"name": "contacts.csv", "mimeType": "text/csv", "buffer": bad.encode()})
        refused = page.get_by_test_id("csv-refused")
        expect(refused).to_contain_text("Nothing was imported")
        expect(refused).to_contain_text("row 2, value:")
        expect(page.get_by_test_id("csv-answer")).to_be_focused()
        assert 0 < page.evaluate("document.activeElement.getBoundingClientRect().top") < 640  # from its top
        # One page of the refused rows at a time, whatever the file's length.
        expect(refused.get_by_test_id("csv-errors").locator("li")).to_have_count(20)
        expect(refused.get_by_test_id("show-more")).to_have_text(f"Show 20 more ({BAD_ROWS - 20} left)")
        expect(page.get_by_test_id("csv-checked")).to_have_count(0)
        fits_the_phone(page)
        assert contacts_named(api_server, unique) == 0

        # Corrected: the check says what would happen; only the confirmation imports.
        choose(page, "contacts.csv", good)
        checked = page.get_by_test_id("csv-checked")
        expect(checked).to_contain_text("2 new, 0 updated, 0 unchanged")
        expect(page.get_by_test_id("csv-answer")).to_be_focused()
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
