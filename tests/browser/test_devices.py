"""Sessions the user controls: the "Devices" screen, and a phone signed out from elsewhere.

Two browser contexts stand for two devices of the same person. What one ends, the other
notices at its next request: the refresh fails, the app signs out and removes what only
members may see.
"""

import re

import pytest
from playwright.sync_api import expect

from .conftest import origin_of
from .test_pwa import CARD, find_help, open_app, open_screen, sign_in

pytestmark = pytest.mark.browser

MEMBER_CONTACT = "fi_contact_example"  # network-only: members see it, anonymous visitors do not


@pytest.fixture
def laptop(browser, pwa, api_server):
    """A second device: its own browser context, held to the same two origins as the first."""
    context = browser.new_context(
        viewport={"width": 360, "height": 640}, locale="en-US", service_workers="allow"
    )
    context.set_default_timeout(15_000)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    yield page
    context.close()
    foreign = [url for url in requests if origin_of(url) not in {pwa.origin, api_server.origin}]
    assert foreign == [], f"requests to other origins: {foreign}"


def test_a_session_ended_from_another_device_signs_the_phone_out_and_clears_member_data(
    page, laptop, pwa, api_server
):
    open_app(page, pwa)
    sign_in(page, pwa, "mila", "demo-member-pass", device="Phone")
    find_help(page, country="FI")
    expect(page.locator(CARD, has_text=MEMBER_CONTACT)).to_be_visible()
    page.wait_for_load_state("networkidle")

    # On the laptop, the Devices screen lists both; the laptop ends the phone's session.
    open_app(laptop, pwa)
    sign_in(laptop, pwa, "mila", "demo-member-pass", device="Laptop")
    open_screen(laptop, "More", "Devices")
    sessions = laptop.get_by_test_id("session")
    this_device = sessions.filter(has_text="This device")
    expect(this_device).to_have_count(1)
    expect(this_device).to_contain_text("Laptop")
    expect(this_device).to_contain_text(re.compile(r"Last used (now|\d+ seconds? ago)"))
    expect(this_device.get_by_role("button", name="End session")).to_have_count(0)
    phone = sessions.filter(has_text="Phone").filter(has_not_text="This device")
    expect(phone).to_have_count(1)
    phone.get_by_role("button", name="End session").click()
    expect(laptop.get_by_test_id("sessions-ended")).to_have_text("1 session ended.")
    expect(phone).to_have_count(0)

    # The phone's next request fails; it signs out and drops the network's contacts.
    open_screen(page, "More", "Settings and safety")
    page.get_by_test_id("sync-now").click()
    open_screen(page, "More", "Account")
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    find_help(page)
    expect(page.locator(CARD).first).to_be_visible()
    expect(page.locator(CARD, has_text=MEMBER_CONTACT)).to_have_count(0)

    # A session left open elsewhere (here, signed in through the API): "End all other
    # sessions" leaves only the laptop, and the other's refresh token stops working.
    stray = api_server.login("mila", "demo-member-pass")
    open_screen(laptop, "More", "Devices")
    expect(this_device).to_have_count(1)
    expect(sessions.filter(has_not_text="This device")).not_to_have_count(0)
    laptop.get_by_role("button", name="End all other sessions").click()
    expect(laptop.get_by_test_id("sessions-ended")).to_have_text(re.compile(r"^\d+ sessions? ended\.$"))
    expect(sessions).to_have_count(1)
    expect(laptop.get_by_text("No other device is signed in.")).to_be_visible()
    status, _ = api_server.call("POST", "/api/v1/auth/token/refresh/", {"refresh": stray["refresh"]})
    assert status == 401


def test_only_a_signed_in_user_is_offered_the_devices_screen(page, pwa):
    open_app(page, pwa)
    open_screen(page, "More")
    expect(page.get_by_role("main").get_by_role("link", name="Devices")).to_have_count(0)
