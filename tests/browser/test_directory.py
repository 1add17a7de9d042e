"""What a newcomer sees after `make run`: the public directory of the campaign flyer and the
invented demo network, read by an anonymous visitor whose phone is set to Russian.

Connection e.V., the network office the flyer publishes, comes first with its three
channels, each marked as not verified yet (every published contact starts unverified), and
names the flyer as its source; the demo's invented network office follows it.
"""

import re
import time

import pytest
from playwright.sync_api import expect

from .conftest import app_on_own_api, phone_context

pytestmark = pytest.mark.browser

CARD = "[data-testid=contact-card]"
CONNECTION = ["@connection_ev", "get.out.now@gmx.de", "+4915782470251"]


@pytest.fixture(scope="module")
def newcomer_site():
    """A fresh database loaded as `make run` loads it: the directory, then the demo."""
    with app_on_own_api(directory=True) as served:
        yield served


def test_a_russian_reader_finds_connection_ev_first_and_unverified(newcomer_site, browser):
    site, api, _ = newcomer_site
    with phone_context(browser, site.origin, api.origin, locale="ru-RU") as context:
        page = context.new_page()
        page.goto(site.origin + "/")
        deadline = time.monotonic() + 30
        while not page.evaluate("navigator.serviceWorker.controller !== null"):
            assert time.monotonic() < deadline, "the service worker never took control"
            time.sleep(0.1)
        expect(page.get_by_test_id("synced-at")).to_have_text(re.compile(r"^Обновлено "))

        cards = page.locator(CARD)
        for position in range(3):
            card = cards.nth(position)
            expect(card).to_contain_text("Connection e.V.")
            expect(card.get_by_test_id("verified")).to_have_text("Ещё не проверено")
            expect(card.get_by_test_id("verified")).to_have_class(re.compile("stale"))
            expect(card.get_by_test_id("source")).to_contain_text("#ObjectWar")
        # The text, not innerText: a card below the screen is not rendered (content-visibility).
        values = [cards.nth(i).locator("[translate=no]").first.text_content() for i in range(3)]
        assert sorted(values) == sorted(CONNECTION)
        # The demo's invented office follows, with the app's own mark for example data.
        expect(cards.nth(3)).to_contain_text("Пример данных")
        expect(cards.nth(0)).not_to_contain_text("Пример данных")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
