"""What a seized phone gives away: the files of the browser profile, read after the app was used.

Each test runs Chromium with a profile folder of its own (a persistent context, as an
installed browser has), uses the app as a member would, closes the browser and reads every
file of that folder with `profile_scan`: raw bytes in every encoding Chromium writes, the
decompressed blocks of its LevelDB databases and Blink's compressed IndexedDB values.

The first test proves that the scanner can fail: it finds markers a page wrote into
IndexedDB and Local Storage, including those that only decompression reveals.
"""

from __future__ import annotations

import contextlib
import re
import secrets
import time
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect
from playwright.sync_api import Error as PlaywrightError

from .conftest import CHROMIUM, CHROMIUM_ARGS, origin_of
from .profile_scan import Finding, scan

pytestmark = pytest.mark.browser

CARD = "[data-testid=contact-card]"
NETWORK_CONTACT = "counselor_tbilisi.27"  # a network-only contact of the demo data, in Georgia
SEARCH_TERM = "отсрочка призыва Кутаиси"  # "deferment of call-up Kutaisi"
PIN = "4938172059"  # long enough that no unrelated bytes of a profile contain it


# ---------------------------------------------------------------------------
# A browser with a profile folder of its own
# ---------------------------------------------------------------------------
class Profile:
    """A profile folder that outlives the browser: launch, use, close, read its files."""

    def __init__(self, browser, folder: Path, allowed: set[str]):
        self.browser_type = browser.browser_type
        self.executable = CHROMIUM
        self.folder = folder
        self.allowed = allowed
        self.tokens: set[str] = set()  # every access and refresh token the API handed out
        self.context: BrowserContext | None = None

    def launch(self) -> Page:
        self.context = self.browser_type.launch_persistent_context(
            self.folder,
            executable_path=self.executable,
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 360, "height": 640},
            locale="en-US",
            service_workers="allow",
        )
        self.context.set_default_timeout(15_000)
        self.requests: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.context.on("response", self.keep_tokens)
        return self.context.pages[0] if self.context.pages else self.context.new_page()

    def keep_tokens(self, response) -> None:
        if re.search(r"/api/v1/auth/token/(refresh/)?$", response.url) and response.status == 200:
            with contextlib.suppress(PlaywrightError):  # a body gone with its page
                body = response.json()
                self.tokens.update(body[name] for name in ("access", "refresh") if body.get(name))

    def close(self) -> None:
        assert self.context is not None
        self.context.close()
        self.context = None
        foreign = [
            url
            for url in self.requests
            if not url.startswith(("data:", "blob:")) and origin_of(url) not in self.allowed
        ]
        assert foreign == [], f"requests to other origins: {foreign}"

    def findings(self, secrets: set[str]) -> list[Finding]:
        return scan(self.folder, secrets)


@pytest.fixture
def profile(browser, pwa, api_server, tmp_path):
    profile = Profile(browser, tmp_path / "profile", {pwa.origin, api_server.origin})
    yield profile
    if profile.context is not None:
        profile.context.close()


# ---------------------------------------------------------------------------
# The cast: a member with a name found nowhere else, and what the phone must not tell
# ---------------------------------------------------------------------------
def all_pages(api_server, path: str, token: str | None = None) -> list[dict]:
    results, page = [], 1
    while True:
        status, body = api_server.call("GET", f"{path}?page_size=100&page={page}", token=token)
        assert status == 200, body
        results += body["results"]
        if not body.get("next"):
            return results
        page += 1


@pytest.fixture(scope="module")
def member(api_server) -> tuple[str, str]:
    """A new member of the network office, invited and accepted through the API.

    A name such as "mila" occurs in unrelated bytes ("similar"); a random one occurs only
    where the app or the browser wrote it.
    """
    admin = api_server.login("olga", "demo-admin-pass")["access"]
    office = next(
        org
        for org in all_pages(api_server, "/api/v1/organizations/", admin)
        if org["slug"] == "network-office"
    )
    username = f"vera_{secrets.token_hex(4)}"
    password = f"pass-{secrets.token_hex(8)}"
    status, invitation = api_server.call(
        "POST",
        "/api/v1/invitations/",
        {"email": f"{username}@example.org", "organization": office["id"], "role": "member"},
        token=admin,
    )
    assert status == 201, invitation
    status, body = api_server.call(
        "POST",
        "/api/v1/invitations/accept/",
        {"token": invitation["token"], "username": username, "password": password},
    )
    assert status in (200, 201), body
    return username, password


@pytest.fixture(scope="module")
def hidden_values(api_server) -> set[str]:
    """Values of every contact point that is not public in effect (its own or its organization's
    visibility): what the admin sees and an anonymous visitor does not."""
    admin = api_server.login("olga", "demo-admin-pass")["access"]
    everything = {c["value"] for c in all_pages(api_server, "/api/v1/contact-points/", admin)}
    public = {c["value"] for c in all_pages(api_server, "/api/v1/contact-points/")}
    hidden = everything - public
    assert NETWORK_CONTACT in hidden and len(hidden) >= 10, hidden
    return hidden


# ---------------------------------------------------------------------------
# The app, as a member uses it
# ---------------------------------------------------------------------------
def until(page: Page, expression: str, timeout: float = 15) -> None:
    """Poll a JavaScript expression (the app's CSP forbids the eval that wait_for_function uses)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"timed out waiting for {expression}"
        time.sleep(0.1)


def start(page: Page, pwa) -> None:
    page.goto(pwa.origin + "/")
    until(page, "navigator.serviceWorker.controller !== null")


def synced(page: Page) -> None:
    expect(page.get_by_test_id("synced-at")).to_have_text(re.compile(r"^Updated "))


def open_screen(page: Page, *names: str) -> None:
    """Follow the app's own links (tabs, then list entries), as a person would."""
    page.get_by_role("navigation", name="Main").get_by_role("link", name=names[0]).click()
    for name in names[1:]:
        page.get_by_role("main").get_by_role("link", name=name).click()


def sign_in(page: Page, username: str, password: str) -> None:
    """Signing in asks for the PIN that will lock the app, in the same form."""
    open_screen(page, "More", "Account")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_test_id("signin-pin").fill(PIN)
    page.get_by_test_id("signin-pin2").fill(PIN)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_test_id("signed-in")).to_have_text(f"Signed in as {username}")
    synced(page)


def lock(page: Page) -> None:
    page.get_by_test_id("lock").click()
    expect(page.get_by_test_id("unlock-screen")).to_be_visible()


def unlock(page: Page) -> None:
    screen = page.get_by_test_id("unlock-screen")
    screen.get_by_test_id("unlock-pin").fill(PIN)
    screen.get_by_test_id("unlock-submit").click()
    expect(screen).to_have_count(0)


def keep_network_contact_and_search(page: Page) -> None:
    open_screen(page, "Find help")
    page.get_by_label("Country you are in").select_option("GE")
    page.get_by_label("Language you speak").select_option("ru")
    counselor = page.locator(CARD, has_text=NETWORK_CONTACT)
    more = page.get_by_test_id("show-more")
    for _ in range(40):  # other tests' contacts may push it past the first page of cards
        if counselor.count() or not more.count():
            break
        more.click()
    expect(counselor).to_be_visible()  # the network's contacts are on the phone
    counselor.get_by_test_id("keep").click()
    expect(counselor.get_by_test_id("keep")).to_have_attribute("aria-pressed", "true")
    open_screen(page, "Search")
    form = page.get_by_role("search")
    form.get_by_role("searchbox").fill(SEARCH_TERM)
    form.get_by_role("button", name="Search").click()
    expect(page.get_by_role("main")).to_contain_text(SEARCH_TERM)
    page.wait_for_load_state("networkidle")


def assert_nothing_readable(profile: Profile, secrets: set[str], moment: str) -> None:
    findings = profile.findings(secrets)
    listing = "\n".join(str(finding) for finding in findings)
    assert findings == [], f"after {moment}, the profile folder gives away:\n{listing}"


# ---------------------------------------------------------------------------
# The tests
# ---------------------------------------------------------------------------
def test_the_scanner_finds_what_a_page_left_in_indexeddb_and_local_storage(profile, pwa):
    """Markers in every form Chromium stores: small values in the LevelDB log, a key, values
    in Snappy-compressed table blocks, a large value in a compressed blob file, Local Storage."""
    page = profile.launch()
    page.goto(pwa.origin + "/icons/icon-192.png")  # a document of the app's origin that runs no app
    page.evaluate(
        """() => new Promise((resolve, reject) => {
            const open = indexedDB.open("forensics-probe", 1);
            open.onupgradeneeded = () => open.result.createObjectStore("notes");
            open.onsuccess = () => {
                const tx = open.result.transaction("notes", "readwrite");
                const notes = tx.objectStore("notes");
                notes.put({ note: "Latin marker Passierschein-A38" }, "small");
                notes.put({ note: "Кириллический маркер явка-17" }, "cyrillic");
                notes.put("in the key", "Schlüsselwort-Ostbahnhof");
                // Enough records that LevelDB writes a table file with compressed blocks,
                // where each marker's shared prefix becomes a back-reference.
                for (let i = 0; i < 9000; i++) {
                    const note = `Decknamen-${String(i).padStart(5, "0")} ` + "bergauf talab ".repeat(20);
                    notes.put({ note }, i);
                }
                // Large enough that Blink compresses it and moves it to a blob file.
                const words = Array.from({ length: 40000 }, (_, i) => `Fluchtweg-${i}`);
                notes.put({ note: words.join(" ") }, "large");
                tx.oncomplete = () => resolve(true);
                tx.onerror = () => reject(tx.error);
            };
            open.onerror = () => reject(open.error);
        })"""
    )
    page.evaluate("localStorage.setItem('probe', 'Local marker Reisepass-C19')")
    profile.close()

    markers = {
        "Passierschein-A38": "leveldb",
        "явка-17": "leveldb",
        "Schlüsselwort-Ostbahnhof": "leveldb",
        "Decknamen-00001": "leveldb",
        "Fluchtweg-39999": "indexeddb.blob",
        "Reisepass-C19": "Local Storage",
    }
    findings = profile.findings(set(markers))
    found = {finding.secret: finding for finding in findings}
    assert set(found) == set(markers), f"missed: {set(markers) - set(found)}"
    for marker, folder in markers.items():
        assert folder in found[marker].path, found[marker]
    # These two are readable only decompressed: a plain byte search misses them everywhere.
    compressed = {f.secret: f.layer for f in findings if f.secret in ("Decknamen-00001", "Fluchtweg-39999")}
    assert compressed == {"Decknamen-00001": "leveldb-table", "Fluchtweg-39999": "snappy-value"}
    assert found["явка-17"].encoding == "utf-16-le"
    assert found["Schlüsselwort-Ostbahnhof"].encoding == "utf-16-be"  # IndexedDB keys


def test_a_locked_wiped_or_travelling_phone_gives_nothing_away(profile, pwa, member, hidden_values):
    username, password = member
    page = profile.launch()
    start(page, pwa)
    synced(page)
    sign_in(page, username, password)
    keep_network_contact_and_search(page)
    lock(page)
    profile.close()
    told = hidden_values | profile.tokens | {username, password, PIN, SEARCH_TERM}
    assert profile.tokens, "no token was seen"
    assert_nothing_readable(profile, told, "locking and closing the browser")

    # Unlocked again, the member wipes the device.
    page = profile.launch()
    start(page, pwa)
    unlock(page)
    open_screen(page, "More", "Settings and safety")
    page.get_by_test_id("wipe").click()
    page.get_by_test_id("wipe-confirm").click()
    page.wait_for_url(lambda url: url != pwa.origin + "/")  # it leaves for the neutral page
    profile.close()
    assert_nothing_readable(profile, told, "wiping the device")

    # A member signs in again, then switches on travel mode before a border.
    page = profile.launch()
    start(page, pwa)
    synced(page)
    sign_in(page, username, password)
    keep_network_contact_and_search(page)
    open_screen(page, "More", "Settings and safety")
    page.get_by_test_id("travel-mode").click()
    expect(page.get_by_test_id("travel-result")).to_contain_text("Removed")
    profile.close()
    told |= profile.tokens
    assert_nothing_readable(profile, told, "travel mode")
