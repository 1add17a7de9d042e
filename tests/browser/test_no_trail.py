"""What the browser itself keeps of a visit: addresses, titles, history entries, exits, downloads.

A phone inspected at a border shows its browser history and session files. These tests
drive the app as a person would and then read what Chromium recorded: every address and
title of the tab's history (through the DevTools protocol), each entry's state, the links a
long press would reveal. They also cover leaving: the neutral page the app ships, offline
too, and the warning before a vCard goes to Downloads.
"""

import json
import re
import shutil
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import Page, expect

from .test_pwa import CARD, find_help, open_app, open_screen, search, until

pytestmark = pytest.mark.browser

NETWORK_CONTACT = "counselor_tbilisi.27"
SEARCH_TERM = "Tbilisi"
NEUTRAL = "/recipe.html"


def history_entries(page: Page) -> list[dict]:
    """Every entry of the tab's session history as Chromium keeps it: address and title."""
    cdp = page.context.new_cdp_session(page)
    try:
        return cdp.send("Page.getNavigationHistory")["entries"]
    finally:
        cdp.detach()


def assert_no_trail(page: Page, pwa, app_name: str) -> None:
    """The address is "/", the title is the app's name, and history states hold one number."""
    assert page.url == pwa.origin + "/"
    assert page.title() == app_name
    state = page.evaluate("history.state")
    assert set(state) == {"wp"} and isinstance(state["wp"], int), state
    for entry in history_entries(page):
        if entry["url"].startswith(pwa.origin):
            assert entry["url"] == pwa.origin + "/", entry
            assert entry["title"] == app_name, entry
    # A long press or "open in new tab" reveals only "/": in-app links carry no screen or id.
    in_app = page.eval_on_selector_all(
        "a[href]",
        """(links) => links
            .map((a) => a.getAttribute("href"))
            .filter((href) => href.startsWith("/") || href.startsWith(location.origin))""",
    )
    assert in_app and set(in_app) == {"/"}, in_app


def fetch(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read().decode()


def test_no_search_term_filter_or_id_reaches_an_address_a_title_or_the_history(page, pwa):
    open_app(page, pwa)
    app_name = page.title()
    assert app_name  # the configured name, from index.html

    find_help(page, country="GE", language="ru")
    expect(page.locator(CARD, has_text="Reception of the counseling center")).to_be_visible()
    assert_no_trail(page, pwa, app_name)
    # Chromium saves the state of form fields that allow autocomplete into its session files.
    for field in ("Country you are in", "Language you speak", "What you need"):
        expect(page.get_by_label(field)).to_have_attribute("autocomplete", "off")

    # A contact's organization, a search, its result, a guide, a country profile.
    page.locator(CARD).first.get_by_role("link").first.click()
    expect(page.locator("article h1")).to_be_visible()
    assert_no_trail(page, pwa, app_name)
    search(page, SEARCH_TERM)
    expect(page.get_by_test_id("search-results")).to_contain_text(SEARCH_TERM)
    expect(page.get_by_role("searchbox")).to_have_attribute("autocomplete", "off")
    assert_no_trail(page, pwa, app_name)
    page.get_by_test_id("search-results").get_by_role("link").first.click()
    expect(page.locator("h1").first).not_to_have_text("Search")
    assert_no_trail(page, pwa, app_name)
    open_screen(page, "Guides")
    page.locator("ul.list a").first.click()
    guide_title = page.locator("article h1").inner_text()
    assert_no_trail(page, pwa, app_name)
    open_screen(page, "Countries")
    page.locator("ul.list a", has_text="Georgia").click()
    expect(page.locator("article h1")).to_have_text("Georgia")
    assert_no_trail(page, pwa, app_name)

    # Back and Forward still work within the session, from memory.
    page.go_back()
    expect(page.locator("main h1")).to_have_text("Country profiles")
    page.go_back()
    expect(page.locator("article h1")).to_have_text(guide_title)
    page.go_forward()
    expect(page.locator("main h1")).to_have_text("Country profiles")
    assert_no_trail(page, pwa, app_name)

    # Nothing of the screen names reached the browser's own record either.
    recorded = " ".join(f"{entry['url']} {entry['title']}" for entry in history_entries(page))
    for secret in (SEARCH_TERM, "GE", "guides", "countries", "organizations", "search", "?"):
        assert secret not in recorded.replace(pwa.origin, ""), (secret, recorded)

    # Links that leave the app keep their real addresses.
    find_help(page, country="DE")
    hrefs = page.eval_on_selector_all(f"{CARD} a[href]", "(links) => links.map((a) => a.href)")
    assert any(href.startswith("tel:+49") for href in hrefs), hrefs

    # After a reload the app starts at home, with nothing remembered.
    page.wait_for_load_state("networkidle")
    page.reload()
    expect(page.get_by_label("Country you are in")).to_have_value("")
    assert_no_trail(page, pwa, app_name)


def test_the_title_is_the_name_a_deployer_gave_the_app_and_never_changes(page, pwa, tmp_path):
    deploy = tmp_path / "dist"
    shutil.copytree(pwa.root, deploy)
    manifest = json.loads((deploy / "manifest.webmanifest").read_text())
    (deploy / "manifest.webmanifest").write_text(
        json.dumps({**manifest, "name": "Notes", "short_name": "Notes"})
    )
    pwa.root = deploy

    open_app(page, pwa)
    expect(page).to_have_title("Notes")
    open_screen(page, "Guides")
    page.locator("ul.list a").first.click()
    search(page, SEARCH_TERM)
    assert_no_trail(page, pwa, "Notes")


def test_an_old_address_with_a_search_in_it_opens_home_and_is_replaced_by_slash(page, pwa):
    open_app(page, pwa)
    page.goto(pwa.origin + "/search?q=desertion")
    expect(page.get_by_role("heading", name="Find help")).to_be_visible()
    assert page.url == pwa.origin + "/"


def test_robots_are_asked_to_stay_away_from_every_page(page, pwa):
    status, content_type, body = fetch(pwa.origin + "/robots.txt")
    assert status == 200
    assert content_type.startswith("text/plain")
    assert body.split() == ["User-agent:", "*", "Disallow:", "/"]
    # A missing file is not the app under another name.
    status, _, body = fetch(pwa.origin + "/no-such-file.txt")
    assert status == 404 and 'id="app"' not in body

    open_app(page, pwa)
    expect(page.locator("meta[name=robots]")).to_have_attribute("content", "noindex, nofollow")
    page.goto(pwa.origin + NEUTRAL)
    expect(page.locator("meta[name=robots]")).to_have_attribute("content", "noindex, nofollow")


def test_quick_exit_offline_lands_on_the_neutral_page_the_app_ships(page, pwa):
    open_app(page, pwa)
    page.wait_for_load_state("networkidle")
    page.context.set_offline(True)
    pwa.offline = True
    page.get_by_test_id("quick-exit").click()
    page.wait_for_url(pwa.origin + NEUTRAL)
    expect(page.get_by_role("heading", level=1)).to_have_text("Red lentil soup")
    assert page.title() == "Red lentil soup"
    text = page.locator("body").inner_text()
    assert "Waypoint" not in text and "exit" not in text.lower()
    # It came from the service worker's cache, and loads nothing from anywhere.
    assert [path for path in pwa.served_while_offline if path != "/sw.js"] == []


def test_a_wipe_offline_still_lands_on_the_neutral_page(page, pwa):
    open_app(page, pwa)
    open_screen(page, "More", "Settings and safety")
    page.wait_for_load_state("networkidle")
    page.context.set_offline(True)
    pwa.offline = True
    page.get_by_test_id("wipe").click()
    page.get_by_test_id("wipe-confirm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Red lentil soup")
    until(page, f"location.pathname === {NEUTRAL!r}")
    assert page.title() == "Red lentil soup"
    left = """async () => ({
        caches: await caches.keys(),
        workers: (await navigator.serviceWorker.getRegistrations()).length,
        databases: (await indexedDB.databases()).map((d) => d.name),
        localStorage: localStorage.length,
    })"""
    assert page.evaluate(left) == {"caches": [], "workers": 0, "databases": [], "localStorage": 0}

    # Back online, the real page replaces the shown copy; nothing of the app woke up meanwhile.
    pwa.offline = False
    with page.expect_navigation():
        page.context.set_offline(False)
    expect(page.get_by_role("heading", level=1)).to_have_text("Red lentil soup")
    page.wait_for_load_state("networkidle")
    assert page.evaluate(left) == {"caches": [], "workers": 0, "databases": [], "localStorage": 0}


def test_a_vcard_is_saved_only_after_the_user_is_told_it_stays_in_downloads(page, pwa):
    open_app(page, pwa)
    card = page.locator(CARD).first
    card.get_by_test_id("vcard").click()
    warning = card.get_by_role("alertdialog")
    expect(warning).to_contain_text("stays there")
    warning.get_by_role("button", name="Cancel").click()
    expect(warning).to_have_count(0)

    card.get_by_test_id("vcard").click()
    with page.expect_download() as download:
        card.get_by_test_id("save-anyway").click()
    assert re.fullmatch(r"contact-\d+\.vcf", download.value.suggested_filename)
    expect(warning).to_have_count(0)


def upload_attachment(api_server, token: str, document_id: int, name: str, content: bytes) -> None:
    boundary = "----waypoint-test-boundary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            f"Content-Type: text/plain\r\n\r\n"
        ).encode()
        + content
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(
        f"{api_server.origin}/api/v1/documents/{document_id}/attachments/",
        method="POST",
        data=body,
        headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Authorization": f"Bearer {token}",
        },
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 201


def test_a_guide_attachment_is_saved_only_after_the_same_warning(page, pwa, api_server):
    admin = api_server.login("olga", "demo-admin-pass")["access"]
    status, found = api_server.call(
        "GET", "/api/v1/documents/?language=en&visibility=public&status=published", token=admin
    )
    assert status == 200 and found["results"], found
    guide = found["results"][0]
    upload_attachment(api_server, admin, guide["id"], "packing-list.txt", b"Bring your documents.\n")

    open_app(page, pwa)
    open_screen(page, "Guides")
    page.locator("ul.list a", has_text=guide["title"]).click()
    item = page.get_by_role("listitem").filter(has_text="packing-list.txt")
    item.get_by_role("button", name="Download").click()
    warning = item.get_by_role("alertdialog")
    expect(warning).to_contain_text("stays there")
    warning.get_by_role("button", name="Cancel").click()
    expect(warning).to_have_count(0)

    item.get_by_role("button", name="Download").click()
    with page.expect_download() as download:
        item.get_by_test_id("save-anyway").click()
    assert download.value.suggested_filename == "packing-list.txt"
