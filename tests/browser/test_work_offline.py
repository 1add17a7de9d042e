"""Working offline as a coordinator: edits wait in the encrypted outbox and nothing is lost.

boris edits one of his organization's contacts with the phone offline while the network
office (olga) changes the same contact; when the phone is back online the edit comes back
as a conflict with both versions side by side, and what he chooses is saved. A contact
created offline is created once, even when the answer to its first send was lost.
"""

import re
import uuid

import pytest
from playwright.sync_api import Page, expect

from .conftest import show_more_until
from .test_pwa import open_app, open_screen, sign_in, unlock_if_locked

pytestmark = pytest.mark.browser

CONTACTS = "/api/v1/contact-points/"


@pytest.fixture
def boris(api_server):
    """boris's token and his organization's id."""
    token = api_server.login("boris", "demo-coordinator-pass")["access"]
    status, me = api_server.call("GET", "/api/v1/me/", token=token)
    assert status == 200, me
    coordinator = [m for m in me["memberships"] if m["role"] == "coordinator"]
    return token, coordinator[0]["organization"]


def new_contact(api_server, boris, **fields) -> dict:
    """A contact of boris's organization of this test's own, created through the API."""
    token, organization = boris
    unique = uuid.uuid4().hex[:8]
    body = {
        "organization": organization,
        "channel": "email",
        "value": f"desk-{unique}@example.org",
        "label": f"Offline desk {unique}",
        "languages": ["en"],
        "hours": "Mon-Fri 9-17",
        "visibility": "network",
        **fields,
    }
    status, contact = api_server.call("POST", CONTACTS, body, token=token)
    assert status == 201, contact
    return contact


def change_elsewhere(api_server, contact: dict, **fields) -> None:
    """The admin changes the contact on the server, on the version the phone also has."""
    admin = api_server.login("olga", "demo-admin-pass")["access"]
    request = {**fields}
    status, body = api_server.call("PATCH", f"{CONTACTS}{contact['id']}/", request, token=admin)
    assert status == 200, body


def stored(api_server, boris, contact_id: int) -> dict:
    status, body = api_server.call("GET", f"{CONTACTS}{contact_id}/", token=boris[0])
    assert status == 200, body
    return body


def contact_row(page: Page, contact: dict):
    """The contact's row in the workspace's list of contacts, paging on until it shows."""
    page.get_by_role("main").get_by_role("link", name="Our contacts").first.click()
    row = page.locator(f'[data-testid=work-contact][data-contact-id="{contact["id"]}"]')
    return show_more_until(page, row)


def open_contact(page: Page, contact: dict) -> None:
    """From the workspace home to the contact's edit screen, through the app's own links."""
    contact_row(page, contact).get_by_role("link", name="Open and edit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(contact["label"])


def back_to_workspace(page: Page) -> None:
    page.get_by_role("main").get_by_role("link", name="Our contacts").click()
    page.get_by_role("main").get_by_role("link", name="Workspace").click()


def edit_offline(page: Page, contact: dict, **values: str) -> None:
    """Opens the contact, goes offline, changes the labelled fields and saves: the edit waits."""
    open_screen(page, "More", "Workspace")
    open_contact(page, contact)
    page.context.set_offline(True)
    for name, value in values.items():
        # A required field's label ends with "(required)".
        page.get_by_label(re.compile(f"^{re.escape(name)}( \\(required\\))?$")).fill(value)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_test_id("form-note")).to_have_text(
        "Saved on this device. It is sent when you are online again."
    )
    back_to_workspace(page)
    item = page.get_by_test_id("outbox-item")
    expect(item).to_have_count(1)
    expect(item).to_have_attribute("data-status", "waiting")


def reconnect_into_conflict(page: Page):
    """Back online the edit is sent, refused as stale, and offered for review."""
    page.context.set_offline(False)
    item = page.get_by_test_id("outbox-item")
    expect(item).to_have_attribute("data-status", "conflict")
    expect(item).to_contain_text("Changed meanwhile: review")
    item.get_by_role("button", name="Review").click()
    conflict = page.get_by_test_id("conflict")
    expect(conflict).to_be_visible()
    # Both versions fit the phone's width side by side with the choices: nothing scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    return conflict


def test_an_offline_edit_changed_meanwhile_comes_back_as_a_conflict_and_mine_is_kept(
    page, pwa, api_server, boris
):
    contact = new_contact(api_server, boris)
    open_app(page, pwa)
    sign_in(page, pwa, "boris", "demo-coordinator-pass")

    edit_offline(page, contact, Hours="Mon-Sat 8-20 (mine)")
    change_elsewhere(api_server, contact, hours="Weekends only (office)")

    conflict = reconnect_into_conflict(page)
    hours = conflict.locator("[data-field=hours]")
    expect(hours.get_by_test_id("conflict-mine")).to_have_text("Mon-Sat 8-20 (mine)")
    expect(hours.get_by_test_id("conflict-server")).to_have_text("Weekends only (office)")
    conflict.get_by_role("button", name="Keep mine").click()

    expect(page.get_by_test_id("outbox")).to_have_count(0)
    saved = stored(api_server, boris, contact["id"])
    assert saved["hours"] == "Mon-Sat 8-20 (mine)"
    assert saved["version"] == contact["version"] + 2


def test_a_conflict_is_merged_field_by_field(page, pwa, api_server, boris):
    contact = new_contact(api_server, boris)
    open_app(page, pwa)
    sign_in(page, pwa, "boris", "demo-coordinator-pass")

    edit_offline(page, contact, Label=f"{contact['label']} (renamed)", Hours="Mornings (mine)")
    change_elsewhere(api_server, contact, label="Office name", hours="Evenings (office)")

    conflict = reconnect_into_conflict(page)
    # The label stays as boris typed it; the hours are taken from the saved version.
    conflict.locator("[data-field=hours]").get_by_role("radio", name=re.compile("Saved meanwhile")).check()
    conflict.get_by_role("button", name="Save my choices").click()

    expect(page.get_by_test_id("outbox")).to_have_count(0)
    saved = stored(api_server, boris, contact["id"])
    assert (saved["label"], saved["hours"]) == (f"{contact['label']} (renamed)", "Evenings (office)")


def test_a_contact_created_offline_is_created_once_when_the_first_answer_was_lost(
    page, pwa, api_server, boris
):
    value = f"night-desk-{uuid.uuid4().hex[:8]}@example.org"
    posts: list[str] = []

    def lose_first_answer(route):
        """The first create reaches the server, then its answer is lost on the way back."""
        request = route.request
        if request.method != "POST":
            route.continue_()
            return
        posts.append(request.headers.get("idempotency-key", ""))
        if len(posts) == 1:
            route.fetch()
            route.abort("connectionreset")
        else:
            route.continue_()

    open_app(page, pwa)
    sign_in(page, pwa, "boris", "demo-coordinator-pass")
    page.route(f"{api_server.origin}{CONTACTS}", lose_first_answer)

    open_screen(page, "More", "Workspace")
    page.get_by_role("main").get_by_role("link", name="Our contacts").first.click()
    page.get_by_role("main").get_by_role("link", name="New contact").first.click()
    page.context.set_offline(True)
    page.get_by_label("Channel").select_option("email")
    page.get_by_label("Number, handle, address or link").fill(value)
    page.get_by_label("Label", exact=True).fill("Night desk")
    page.get_by_role("group", name=re.compile("Languages spoken")).get_by_role("checkbox").first.check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_test_id("form-note")).to_have_text(
        "Saved on this device. It is sent when you are online again."
    )
    assert posts == []

    page.context.set_offline(False)
    page.get_by_role("main").get_by_role("link", name="Our contacts").click()
    page.get_by_role("main").get_by_role("link", name="Workspace").click()
    # The first send is lost, the retry after the backoff is answered from the server's record.
    expect(page.get_by_test_id("outbox")).to_have_count(0, timeout=20_000)
    assert len(posts) == 2 and posts[0] and posts[0] == posts[1]

    token, organization = boris
    found = []
    path = f"{CONTACTS}?organization={organization}&channel=email"
    while path:
        status, body = api_server.call("GET", path, token=token)
        assert status == 200, body
        found += [c for c in body["results"] if c["value"] == value]
        path = body["next"] and body["next"].removeprefix(api_server.origin)
    assert len(found) == 1


def test_an_edit_made_after_an_offline_start_survives_lock_and_restart_and_is_sent_online(
    page, pwa, api_server, boris
):
    """The workspace opens offline from what the device remembers (the memberships too); the
    waiting edit is kept encrypted through the lock and a restart, then sent once online."""
    contact = new_contact(api_server, boris)
    open_app(page, pwa)
    sign_in(page, pwa, "boris", "demo-coordinator-pass")

    page.context.set_offline(True)
    pwa.offline = True
    page.reload()
    unlock_if_locked(page)
    edit_offline(page, contact, Hours="Night shift (offline start)")

    page.get_by_test_id("lock").click()
    expect(page.get_by_test_id("unlock-screen")).to_be_visible()
    expect(page.get_by_text("Night shift")).to_have_count(0)
    page.reload()
    unlock_if_locked(page)
    open_screen(page, "More", "Workspace")
    item = page.get_by_test_id("outbox-item")
    expect(item).to_have_attribute("data-status", "waiting")
    assert [path for path in pwa.served_while_offline if path != "/sw.js"] == []

    pwa.offline = False
    page.context.set_offline(False)
    expect(page.get_by_test_id("outbox")).to_have_count(0)
    assert stored(api_server, boris, contact["id"])["hours"] == "Night shift (offline start)"


def test_a_refused_offline_edit_waits_for_review_and_signing_out_warns_it_would_be_lost(
    page, pwa, api_server, boris
):
    contact = new_contact(api_server, boris)
    open_app(page, pwa)
    sign_in(page, pwa, "boris", "demo-coordinator-pass")
    edit_offline(page, contact, **{"Number, handle, address or link": "not an address"})

    page.context.set_offline(False)
    item = page.get_by_test_id("outbox-item")
    expect(item).to_have_attribute("data-status", "invalid")
    expect(item).to_contain_text("Not accepted: review")

    # Signing out would remove the edit with the rest: the app asks first.
    open_screen(page, "More", "Account")
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("alertdialog")).to_contain_text(
        "1 edit has not been sent yet. Signing out removes it from this device"
    )
    page.get_by_role("button", name="Keep it").click()
    expect(page.get_by_test_id("signed-in")).to_be_visible()

    # The edit comes back with the server's message beside its field; corrected, it is sent.
    open_screen(page, "More", "Workspace")
    page.get_by_test_id("outbox-item").get_by_role("button", name="Review").click()
    field = page.get_by_test_id("outbox-item").get_by_label("Number, handle, address or link")
    expect(field).to_have_attribute("aria-invalid", "true")
    corrected = f"fixed-{uuid.uuid4().hex[:8]}@example.org"
    field.fill(corrected)
    page.get_by_role("button", name="Send again").click()
    expect(page.get_by_test_id("outbox")).to_have_count(0)
    assert stored(api_server, boris, contact["id"])["value"] == corrected
