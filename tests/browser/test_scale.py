"""The app at the size of a real network: the demo data plus a generated network of 20,000
contact points of 2,000 organizations (`backend/core/generated.py`), on its own API.

Structure, not timings (those are in bench_app.py): the DOM stays within its node budget
on the long screens, the counts shown are exactly what the viewer may see (audience.py reads
it from the database with the API's visibility rule), and a first visit shows contacts while
the snapshot is still paging in, saying it is loading and never that there are no contacts.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import app_on_own_api, fill_sign_in, phone_context

pytestmark = pytest.mark.browser

CONTACTS = 20_000
ORGANIZATIONS = 2_000
NODE_BUDGET = 3_000
MEMBER = ("mila", "demo-member-pass")
PIN = "246810"
CARD = "[data-testid=contact-card]"
COUNT = "[data-testid=result-count]"
NO_CONTACTS = "No contacts on this device yet"
NODES = "document.getElementsByTagName('*').length"


@pytest.fixture(scope="module")
def large():
    """The API over the large network and the built app pointing to it, for this module."""
    with app_on_own_api(contacts=CONTACTS, organizations=ORGANIZATIONS) as served:
        yield served


def audience(env: dict, username: str, *countries: str) -> dict:
    """What `username` (empty: anonymous) may see, from the database (audience.py), apart from the app."""
    script = str(Path(__file__).with_name("audience.py"))
    done = subprocess.run(
        [sys.executable, script, username, *countries], env=env, check=True, capture_output=True, timeout=120
    )
    return json.loads(done.stdout)


def shown_count(page: Page) -> int:
    return int(page.locator(COUNT).get_attribute("data-count") or -1)


def sign_in(page: Page) -> None:
    fill_sign_in(page, *MEMBER, PIN)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_test_id("signed-in")).to_be_visible(timeout=60_000)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Find help").click()


def test_a_first_visit_shows_contacts_while_the_snapshot_is_still_paging_in(large, browser):
    site, api, env = large
    total = audience(env, "")["contacts"]
    with phone_context(browser, site.origin, api.origin) as context:
        # The first two sync responses go through; later ones wait until the checks are done,
        # so "while it loads" is a state of the test, not a race against the network.
        asked: list[str] = []
        held: list = []
        released = threading.Event()

        def sync(route):
            asked.append(route.request.url)
            if len(asked) <= 2 or released.is_set():
                route.continue_()
            else:
                held.append(route)

        context.route(re.compile(r"/api/v1/sync/"), sync)
        page = context.new_page()
        page.goto(site.origin + "/")
        expect(page.locator(CARD).first).to_be_visible(timeout=60_000)
        expect(page.get_by_test_id("loading")).to_be_visible()
        expect(page.get_by_test_id("synced-at")).to_have_text(re.compile(r"^Loading for the first time"))
        expect(page.get_by_text(NO_CONTACTS)).to_have_count(0)
        for _ in range(100):  # the next page is asked for while this one is written
            if held:
                break
            page.wait_for_timeout(100)
        assert held, "the snapshot goes on: what is shown is not yet all of it"
        # What arrived so far is shown, but no count as if it were exact.
        expect(page.locator(COUNT)).to_have_count(0)
        assert page.evaluate(NODES) <= NODE_BUDGET

        released.set()
        for route in held:
            route.continue_()
        expect(page.get_by_test_id("synced-at")).to_have_text(re.compile(r"^Updated "), timeout=120_000)
        expect(page.locator(COUNT)).to_have_attribute("data-count", str(total))
        expect(page.get_by_test_id("loading")).to_have_count(0)


def test_a_member_sees_exact_counts_of_the_whole_network_within_the_dom_budget(large, browser):
    site, api, env = large
    seen = audience(env, MEMBER[0], "GE")
    total = seen["contacts"]
    assert total > 10_000, "the member sees most of the generated network"
    with phone_context(browser, site.origin, api.origin) as context:
        context.set_default_timeout(30_000)
        page = context.new_page()
        page.goto(site.origin + "/")
        expect(page.get_by_test_id("synced-at")).to_have_text(re.compile(r"^Updated "), timeout=120_000)
        sign_in(page)
        # The member's snapshot replaces the anonymous one; the count settles on the total.
        expect(page.locator(COUNT)).to_have_attribute("data-count", str(total), timeout=120_000)
        expect(page.get_by_test_id("synced-at")).to_have_text(re.compile(r"^Updated "))
        assert page.evaluate(NODES) <= NODE_BUDGET
        page.get_by_test_id("show-more").click()
        page.get_by_test_id("show-more").click()
        assert page.evaluate(NODES) <= NODE_BUDGET

        page.locator("#f-country").select_option("GE")
        expect(page.locator(COUNT)).to_have_attribute("data-count", str(seen["country"]["GE"]))
        assert page.evaluate(NODES) <= NODE_BUDGET

        page.get_by_role("navigation", name="Main").get_by_role("link", name="Search").click()
        page.locator("input#q").fill("example")
        expect(page.locator(COUNT)).to_be_visible()
        assert shown_count(page) > ORGANIZATIONS, "a broad search counts every match, without a cap"
        assert page.evaluate(NODES) <= NODE_BUDGET
