"""A coordinator's webhooks on a phone: add one, keep its secret (shown once), switch it off,
give it a new secret, delete it; a member is offered none of it.

Boris coordinates the "NO means NO" project. The address is unique to the run and a public
one (the API runs with the production rules, which refuse loopback); nothing is sent to it,
since no worker runs beside this API.

The secret must never reach the device's storage: the page records everything it writes to
localStorage and IndexedDB, and everything it encrypts (the encrypted store's records are
encrypted first), so a test can look for the secret in it.
"""

import uuid

import pytest
from playwright.sync_api import expect

from .conftest import phone_context
from .test_pwa import open_app, open_screen, sign_in
from .test_work_guides import COORDINATOR, MEMBER, fits_the_phone

pytestmark = pytest.mark.browser

SCREEN = "Webhooks for our website or tools"

RECORD_WRITES = """
window.__written = [];
const keep = (value) => {
  try {
    const bytes = ArrayBuffer.isView(value) ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
      : value instanceof ArrayBuffer ? new Uint8Array(value) : null;
    window.__written.push(bytes ? new TextDecoder().decode(bytes) : JSON.stringify(value));
  } catch (error) {
    window.__written.push(String(value));
  }
};
const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  keep(String(value));
  return setItem.call(this, key, value);
};
for (const name of ["put", "add"]) {
  const write = IDBObjectStore.prototype[name];
  IDBObjectStore.prototype[name] = function (value, key) {
    keep(value);
    return write.apply(this, arguments);
  };
}
const encrypt = SubtleCrypto.prototype.encrypt;
SubtleCrypto.prototype.encrypt = function (algorithm, key, data) {
  keep(data);
  return encrypt.apply(this, arguments);
};
"""


def written(page) -> str:
    """All the page wrote to localStorage and IndexedDB, and all it encrypted, since it opened."""
    return page.evaluate("window.__written.join('\\n')")


def test_a_coordinator_adds_a_webhook_and_sees_its_secret_once(browser, pwa, api_server):
    url = f"https://93.184.215.14/hooks/{uuid.uuid4().hex[:8]}"
    with phone_context(browser, pwa.origin, api_server.origin) as context:
        page = context.new_page()
        page.add_init_script(RECORD_WRITES)
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
        expect(page.get_by_test_id("webhook-secret").get_by_role("heading")).to_be_focused()
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
        # Said in the reader's language, not the server's note for the admin.
        expect(webhook.get_by_test_id("webhook-off")).to_contain_text("Off since")
        expect(webhook).not_to_contain_text("Switched off by hand")

        page.once("dialog", lambda dialog: dialog.accept())
        webhook.get_by_role("button", name="New secret").click()
        rotated = page.get_by_test_id("webhook-secret-value")
        expect(rotated).to_be_visible()
        assert rotated.input_value().startswith("whsec_")
        assert rotated.input_value() != secret
        # The new secret shows above the form, far from the button: focus (and the screen) go to it.
        expect(page.get_by_test_id("webhook-secret").get_by_role("heading")).to_be_focused()
        assert page.evaluate("document.activeElement.getBoundingClientRect().top") > 0
        writes = written(page)
        assert '"type":"country"' in writes, "the page's writes were not recorded"
        assert secret not in writes and rotated.input_value() not in writes

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


def test_a_refused_address_is_explained_beside_its_field_in_russian(page, pwa):
    open_app(page, pwa)
    sign_in(page, pwa, "boris", COORDINATOR)
    open_screen(page, "More", "Settings and safety")
    page.locator("#language").select_option("ru")
    page.get_by_role("navigation").get_by_role("link", name="Ещё").click()
    page.get_by_role("main").get_by_role("link", name="Рабочее место").click()
    page.get_by_role("main").get_by_role("link", name="Вебхуки для нашего сайта или инструментов").click()
    address = page.get_by_label("Адрес (HTTPS)")
    for url, refusal in [
        ("https://10.0.0.1/hooks", "Этот адрес в частной, локальной или зарезервированной сети"),
        ("http://93.184.215.14/hooks", "Вебхуки отправляются только на адреса HTTPS."),
    ]:
        address.fill(url)
        page.get_by_role("button", name="Добавить вебхук").click()
        expect(address).to_have_attribute("aria-invalid", "true")
        expect(address).to_be_focused()
        described = address.get_attribute("aria-describedby")
        expect(page.locator(f'[id="{described.split()[-1]}"]')).to_contain_text(refusal)
    fits_the_phone(page)
