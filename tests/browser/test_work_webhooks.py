"""A coordinator's webhooks on a phone: add one, keep its secret (shown once), switch it off,
give it a new secret, delete it; a member is offered none of it.

Boris coordinates the "NO means NO" project. The address is unique to the run and a public
one (the API runs with the production rules, which refuse loopback); nothing is sent to it,
since no worker runs beside this API.
"""

import uuid

import pytest
from playwright.sync_api import expect

from .conftest import phone_context
from .test_pwa import open_app, open_screen, sign_in
from .test_work_guides import COORDINATOR, MEMBER, fits_the_phone

pytestmark = pytest.mark.browser

SCREEN = "Webhooks for our website or tools"


def test_a_coordinator_adds_a_webhook_and_sees_its_secret_once(browser, pwa, api_server):
    url = f"https://93.184.215.14/hooks/{uuid.uuid4().hex[:8]}"
    with phone_context(browser, pwa.origin, api_server.origin) as context:
        page = context.new_page()
        open_app(page, pwa)
        sign_in(page, pwa, "boris", COORDINATOR)
        open_screen(page, "More", "Workspace", SCREEN)
        form = page.get_by_test_id("webhook-form")
        form.get_by_label("Address (HTTPS)").fill(url)
        form.get_by_label("Guide").check()
        page.get_by_role("button", name="Add webhook").click()

        expect(page.get_by_test_id("webhook-secret")).to_contain_text(url)
        secret = page.get_by_test_id("webhook-secret-value").input_value()
        assert secret.startswith("whsec_")
        webhook = page.get_by_test_id("webhook").filter(has_text=url)
        expect(webhook.get_by_test_id("webhook-state")).to_have_text("On")
        expect(webhook).to_contain_text("Contact, Guide")
        fits_the_phone(page)

        # Leaving the screen forgets the secret.
        open_screen(page, "More", "Workspace", SCREEN)
        expect(page.get_by_test_id("webhook-form")).to_be_visible()
        assert secret not in page.content()

        webhook.get_by_role("button", name="Switch off").click()
        expect(page.get_by_text("The webhook is switched off.")).to_be_visible()
        expect(webhook.get_by_test_id("webhook-state")).to_have_text("Off")

        page.once("dialog", lambda dialog: dialog.accept())
        webhook.get_by_role("button", name="New secret").click()
        rotated = page.get_by_test_id("webhook-secret-value")
        expect(rotated).to_be_visible()
        assert rotated.input_value().startswith("whsec_")
        assert rotated.input_value() != secret

        page.once("dialog", lambda dialog: dialog.accept())
        webhook.get_by_role("button", name="Delete").click()
        expect(page.get_by_text("The webhook was deleted.")).to_be_visible()
        expect(page.get_by_test_id("webhook").filter(has_text=url)).to_have_count(0)


def test_a_member_is_offered_no_webhooks(browser, pwa, api_server):
    with phone_context(browser, pwa.origin, api_server.origin) as context:
        page = context.new_page()
        open_app(page, pwa)
        sign_in(page, pwa, "mila", MEMBER)
        open_screen(page, "More", "Workspace")
        expect(page.get_by_role("main").get_by_role("link", name="Guides we write")).to_be_visible()
        expect(page.get_by_role("main").get_by_role("link", name=SCREEN)).to_have_count(0)
