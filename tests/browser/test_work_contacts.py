"""My organization's contacts on a phone: boris (coordinator of "NO means NO") keeps them true.

He creates a contact in the workspace and an anonymous reader finds it after their sync; he
confirms it is still correct; he marks it compromised with a reason, and mila (a member of
the network office, who kept it) loses it at her next sync with the withdrawn notice. mila
sees her own organization's contacts read-only: no control the server would refuse. In
Russian, a refused value is explained beside its field in Russian.
"""

import re
import uuid

import pytest
from playwright.sync_api import Page, expect

from .conftest import phone_context, show_more_until
from .test_pwa import CARD, open_app, open_screen, search, sign_in

pytestmark = pytest.mark.browser

# The API's message for a malformed phone number, as the app in Russian shows it.
PHONE_IN_RUSSIAN = "Введите международный номер телефона, начинающийся с +, например +49 30 1234567."  # noqa: RUF001


def open_workspace(page: Page) -> None:
    open_screen(page, "More", "Workspace")
    expect(page.get_by_role("heading", level=1)).to_have_text("Workspace")


def fits_the_phone(page: Page) -> None:
    """No horizontal scrolling at 360 px."""
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def sync_now(page: Page) -> None:
    open_screen(page, "More", "Settings and safety")
    page.get_by_role("button", name="Update now").click()
    expect(page.get_by_test_id("synced-at")).to_have_text(re.compile(r"^Updated "))


def card_on_organization_page(page: Page, label: str):
    """The contact's card on the page of boris's organization, paging on until it shows."""
    open_screen(page, "More", "Organizations")
    page.get_by_role("main").get_by_role("link", name=re.compile("NO means NO")).click()
    return show_more_until(page, page.locator(CARD, has_text=label))


def create_contact(page: Page, label: str, handle: str) -> None:
    """Fills the new-contact form of boris's organization and saves it."""
    open_workspace(page)
    page.get_by_role("main").get_by_role("link", name="New contact").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("New contact")
    fits_the_phone(page)
    form = page.get_by_role("main")
    form.get_by_label("Channel").select_option("telegram")
    form.get_by_label("Number, handle, address or link").fill(handle)
    form.get_by_label("Label", exact=True).fill(label)
    form.get_by_role("group", name="Languages spoken").get_by_label("Russian").check()
    # A language nobody in the network lists yet is one choice away.
    form.get_by_label("Add another language").select_option("kk")
    expect(form.get_by_role("group", name="Languages spoken").get_by_label("Kazakh")).to_be_checked()
    form.get_by_role("group", name="Countries served").get_by_label("Lithuania").check()
    form.get_by_role("group", name="Topics").get_by_label("Asylum").check()
    form.get_by_label("Hours", exact=True).fill("Daily 10:00-22:00 EET")
    form.get_by_label("Security advice", exact=True).fill("Write first; voice calls are not answered.")
    form.get_by_label("Who can see it").select_option("public")
    form.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(label)


def test_a_coordinator_creates_verifies_and_withdraws_a_contact(browser, pwa, api_server):
    unique = uuid.uuid4().hex[:8]
    label = f"Night desk {unique}"
    handle = f"@night_desk_{unique}"
    origins = (pwa.origin, api_server.origin)
    with (
        phone_context(browser, *origins) as boris_context,
        phone_context(browser, *origins) as reader_context,
        phone_context(browser, *origins) as mila_context,
    ):
        boris = boris_context.new_page()
        open_app(boris, pwa)
        sign_in(boris, pwa, "boris", "demo-coordinator-pass")
        create_contact(boris, label, handle)
        expect(boris.get_by_test_id("contact-status").first).to_have_text("Active")
        expect(boris.get_by_test_id("verified").first).to_have_text("Not verified yet")

        # An anonymous reader finds it after their sync.
        reader = reader_context.new_page()
        open_app(reader, pwa)
        search(reader, unique)
        expect(reader.get_by_test_id("search-results")).to_contain_text(label)
        card = card_on_organization_page(reader, label)
        expect(card).to_contain_text(handle)
        expect(card).to_contain_text("Kazakh")

        # "Still correct" in one tap: the last verification is today.
        boris.get_by_role("button", name="Still correct").click()
        expect(boris.get_by_role("status").filter(has_text="Marked as checked today.")).to_be_visible()
        expect(boris.get_by_test_id("verified").first).to_have_text("Verified today")

        # mila, of another organization, keeps it.
        mila = mila_context.new_page()
        open_app(mila, pwa)
        sign_in(mila, pwa, "mila", "demo-member-pass")
        kept = card_on_organization_page(mila, label)
        kept.get_by_test_id("keep").click()
        expect(kept.get_by_test_id("keep")).to_have_text("Kept")

        # Compromised: a reason and a confirmation that says what happens.
        boris.get_by_role("button", name="Mark compromised").click()
        title = boris.get_by_role("heading", name="Mark this contact compromised?")
        confirmation = boris.locator("form", has=title)
        expect(confirmation).to_contain_text("withdrawn from every device at its next sync")
        fits_the_phone(boris)
        confirmation.get_by_role("button", name="Withdraw it everywhere").click()
        expect(confirmation).to_contain_text("Say why, so your colleagues know.")
        confirmation.get_by_label("Reason").fill("The phone was taken at a checkpoint")
        confirmation.get_by_role("button", name="Withdraw it everywhere").click()
        expect(boris.get_by_test_id("contact-status").first).to_have_text("Compromised")
        expect(boris.get_by_role("main")).to_contain_text("The phone was taken at a checkpoint")
        assert_withdrawn_in_the_api(api_server, unique)

        # His own organization still sees it, with nothing that would reach or keep it.
        card = card_on_organization_page(boris, label)
        expect(card).to_contain_text("Compromised")
        for action in ("keep", "vcard"):
            expect(card.get_by_test_id(action)).to_have_count(0)
        expect(card.get_by_role("link")).to_have_count(0)  # no call, message or chat
        expect(card.get_by_role("button", name="Copy")).to_have_count(0)

        # mila's next sync withdraws it, and tells her.
        sync_now(mila)
        expect(mila.get_by_test_id("notices")).to_contain_text(label)
        expect(mila.get_by_test_id("notices")).to_contain_text("withdrawn")
        expect(card_on_organization_page(mila, label)).to_have_count(0)
        open_screen(mila, "More", "Kept contacts")
        expect(mila.locator(CARD, has_text=label)).to_have_count(0)


def assert_withdrawn_in_the_api(api_server, unique: str) -> None:
    status, found = api_server.call("GET", f"/api/v1/contact-points/?q={unique}")
    assert status == 200 and found["count"] == 0, found


def test_a_member_sees_her_organizations_contacts_without_edit_controls(page, pwa):
    open_app(page, pwa)
    sign_in(page, pwa, "mila", "demo-member-pass")
    open_workspace(page)
    main = page.get_by_role("main")
    expect(main).to_contain_text("Network office Germany")
    expect(main.get_by_role("link", name="New contact")).to_have_count(0)
    expect(main.get_by_role("link", name="Invite a colleague")).to_have_count(0)
    main.get_by_role("link", name="Our contacts").first.click()
    expect(page.get_by_test_id("work-contact").first).to_be_visible()
    fits_the_phone(page)
    expect(main.get_by_role("button", name="Still correct")).to_have_count(0)
    expect(main.get_by_role("link", name="Open and edit")).to_have_count(0)
    page.get_by_test_id("work-contact").first.get_by_role("link", name="Details").click()
    expect(page.get_by_test_id("contact-status").first).to_be_visible()
    for control in ("Save", "Still correct", "Pause", "Resume", "Mark compromised"):
        expect(main.get_by_role("button", name=control)).to_have_count(0)
    expect(main.locator("form")).to_have_count(0)


def test_no_workspace_for_anonymous_readers(page, pwa):
    open_app(page, pwa)
    open_screen(page, "More")
    expect(page.get_by_role("main").get_by_role("link", name="Workspace")).to_have_count(0)


def test_a_refused_value_is_explained_beside_its_field_in_russian(page, pwa):
    open_app(page, pwa)
    sign_in(page, pwa, "boris", "demo-coordinator-pass")
    open_screen(page, "More", "Settings and safety")
    page.locator("#language").select_option("ru")
    page.get_by_role("navigation").get_by_role("link", name="Ещё").click()
    page.get_by_role("main").get_by_role("link", name="Рабочее место").click()
    page.get_by_role("main").get_by_role("link", name="Новый контакт").click()
    main = page.get_by_role("main")
    main.get_by_label("Канал").select_option("phone")
    value = main.get_by_label("Номер, имя, адрес или ссылка")
    value.fill("12345")
    main.get_by_role("group", name="Языки общения").get_by_role("checkbox").first.check()
    main.get_by_role("button", name="Сохранить").click()
    expect(value).to_have_attribute("aria-invalid", "true")
    described = value.get_attribute("aria-describedby")
    errors = page.locator(f'[id="{described.split()[-1]}"]')
    expect(errors).to_have_text(PHONE_IN_RUSSIAN)
    fits_the_phone(page)
