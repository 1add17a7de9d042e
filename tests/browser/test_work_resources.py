"""Sharing resources on a phone: an offer, a matching request, a response, its acceptance and thread.

Nino coordinates the counseling center in Georgia, Boris the "NO means NO" project; each
works in a browser context of their own on a 360x640 screen. Mila is a member (not a
coordinator) of the network office: she reads, and is offered nothing to change.
Every title is unique to the run, so the demo's own resources are neither relied on nor touched.
"""

import re
import uuid

import pytest
from playwright.sync_api import Page, expect

from .conftest import phone_context
from .test_pwa import open_app, open_screen, sign_in, unlock_if_locked, visit

pytestmark = pytest.mark.browser

COORDINATOR = "demo-coordinator-pass"
MEMBER = "demo-member-pass"


def badge(page: Page) -> int:
    """The unread count on the navigation, once it is shown."""
    found = page.get_by_test_id("unread-badge")
    expect(found).to_be_visible()
    return int(re.match(r"\d+", found.inner_text()).group())


def expect_badge(page: Page, count: int) -> None:
    """The unread count on the navigation is `count` (no badge at all for nothing unread)."""
    found = page.get_by_test_id("unread-badge")
    if count:
        expect(found).to_have_text(re.compile(f"^{count}\\b"))
    else:
        expect(found).to_have_count(0)


def reopen(page: Page, pwa) -> None:
    """Load the app anew (as a person coming back to it): unlock, sync, the badge counted afresh."""
    visit(page, pwa, "/")
    unlock_if_locked(page)
    expect(page.get_by_test_id("synced-at")).to_have_text(re.compile(r"^Updated "))


def create_resource(page: Page, *, kind: str, title: str, capacity: str) -> None:
    open_screen(page, "More", "Resources", "New offer or request")
    form = page.get_by_test_id("resource-form")
    form.get_by_label("Offer or request").select_option(label=kind)
    form.get_by_label("Category").select_option(label="Legal aid")
    form.get_by_label("Title").fill(title)
    form.get_by_role("group", name="Countries").get_by_role("checkbox", name="Georgia", exact=True).check()
    form.get_by_role("group", name="Languages").get_by_role("checkbox", name="Russian", exact=True).check()
    form.get_by_label("Capacity: what and how much").fill(capacity)
    form.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_test_id("resource-status")).to_have_text("Open")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_an_offer_and_a_matching_request_meet_are_answered_accepted_and_discussed(browser, pwa, api_server):
    run = uuid.uuid4().hex[:8]
    offer, request = f"Asylum appeal counseling {run}", f"Help with an asylum appeal {run}"
    origins = (pwa.origin, api_server.origin)
    with phone_context(browser, *origins) as nino_context, phone_context(browser, *origins) as boris_context:
        nino, boris = nino_context.new_page(), boris_context.new_page()
        open_app(nino, pwa)
        sign_in(nino, pwa, "nino", COORDINATOR)
        create_resource(nino, kind="Offer", title=offer, capacity="Three consultations a week")
        # Her own: she may change it (on the version she saw).
        nino.get_by_role("link", name="Edit").click()
        nino.get_by_label("Capacity: what and how much").fill("Four consultations a week")
        nino.get_by_role("button", name="Save").click()
        expect(nino.get_by_test_id("resource")).to_contain_text("Four consultations a week")

        open_app(boris, pwa)
        sign_in(boris, pwa, "boris", COORDINATOR)
        create_resource(boris, kind="Request", title=request, capacity="One appeal in Tbilisi")
        # Boris's request fits Nino's offer: same category, a shared country and language.
        boris.get_by_test_id("matches").get_by_role("link", name=re.compile(re.escape(offer))).click()
        expect(boris.get_by_role("heading", level=1)).to_have_text(offer)
        expect(boris.get_by_role("link", name="Edit")).to_have_count(0)
        respond = boris.get_by_test_id("respond")
        respond.get_by_label("Message").fill("We have a client who needs exactly this.")
        respond.get_by_role("button", name="Send response").click()
        expect(boris.get_by_test_id("response-status")).to_have_text("Awaiting decision")

        # Nino's inbox: the match and the response, counted on the navigation.
        reopen(nino, pwa)
        unread = badge(nino)
        assert unread >= 2
        open_screen(nino, "More", "Inbox")
        inbox = nino.get_by_test_id("inbox")
        expect(inbox.get_by_text(re.compile(f"fits your “{re.escape(offer)}”"))).to_be_visible()
        assert nino.evaluate("document.documentElement.scrollWidth") <= 360
        inbox.get_by_role("link", name=re.compile(f"responded to “{re.escape(offer)}”")).click()
        expect(nino.get_by_role("heading", level=1)).to_contain_text("NO means NO")
        expect_badge(nino, unread - 1)
        nino.get_by_role("button", name="Accept").click()
        expect(nino.get_by_test_id("response-status")).to_have_text("Accepted")
        assert nino.evaluate("document.documentElement.scrollWidth") <= 360

        # Boris learns of it in his inbox, and they talk in the response's thread.
        reopen(boris, pwa)
        before = badge(boris)
        assert before >= 1
        open_screen(boris, "More", "Inbox")
        boris.get_by_test_id("inbox").get_by_role(
            "link", name=re.compile(f"accepted your response to “{re.escape(offer)}”")
        ).click()
        expect(boris.get_by_test_id("response-status")).to_have_text("Accepted")
        expect_badge(boris, before - 1)
        boris.get_by_role("textbox", name=re.compile("^Message")).fill("Thank you. When can our lawyer call?")
        boris.get_by_role("button", name="Send message").click()
        expect(boris.get_by_test_id("thread")).to_contain_text("When can our lawyer call?")

        reopen(nino, pwa)
        open_screen(nino, "More", "Inbox")
        nino.get_by_test_id("inbox").get_by_role("link", name=re.compile("New message from")).first.click()
        expect(nino.get_by_test_id("thread")).to_contain_text("When can our lawyer call?")
        nino.get_by_role("textbox", name=re.compile("^Message")).fill("Tomorrow at ten, Tbilisi time.")
        nino.get_by_role("button", name="Send message").click()
        expect(nino.get_by_test_id("thread")).to_contain_text("Tomorrow at ten")
        assert nino.evaluate("document.documentElement.scrollWidth") <= 360

        # Boris closes his request: it is answered.
        open_screen(boris, "More", "Resources")
        boris.get_by_role("main").get_by_role("link", name=re.compile(re.escape(request))).click()
        boris.once("dialog", lambda dialog: dialog.accept())
        boris.get_by_role("button", name="Withdraw").click()
        expect(boris.get_by_test_id("resource-status")).to_have_text("Withdrawn")

        # In Russian the statuses are words too: the offer is in progress, the response accepted.
        open_screen(boris, "More", "Settings and safety")
        boris.get_by_label("Language", exact=True).select_option(label="Русский")
        boris.get_by_role("navigation").get_by_role("link", name="Ещё").click()
        boris.get_by_role("main").get_by_role("link", name="Ресурсы").click()
        boris.get_by_role("main").get_by_role("link", name=re.compile(re.escape(offer))).click()
        expect(boris.get_by_test_id("resource-status")).to_have_text("В работе")  # noqa: RUF001 (Russian, as the UI shows it)
        expect(boris.get_by_test_id("responses")).to_contain_text("Принят")
        expect(boris.locator("#main")).not_to_contain_text("in_progress")


def offer_by_nino(api_server, title: str) -> dict:
    """A translation offer of Nino's organization, made through the API."""
    token = api_server.login("nino", COORDINATOR)["access"]
    status, created = api_server.call(
        "POST",
        "/api/v1/resources/",
        {
            "kind": "offer",
            "category": "translation",
            "organization": own_organization(api_server, token),
            "title": title,
            "countries": ["GE"],
            "languages": ["ru"],
            "capacity": "Twenty pages",
            "visibility": "network",
        },
        token=token,
    )
    assert status == 201, created
    return created


def respond_as(api_server, username: str, resource: dict, message: str) -> None:
    token = api_server.login(username, COORDINATOR)["access"]
    organization = own_organization(api_server, token)
    body = {"resource": resource["id"], "organization": organization, "message": message}
    status, created = api_server.call("POST", "/api/v1/responses/", body, token=token)
    assert status == 201, created


def open_resource(page: Page, title: str) -> None:
    open_screen(page, "More", "Resources")
    page.get_by_role("main").get_by_role("link", name=re.compile(re.escape(title))).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def test_the_owner_declines_one_response_and_a_responder_withdraws_another(browser, pwa, api_server):
    title = f"Sworn translation {uuid.uuid4().hex[:8]}"
    offer = offer_by_nino(api_server, title)
    respond_as(api_server, "alice", offer, "The office can send two documents.")
    respond_as(api_server, "boris", offer, "We need a Belarusian court ruling translated.")
    origins = (pwa.origin, api_server.origin)
    with phone_context(browser, *origins) as nino_context, phone_context(browser, *origins) as boris_context:
        nino, boris = nino_context.new_page(), boris_context.new_page()
        open_app(nino, pwa)
        sign_in(nino, pwa, "nino", COORDINATOR)
        open_resource(nino, title)
        responses = nino.get_by_test_id("responses")
        expect(responses.get_by_role("listitem")).to_have_count(2)
        responses.get_by_role("link", name=re.compile("two documents")).click()
        nino.get_by_label("Note (optional)").fill("No capacity left this month.")
        nino.get_by_role("button", name="Decline").click()
        expect(nino.get_by_test_id("response-status")).to_have_text("Declined")
        expect(nino.get_by_test_id("response")).to_contain_text("No capacity left this month.")
        expect(nino.get_by_role("button", name="Accept")).to_have_count(0)

        # A responder sees only their own response, and may withdraw it but not decide on it.
        open_app(boris, pwa)
        sign_in(boris, pwa, "boris", COORDINATOR)
        open_resource(boris, title)
        responses = boris.get_by_test_id("responses")
        expect(responses.get_by_role("listitem")).to_have_count(1)
        responses.get_by_role("link").click()
        expect(boris.get_by_role("button", name="Accept")).to_have_count(0)
        boris.get_by_role("button", name="Withdraw our response").click()
        expect(boris.get_by_test_id("response-status")).to_have_text("Withdrawn")

        # Nino's overview: her offer among her organization's, both responses received, with their states.
        open_screen(nino, "More", "Workspace", "Resources: offers and requests")
        expect(nino.get_by_test_id("our-resources")).to_contain_text(title)
        received = nino.get_by_test_id("responses-received").get_by_role("listitem").filter(has_text=title)
        expect(received).to_have_count(2)
        expect(received.filter(has_text="Declined")).to_have_count(1)
        expect(received.filter(has_text="Withdrawn")).to_have_count(1)
        assert nino.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_member_reads_resources_and_responses_but_is_offered_nothing_to_change(page, pwa, api_server):
    title = f"Translation of court papers {uuid.uuid4().hex[:8]}"
    offer_by_nino(api_server, title)
    open_app(page, pwa)
    sign_in(page, pwa, "mila", MEMBER)
    open_resource(page, title)
    expect(page.get_by_role("link", name="New offer or request")).to_have_count(0)
    expect(page.get_by_test_id("resource-status")).to_have_text("Open")
    main = page.locator("#main")
    for control in ("Edit", "Withdraw", "Mark fulfilled", "Send response"):
        expect(main.get_by_role("button", name=control)).to_have_count(0)
        expect(main.get_by_role("link", name=control)).to_have_count(0)
    expect(page.get_by_test_id("respond")).to_have_count(0)

    # Offline the resource is still there (it is synced); its responses and matches need a connection.
    page.context.set_offline(True)
    expect(page.get_by_test_id("resource")).to_contain_text("Twenty pages")
    expect(page.get_by_text("This needs a connection").first).to_be_visible()
    page.context.set_offline(False)


def own_organization(api_server, token: str) -> int:
    status, me = api_server.call("GET", "/api/v1/me/", token=token)
    assert status == 200, me
    return me["memberships"][0]["organization"]


def test_a_request_made_offline_waits_on_the_device_and_is_shared_once_online(page, pwa, api_server):
    title = f"Transport to Vilnius {uuid.uuid4().hex[:8]}"
    open_app(page, pwa)
    sign_in(page, pwa, "boris", COORDINATOR)
    open_screen(page, "More", "Resources", "New offer or request")
    page.context.set_offline(True)
    form = page.get_by_test_id("resource-form")
    form.get_by_label("Offer or request").select_option(label="Request")
    form.get_by_label("Category").select_option(label="Transport")
    form.get_by_label("Title").fill(title)
    form.get_by_label("Capacity: what and how much").fill("One person, one way")
    # Beyond the countries the network works in, any other is one choice away.
    form.get_by_label("Add another country").select_option(label="Poland")
    expect(form.get_by_role("group", name="Countries").get_by_role("checkbox", name="Poland")).to_be_checked()
    form.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("queued")).to_contain_text("Kept on this device")
    expect(page.get_by_test_id("resource-form")).to_have_count(0)

    page.get_by_role("link", name="See the edits waiting to be sent").click()
    expect(page.get_by_test_id("outbox")).to_contain_text(title)
    page.context.set_offline(False)
    expect(page.get_by_test_id("outbox")).to_have_count(0, timeout=20_000)
    open_resource(page, title)
    expect(page.get_by_test_id("resource-status")).to_have_text("Open")
    expect(page.get_by_test_id("resource")).to_contain_text("Poland")
