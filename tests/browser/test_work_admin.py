"""The network office's admin in the workspace: olga is a member of no organization, yet
admins write everything (docs/design.md), so every workspace screen lets her in and works
for any organization, letting her pick one where a screen needs it.

Nothing is saved: the test only opens the screens, so the demo's objects stay as they are.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from .test_pwa import open_app, open_screen, sign_in

pytestmark = pytest.mark.browser

ORGANIZATION = "NO means NO"


def pick(select, name: str) -> None:
    """Chooses the organization whose name holds `name` in a select of organizations."""
    option = select.locator("option", has_text=name).first
    select.select_option(option.get_attribute("value"))


NO_WORKSPACE = "not a member of any organization"


def expect_a_workspace_screen(page: Page, heading: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.get_by_role("main")).not_to_contain_text(NO_WORKSPACE)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def back_home(page: Page) -> None:
    open_screen(page, "More", "Workspace")
    expect(page.get_by_role("heading", level=1)).to_have_text("Workspace")


def test_an_admin_without_a_membership_works_in_every_workspace_screen(page, pwa):
    open_app(page, pwa)
    sign_in(page, pwa, "olga", "demo-admin-pass")
    back_home(page)

    # Every organization has its panel, with her part in it and the way to write.
    panel = page.get_by_role("region", name=ORGANIZATION)
    expect(panel).to_contain_text("Administrator")
    expect(panel.get_by_role("link", name="New contact")).to_be_visible()

    # The organization's contacts, each open for editing.
    panel.get_by_role("link", name="Our contacts").click()
    expect_a_workspace_screen(page, "Our contacts")
    contacts = page.get_by_role("region", name=ORGANIZATION).get_by_test_id("work-contact")
    expect(contacts.first).to_be_visible()
    expect(contacts.first.get_by_role("link", name="Open and edit")).to_be_visible()

    back_home(page)
    page.get_by_role("main").get_by_role("link", name="Guides we write").click()
    expect_a_workspace_screen(page, "My organization's guides")
    page.get_by_role("main").get_by_role("link", name="New guide").click()
    pick(page.get_by_role("main").get_by_label(re.compile("^Organization")), ORGANIZATION)

    back_home(page)
    page.get_by_role("main").get_by_role("link", name="Invite a colleague").click()
    expect_a_workspace_screen(page, "Invite a colleague")
    pick(page.get_by_role("main").get_by_label("Organization"), ORGANIZATION)

    back_home(page)
    page.get_by_role("main").get_by_role("link", name="Resources: offers and requests").click()
    expect_a_workspace_screen(page, "Resources and responses")
    page.get_by_role("main").get_by_role("link", name="New offer or request").click()
    form = page.get_by_test_id("resource-form")
    pick(form.get_by_label("Organization"), ORGANIZATION)

    back_home(page)
    page.get_by_role("main").get_by_role("link", name="Inbox").click()
    expect(page.get_by_role("main")).not_to_contain_text(NO_WORKSPACE)
