"""The e-mail switches of the settings screen are the account's, saved to the API as they change."""

import pytest
from playwright.sync_api import expect

from .test_pwa import open_app, open_screen, sign_in

pytestmark = pytest.mark.browser

URL = "/api/v1/me/notifications/"


def test_switching_an_email_kind_off_and_choosing_a_language_saves_them_to_the_account(page, pwa, api_server):
    open_app(page, pwa)
    sign_in(page, pwa, "boris", "demo-coordinator-pass")
    open_screen(page, "More", "Settings and safety")
    switches = page.get_by_test_id("email-settings")
    responses = switches.get_by_label("News on responses of our organization")
    expect(responses).to_be_checked()
    responses.focus()
    page.keyboard.press("Space")
    expect(page.get_by_role("status").filter(has_text="Saved.")).to_be_visible()
    expect(responses).not_to_be_checked()
    expect(responses).to_be_focused()  # the keyboard is still where it was, not back at the page's top
    switches.get_by_label("Language of the e-mails").select_option("uk")
    expect(switches.get_by_label("Language of the e-mails")).to_have_value("uk")

    expect(page.get_by_role("status").filter(has_text="Saved.")).to_be_visible()

    token = api_server.login("boris", "demo-coordinator-pass")["access"]
    status, preferences = api_server.call("GET", URL, token=token)
    assert status == 200
    assert preferences == {"language": "uk", "stale_digest": True, "responses": False, "messages": True}

    # Opened again, the screen shows what the account holds.
    page.reload()
    open_app(page, pwa)
    open_screen(page, "More", "Settings and safety")
    responses = page.get_by_test_id("email-settings").get_by_label("News on responses of our organization")
    expect(responses).not_to_be_checked()
    defaults = {"language": "en", "stale_digest": True, "responses": True, "messages": True}
    api_server.call("PUT", URL, defaults, token)
