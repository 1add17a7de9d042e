"""Network alerts and opening hours in the app.

Alerts, posted by the network office, reach an anonymous reader's phone with the next sync,
stay readable offline, leave by the phone's own clock when they expire, and a dismissal
survives a reload. A hotline with structured hours says whether it is open, in the reader's time.
"""

import re
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from .test_pwa import open_app, unlock_if_locked

pytestmark = pytest.mark.browser

SHORT = "Border crossing X is closed today (example data)."
SHORT_RU = "Пограничный переход X сегодня закрыт (пример данных)."
DEMO = re.compile(r"The old demo hotline \+49 30 23125 999 is compromised")


def post_alert(api_server, text: str, seconds: int, translations: dict) -> int:
    admin = api_server.login("olga", "demo-admin-pass")["access"]
    expires_at = (datetime.now(UTC) + timedelta(seconds=seconds)).isoformat()
    body = {"text": text, "visibility": "public", "expires_at": expires_at, "translations": translations}
    status, created = api_server.call("POST", "/api/v1/alerts/", body, token=admin)
    assert status == 201, created
    return created["id"]


def test_an_alert_reaches_an_offline_phone_and_leaves_when_it_expires(page, pwa, api_server):
    post_alert(api_server, SHORT, 75, {"ru": {"text": SHORT_RU}})
    open_app(page, pwa)
    alerts = page.get_by_test_id("alert")
    expect(alerts.filter(has_text=SHORT)).to_have_count(1)

    page.context.set_offline(True)
    pwa.offline = True
    try:
        page.reload()
        unlock_if_locked(page)
        expect(alerts.filter(has_text=SHORT)).to_have_count(1)
        # The phone's clock passes the expiry while it is offline: the alert goes, the demo's stays.
        expect(alerts.filter(has_text=SHORT)).to_have_count(0, timeout=90_000)
        expect(alerts.filter(has_text=DEMO)).to_have_count(1)
    finally:
        pwa.offline = False
        page.context.set_offline(False)


def test_a_hotline_with_hours_says_whether_it_is_open_in_the_readers_time(page, pwa):
    open_app(page, pwa)
    hotline = page.locator("[data-testid=contact-card]", has_text="+493023125101")
    expect(hotline.get_by_test_id("open-now")).to_have_text(
        re.compile(r"^(Open now, until|Closed now, opens) .+ \(your time\)$")
    )
    # A contact without structured hours claims nothing.
    email = page.locator("[data-testid=contact-card]", has_text="counseling@network-office.example.org")
    expect(email.first.get_by_test_id("open-now")).to_have_count(0)


def test_a_dismissed_alert_stays_dismissed_after_a_reload(page, pwa):
    open_app(page, pwa)
    demo = page.get_by_test_id("alert").filter(has_text=DEMO)
    expect(demo).to_have_count(1)
    demo.get_by_test_id("dismiss-alert").click()
    expect(demo).to_have_count(0)
    page.reload()
    unlock_if_locked(page)
    expect(page.get_by_test_id("synced-at")).to_be_visible()
    expect(page.locator("#main")).to_be_visible()
    expect(page.get_by_test_id("alert").filter(has_text=DEMO)).to_have_count(0)
