"""The network office's admin in the workspace: olga is a member of no organization, yet
admins write everything (docs/design.md), so every workspace screen lets her in. She works
for one organization at a time, found by name on the workspace home (a network has
thousands: they are never listed whole); a screen that works per organization asks her to
choose one first.

Nothing is saved: the test only opens the screens, so the demo's objects stay as they are.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from .test_pwa import open_app, open_screen, sign_in

pytestmark = pytest.mark.browser

ORGANIZATION = "NO means NO"


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

    # Before she chooses, a per-organization screen sends her to choose.
    page.get_by_role("main").get_by_role("link", name="Invite a colleague").click()
    expect(page.get_by_test_id("choose-organization")).to_be_visible()
    back_home(page)

    # A one-letter search offers a few organizations, never the whole network.
    picker = page.get_by_role("main").get_by_label("Organization's name")
    picker.fill("a")
    matches = page.get_by_test_id("organization-matches").get_by_role("button")
    expect(matches.first).to_be_visible()
    assert matches.count() <= 8
    picker.fill(ORGANIZATION)
    page.get_by_test_id("organization-matches").get_by_role("button", name=re.compile(ORGANIZATION)).click()

    # The chosen organization has its panel, with her part in it and the way to write.
    panel = page.get_by_role("region", name=re.compile(ORGANIZATION))
    expect(panel).to_contain_text("Administrator")
    expect(panel.get_by_role("link", name="New contact")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    # The organization's contacts, each open for editing.
    panel.get_by_role("link", name="Our contacts").click()
    expect_a_workspace_screen(page, "Our contacts")
    contacts = page.get_by_role("region", name=re.compile(ORGANIZATION)).get_by_test_id("work-contact")
    expect(contacts.first).to_be_visible()
    expect(contacts.first.get_by_role("link", name="Open and edit")).to_be_visible()

    # The other screens work for the chosen organization without asking again.
    back_home(page)
    page.get_by_role("main").get_by_role("link", name="Guides we write").click()
    expect_a_workspace_screen(page, "My organization's guides")
    page.get_by_role("main").get_by_role("link", name="New guide").click()
    expect(page.get_by_role("main").get_by_label(re.compile("^Title"))).to_be_visible()

    back_home(page)
    page.get_by_role("main").get_by_role("link", name="Invite a colleague").click()
    expect_a_workspace_screen(page, "Invite a colleague")
    expect(page.get_by_role("main").get_by_label(re.compile("^E-mail"))).to_be_visible()

    back_home(page)
    page.get_by_role("main").get_by_role("link", name="Resources: offers and requests").click()
    expect_a_workspace_screen(page, "Resources and responses")
    page.get_by_role("main").get_by_role("link", name="New offer or request").click()
    expect(page.get_by_test_id("resource-form")).to_be_visible()

    back_home(page)
    page.get_by_role("main").get_by_role("link", name="Inbox").click()
    expect(page.get_by_role("main")).not_to_contain_text(NO_WORKSPACE)
