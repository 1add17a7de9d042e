"""An object with an edit still in the outbox says so where the user looks at it.

boris edits one of his organization's contacts offline: its row in the contacts list and its
own page say "Pending" until the edit is sent; the network office changes it meanwhile, so
the edit comes back as a conflict and both say "Needs review" until he resolves it. An offer
he edits offline says "Pending" on its row and its page the same way; when it comes back as
a conflict, the pending list names the values in words (a category, not its code), and once
the edit is saved neither the row nor the page is marked.
"""

import re
import uuid

import pytest
from playwright.sync_api import Page, expect

from .test_pwa import open_app, open_screen, sign_in
from .test_work_offline import (  # noqa: F401 (boris: a fixture)
    boris,
    change_elsewhere,
    contact_row,
    edit_offline,
    new_contact,
)

pytestmark = pytest.mark.browser


def test_a_contact_with_an_edit_waiting_is_marked_pending_then_needs_review(page, pwa, api_server, boris):  # noqa: F811
    contact = new_contact(api_server, boris)
    open_app(page, pwa)
    sign_in(page, pwa, "boris", "demo-coordinator-pass")

    edit_offline(page, contact, Hours="Mon-Sat 8-20 (mine)")
    row = contact_row(page, contact)
    expect(row.get_by_test_id("pending-mark")).to_have_text("Pending")
    # Only the contact with the edit is marked.
    expect(page.get_by_test_id("pending-mark")).to_have_count(1)
    row.get_by_role("link", name="Open and edit").click()
    mark = page.get_by_role("main").get_by_test_id("pending-mark")
    expect(mark).to_have_text("Pending")

    change_elsewhere(api_server, contact, hours="Weekends only (office)")
    page.context.set_offline(False)
    expect(mark).to_have_text("Needs review", timeout=20_000)
    expect(mark).to_have_attribute("data-standing", "review")


def offer_by_boris(api_server, boris) -> dict:  # noqa: F811
    token, organization = boris
    body = {
        "kind": "offer",
        "category": "transport",
        "organization": organization,
        "title": f"Rides to the border {uuid.uuid4().hex[:8]}",
        "countries": ["LT"],
        "languages": ["ru"],
        "capacity": "Two seats a week",
        "visibility": "network",
    }
    status, created = api_server.call("POST", "/api/v1/resources/", body, token=token)
    assert status == 201, created
    return created


def our_resource(page: Page, title: str):
    open_screen(page, "More", "Workspace", "Resources: offers and requests")
    return page.get_by_test_id("our-resources").get_by_role("link", name=re.compile(re.escape(title)))


def test_a_resource_with_an_edit_waiting_is_marked_and_its_review_names_values_in_words(
    page,
    pwa,
    api_server,
    boris,  # noqa: F811
):
    offer = offer_by_boris(api_server, boris)
    open_app(page, pwa)
    sign_in(page, pwa, "boris", "demo-coordinator-pass")

    row = our_resource(page, offer["title"])
    expect(row.get_by_test_id("pending-mark")).to_have_count(0)
    row.click()
    page.get_by_role("main").get_by_role("link", name="Edit").click()
    page.context.set_offline(True)
    page.get_by_test_id("resource-form").get_by_label("Capacity: what and how much").fill("Four seats a week")
    page.get_by_test_id("resource-form").get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("queued")).to_be_visible()

    row = our_resource(page, offer["title"])
    expect(row.get_by_test_id("pending-mark")).to_have_text("Pending")
    row.click()
    mark = page.get_by_test_id("resource").get_by_test_id("pending-mark")
    expect(mark).to_have_text("Pending")

    # Meanwhile the offer is filed under another category: the edit comes back as a conflict.
    status, body = api_server.call(
        "PATCH", f"/api/v1/resources/{offer['id']}/", {"category": "legal_aid"}, token=boris[0]
    )
    assert status == 200, body
    page.context.set_offline(False)
    expect(mark).to_have_text("Needs review", timeout=20_000)

    # The pending list on the workspace home names the categories as the form does.
    open_screen(page, "More", "Workspace")
    item = page.get_by_test_id("outbox-item")
    expect(item).to_have_attribute("data-status", "conflict")
    item.get_by_role("button", name="Review").click()
    category = page.get_by_test_id("conflict").locator("[data-field=category]")
    expect(category.get_by_test_id("conflict-mine")).to_have_text("Transport")
    expect(category.get_by_test_id("conflict-server")).to_have_text("Legal aid")
    page.get_by_test_id("conflict").get_by_role("button", name="Keep mine").click()
    expect(page.get_by_test_id("outbox")).to_have_count(0)

    row = our_resource(page, offer["title"])
    expect(row).to_be_visible()
    expect(row.get_by_test_id("pending-mark")).to_have_count(0)
