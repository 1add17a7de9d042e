"""Nothing typed is lost: a half-written guide outlives the app's lock.

boris starts a guide on his phone and the app locks (as it does after idle minutes); after
the PIN (and after a reload) the editor opens with his text and a note that it was restored. Saving the guide
removes the draft, so the next new guide starts empty; signing out warns that a draft
would go with the rest of his data. The guide is restricted to boris's
organization and its title unique to the run, so no other test sees it.
"""

import uuid

import pytest
from playwright.sync_api import Page, expect

from .conftest import phone_context
from .test_pwa import open_app, open_screen, sign_in, unlock_if_locked

pytestmark = pytest.mark.browser


def new_guide(page: Page) -> None:
    open_screen(page, "More", "Workspace", "Guides we write")
    page.get_by_role("link", name="New guide").click()
    expect(page.get_by_test_id("guide-form")).to_be_visible()


def test_a_half_written_guide_survives_the_lock_and_goes_once_saved(browser, pwa, api_server):
    run = uuid.uuid4().hex[:8]
    title, body = f"Border night notes {run}", f"Take the early train, platform {run}."
    with phone_context(browser, pwa.origin, api_server.origin) as context:
        page = context.new_page()
        open_app(page, pwa)
        sign_in(page, pwa, "boris", "demo-coordinator-pass")
        new_guide(page)
        form = page.get_by_test_id("guide-form")
        expect(form.get_by_test_id("draft-note")).to_have_count(0)
        form.get_by_label("Language").select_option("en")
        form.get_by_label("Title").fill(title)
        form.get_by_label("Text (Markdown)").fill(body)
        form.get_by_label("Who may read it").select_option("restricted")

        # Locked at once (within the second typing waits to be written): the form is gone.
        page.get_by_test_id("lock").click()
        expect(page.get_by_test_id("unlock-screen")).to_be_visible()
        expect(page.get_by_test_id("guide-form")).to_have_count(0)
        unlock_if_locked(page)

        new_guide(page)
        form = page.get_by_test_id("guide-form")
        expect(form.get_by_test_id("draft-note")).to_contain_text("Restored your unsaved draft")
        expect(form.get_by_label("Title")).to_have_value(title)
        expect(form.get_by_label("Text (Markdown)")).to_have_value(body)
        expect(form.get_by_label("Language")).to_have_value("en")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360

        form.get_by_role("button", name="Save draft").click()
        expect(page.get_by_role("heading", level=1, name="Edit guide")).to_be_visible()
        expect(page.get_by_test_id("draft-note")).to_have_count(0)

        # Saved: the draft is gone, through a lock too.
        page.get_by_test_id("lock").click()
        unlock_if_locked(page)
        new_guide(page)
        form = page.get_by_test_id("guide-form")
        expect(form.get_by_label("Title")).to_have_value("")
        expect(form.get_by_test_id("draft-note")).to_have_count(0)

        # A draft thrown away is gone too.
        form.get_by_label("Title").fill(f"Second thoughts {run}")
        page.get_by_test_id("lock").click()
        unlock_if_locked(page)
        new_guide(page)
        page.get_by_test_id("discard-draft").click()
        expect(page.get_by_label("Title")).to_have_value("")
        expect(page.get_by_test_id("draft-note")).to_have_count(0)
        page.get_by_test_id("lock").click()
        unlock_if_locked(page)
        new_guide(page)
        expect(page.get_by_label("Title")).to_have_value("")

        # Another screen, then a reload: the draft is still there after the PIN.
        page.get_by_label("Title").fill(f"Unfinished {run}")
        open_screen(page, "More", "Workspace")
        page.wait_for_load_state("networkidle")
        page.reload()
        unlock_if_locked(page)
        new_guide(page)
        expect(page.get_by_test_id("draft-note")).to_be_visible()
        expect(page.get_by_label("Title")).to_have_value(f"Unfinished {run}")

        # Signing out removes drafts with the other private data: the app asks first.
        open_screen(page, "More", "Account")
        page.get_by_role("button", name="Sign out").click()
        expect(page.get_by_role("alertdialog")).to_contain_text(
            "1 form has a draft not saved yet. Signing out removes it from this device"
        )
        page.get_by_role("button", name="Sign out and lose them").click()
        expect(page.get_by_role("button", name="Sign in")).to_be_visible()
