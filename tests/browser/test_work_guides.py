"""Writing guides and inviting colleagues on a phone.

Boris coordinates the "NO means NO" project: he writes a guide in Markdown, previews it as
the server renders it (a script in the Markdown stays text), saves the draft, submits it for
review, adds a translation, and invites a colleague, whose one-time link is shown once. Mila
is a member (not a coordinator) of the network office: she sees her organization's guides
and no control to change them. Every title and address is unique to the run; the guides are
restricted to Boris's organization, so no other test sees them.
"""

# ruff: noqa: RUF001 (the translation is written in Russian)

import re
import uuid

import pytest
from playwright.sync_api import Page, expect

from .conftest import phone_context
from .test_pwa import open_app, open_screen, sign_in

pytestmark = pytest.mark.browser

COORDINATOR = "demo-coordinator-pass"
MEMBER = "demo-member-pass"
BODY = (
    "# Before you leave\n\n"
    "<script>window.pwned = 1</script>\n\n"
    "**Bring** your call-up papers. [Not a link](javascript:window.pwned=2)"
)


def fits_the_phone(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def guide_item(page: Page, title: str):
    return page.get_by_test_id("work-guide").filter(has_text=title)


def write_guide(page: Page, *, language: str, title: str, body: str) -> None:
    form = page.get_by_test_id("guide-form")
    form.get_by_label("Language").select_option(language)
    form.get_by_label("Title").fill(title)
    form.get_by_label("Summary").fill("What to take before you go (example data).")
    form.get_by_label("Text (Markdown)").fill(body)
    form.get_by_label("Who may read it").select_option("restricted")


def test_a_coordinator_writes_previews_submits_and_translates_a_guide(browser, pwa, api_server):
    run = uuid.uuid4().hex[:8]
    title, translation = f"Leaving checklist {run}", f"Чек-лист отъезда {run}"
    with phone_context(browser, pwa.origin, api_server.origin) as context:
        page = context.new_page()
        open_app(page, pwa)
        sign_in(page, pwa, "boris", COORDINATOR)
        open_screen(page, "More", "Workspace", "Guides we write")
        expect(page.get_by_role("heading", level=1)).to_have_text("My organization's guides")
        page.get_by_role("link", name="New guide").click()

        write_guide(page, language="en", title=title, body=BODY)
        page.get_by_role("checkbox", name="Asylum").check()
        page.get_by_role("button", name="Preview").click()
        preview = page.get_by_test_id("guide-preview")
        expect(preview.get_by_role("heading", name="Before you leave")).to_be_visible()
        expect(preview.locator("strong")).to_have_text("Bring")
        # The script is shown as text, never run; the javascript: link is no link.
        expect(preview).to_contain_text("<script>window.pwned = 1</script>")
        assert preview.locator("script").count() == 0
        assert preview.locator("a").count() == 0
        assert page.evaluate("window.pwned") is None
        fits_the_phone(page)

        page.get_by_role("button", name="Save draft").click()
        expect(page.get_by_role("heading", level=1, name="Edit guide")).to_be_visible()
        expect(page.get_by_test_id("guide-status")).to_have_text("Draft")
        expect(page.get_by_label("Title")).to_have_value(title)

        page.get_by_role("button", name="Submit for review").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("My organization's guides")
        expect(guide_item(page, title).get_by_test_id("guide-status")).to_have_text("In review")
        # In review, it is no longer edited in place.
        expect(guide_item(page, title).get_by_role("link", name="Edit")).to_have_count(0)
        fits_the_phone(page)

        guide_item(page, title).get_by_role("link", name="Add a translation").click()
        expect(page.get_by_role("heading", level=1, name=f"Translation of “{title}”")).to_be_visible()
        form = page.get_by_test_id("guide-form")
        # The original's language is not offered again.
        assert form.get_by_label("Language").locator("option[value=en]").count() == 0
        write_guide(page, language="ru", title=translation, body="# Перед отъездом\n\nВозьмите документы.")
        page.get_by_role("button", name="Save draft").click()
        expect(page.get_by_test_id("guide-status")).to_have_text("Draft")

        page.get_by_role("link", name="My organization's guides").click()
        expect(guide_item(page, translation).get_by_test_id("guide-status")).to_have_text("Draft")
        expect(guide_item(page, title).get_by_test_id("guide-status")).to_have_text("In review")

        # On the server, the translation is one of the guide's languages.
        token = api_server.login("boris", COORDINATOR)["access"]
        status, found = api_server.call(
            "GET", f"/api/v1/documents/?q={run}&organization_slug=no-means-no", token=token
        )
        assert status == 200
        by_title = {item["title"]: item for item in found["results"]}
        assert by_title[title]["translation_group"] == by_title[translation]["translation_group"]
        assert by_title[title]["status"] == "in_review" and by_title[translation]["status"] == "draft"

        # The office publishes it; Boris revises the published guide: it is a draft again.
        admin = api_server.login("olga", "demo-admin-pass")["access"]
        status, _ = api_server.call(
            "POST", f"/api/v1/documents/{by_title[title]['id']}/publish/", token=admin
        )
        assert status == 200
        open_screen(page, "More", "Workspace", "Guides we write")
        expect(guide_item(page, title).get_by_test_id("guide-status")).to_have_text("Published")
        guide_item(page, title).get_by_role("button", name="Revise").click()
        expect(guide_item(page, title).get_by_test_id("guide-status")).to_have_text("Draft")
        guide_item(page, title).get_by_role("link", name="Edit").click()
        expect(page.get_by_label("Text (Markdown)")).to_have_value(BODY)

        # The revision is saved beside the published guide: the workspace shows it, readers keep version 1.
        page.get_by_label("Text (Markdown)").fill("## Before you leave\n\nRevised advice.")
        page.get_by_role("button", name="Save draft").click()
        expect(page.get_by_text("Saved as a draft.")).to_be_visible()
        expect(page.get_by_test_id("guide-status")).to_have_text("Draft")
        expect(page.get_by_label("Text (Markdown)")).to_have_value("## Before you leave\n\nRevised advice.")
        status, shown = api_server.call("GET", f"/api/v1/documents/{by_title[title]['id']}/", token=admin)
        assert status == 200
        assert (shown["status"], shown["body"]) == ("published", BODY)
        assert shown["revision"]["body"] == "## Before you leave\n\nRevised advice."


def test_an_invitation_link_is_shown_once_and_the_invitation_can_be_revoked(browser, pwa, api_server):
    run = uuid.uuid4().hex[:8]
    # A long address, as partners' often are: it wraps instead of widening the phone's screen.
    email = f"colleague.{run}.of.a.partner.organization@counselling.example.org"
    with phone_context(browser, pwa.origin, api_server.origin) as context:
        page = context.new_page()
        open_app(page, pwa)
        sign_in(page, pwa, "boris", COORDINATOR)
        open_screen(page, "More", "Workspace", "Invite a colleague")
        form = page.get_by_test_id("invite-form")
        form.get_by_label("E-mail").fill(email)
        form.get_by_label("Role").select_option("member")
        expect(form.get_by_label("Language of the invitation")).to_have_value("en")  # the app's
        form.get_by_label("Language of the invitation").select_option("de")
        page.get_by_role("button", name="Create invitation").click()

        created = page.get_by_test_id("invite-created")
        expect(created).to_contain_text(email)
        expect(created.get_by_role("heading")).to_be_focused()  # where the link is, not the page's top
        link = page.get_by_test_id("invite-link").input_value()
        assert re.fullmatch(re.escape(pwa.origin) + r"/#join=[A-Za-z0-9_%-]+", link), link
        expect(page.get_by_test_id("pending-invitation").filter(has_text=email)).to_have_count(1)
        fits_the_phone(page)

        # Leaving the screen forgets the link: coming back shows the form and the pending list only.
        open_screen(page, "More", "Workspace", "Invite a colleague")
        expect(page.get_by_test_id("invite-form")).to_be_visible()
        expect(page.get_by_test_id("invite-created")).to_have_count(0)
        assert link.split("#join=")[1] not in page.content()
        pending = page.get_by_test_id("pending-invitation").filter(has_text=email)
        expect(pending).to_have_count(1)
        admin = api_server.login("boris", COORDINATOR)["access"]
        status, listed = api_server.call("GET", f"/api/v1/invitations/?email={email}", token=admin)
        assert status == 200, listed
        assert [i["language"] for i in listed["results"]] == ["de"]

        # The e-mail can be sent again (from the job queue; the link e-mailed before stops working).
        pending.get_by_role("button", name="Send the e-mail again").click()
        expect(page.get_by_text("A new e-mail is on its way")).to_be_visible()

        page.once("dialog", lambda dialog: dialog.accept())
        pending.get_by_role("button", name="Revoke").click()
        expect(page.get_by_text("The invitation was revoked.")).to_be_visible()
        expect(page.get_by_test_id("pending-invitation").filter(has_text=email)).to_have_count(0)


def test_a_member_sees_the_guides_without_edit_controls(browser, pwa, api_server):
    with phone_context(browser, pwa.origin, api_server.origin) as context:
        page = context.new_page()
        open_app(page, pwa)
        sign_in(page, pwa, "mila", MEMBER)
        open_screen(page, "More", "Workspace")
        expect(page.get_by_role("main").get_by_role("link", name="Invite a colleague")).to_have_count(0)
        page.get_by_role("main").get_by_role("link", name="Guides we write").click()
        expect(page.get_by_test_id("work-guide").first).to_be_visible()
        main = page.get_by_role("main")
        expect(main.get_by_role("link", name="New guide")).to_have_count(0)
        for name in ("Edit", "Add a translation"):
            expect(main.get_by_role("link", name=name)).to_have_count(0)
        for name in ("Submit for review", "Revise", "Back to draft"):
            expect(main.get_by_role("button", name=name)).to_have_count(0)
        fits_the_phone(page)


def test_the_invitation_link_opens_the_app_to_join_and_leaves_no_address(browser, pwa, api_server):
    run = uuid.uuid4().hex[:8]
    token = api_server.login("boris", COORDINATOR)["access"]
    status, me = api_server.call("GET", "/api/v1/me/", token=token)
    organization = me["memberships"][0]["organization"]
    status, invitation = api_server.call(
        "POST",
        "/api/v1/invitations/",
        {"organization": organization, "email": f"new-{run}@example.org", "role": "member"},
        token=token,
    )
    assert status == 201, invitation
    with phone_context(browser, pwa.origin, api_server.origin) as context:
        page = context.new_page()
        page.goto(f"{pwa.origin}/#join={invitation['token']}")
        expect(page.get_by_role("heading", level=1)).to_have_text("Join an organization")
        assert page.evaluate("location.href") == f"{pwa.origin}/"  # the token left the address bar
        form = page.get_by_test_id("join-form")
        form.get_by_label("Username").fill(f"colleague{run}")
        form.get_by_label("Password").fill("short")
        page.get_by_role("button", name="Join").click()
        # The server's message, beside its field.
        expect(form.get_by_label("Password")).to_have_attribute("aria-invalid", "true")
        expect(form).to_contain_text("too short")
        form.get_by_label("Password").fill(f"a-long-passphrase-{run}")
        page.get_by_role("button", name="Join").click()
        expect(page.get_by_test_id("joined")).to_contain_text(
            f"colleague{run} is now in {me['memberships'][0]['organization_name']}"
        )
        fits_the_phone(page)
    # The link worked once.
    status, _ = api_server.call(
        "POST",
        "/api/v1/invitations/accept/",
        {"token": invitation["token"], "username": f"x{run}", "password": f"another-pass-{run}"},
    )
    assert status == 400
