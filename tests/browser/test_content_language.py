"""Content in the reader's language, in the app: picked offline from the synced translations.

The demo's contacts carry machine-made Russian, Ukrainian and German translations; a contact
a coordinator (alice, of the network office) adds without one is shown in its original, with
the fallback said in the reader's language.
"""

import re

import pytest
from playwright.sync_api import expect

from .test_pwa import CARD, open_app, open_screen, sign_in

pytestmark = pytest.mark.browser

UNTRANSLATED = {
    "channel": "email",
    "value": "desk@network-office.example.org",
    "label": "Front desk, no translation yet (example data)",
    "languages": ["uk", "en"],
    "countries": ["DE"],
    "visibility": "public",
}


@pytest.fixture
def untranslated(api_server):
    """A public contact of the network office without any translation, removed afterwards."""
    token = api_server.login("alice", "demo-coordinator-pass")["access"]
    office = "/api/v1/contact-points/?organization_slug=network-office&channel=telegram"
    _, found = api_server.call("GET", office)
    body = {**UNTRANSLATED, "organization": found["results"][0]["organization"]}
    status, contact = api_server.call("POST", "/api/v1/contact-points/", body, token)
    assert status == 201, contact
    yield contact
    api_server.call("DELETE", f"/api/v1/contact-points/{contact['id']}/", token=token)


def go(page, menu: str, *names: str) -> None:
    """`open_screen`, with the main menu named in the app's language."""
    page.get_by_role("navigation", name=menu).get_by_role("link", name=names[0]).click()
    for name in names[1:]:
        page.get_by_role("main").get_by_role("link", name=name).click()


def test_the_app_in_ukrainian_shows_ukrainian_content_marks_the_fallback_and_switches_language_offline(
    page, pwa, untranslated
):
    open_app(page, pwa)
    open_screen(page, "More", "Settings and safety")
    page.get_by_label("Language", exact=True).select_option(label="Українська")
    go(page, "Головне меню", "Ще", "Організації", "Мережевий офіс у Німеччині (приклад)")
    telegram = page.locator(CARD, has_text="Telegram-канал і чат консультацій (приклад)")
    expect(telegram).to_be_visible()
    expect(telegram.get_by_test_id("content-language")).to_have_text("Машинний переклад")
    desk = page.locator(f"{CARD}[data-contact-id='{untranslated['id']}']")
    expect(desk.get_by_role("heading")).to_have_text(UNTRANSLATED["label"])
    expect(desk.get_by_test_id("content-language")).to_have_text(
        re.compile(r"^Мовою оригіналу \(.+\) — українського перекладу ще немає$")
    )

    # Offline, another language: every translation is on the device already.
    page.context.set_offline(True)
    pwa.offline = True
    try:
        go(page, "Головне меню", "Ще", "Налаштування та безпека")
        page.get_by_label("Мова", exact=True).select_option(label="Deutsch")
        go(page, "Hauptmenü", "Mehr", "Organisationen", "Netzwerkbüro Deutschland (Beispieldaten)")
        german = page.locator(CARD, has_text="Telegram-Kanal und Beratungschat (Beispieldaten)")
        expect(german).to_be_visible()
        expect(desk.get_by_test_id("content-language")).to_have_text(
            re.compile(r"^In der Originalsprache \(.+\) — noch keine deutsche Übersetzung$")
        )
        # Offline search reads every translation: a word only in the Ukrainian label finds the contact.
        go(page, "Hauptmenü", "Suche")
        page.get_by_role("search").get_by_role("searchbox").fill("канал консультацій")
        results = page.get_by_test_id("search-results")
        expect(results.get_by_role("link")).to_have_count(1)
        expect(results).to_contain_text("Telegram-канал і чат консультацій (приклад)")
        assert [path for path in pwa.served_while_offline if path != "/sw.js"] == []
    finally:
        pwa.offline = False
        page.context.set_offline(False)


def test_a_coordinator_translates_the_organization_and_a_russian_reader_sees_it(page, pwa, api_server):
    token = api_server.login("alice", "demo-coordinator-pass")["access"]
    _, found = api_server.call("GET", "/api/v1/organizations/?q=network-office", token=token)
    [office] = [org for org in found["results"] if org["slug"] == "network-office"]
    path = f"/api/v1/organizations/{office['id']}/"
    open_app(page, pwa)
    sign_in(page, pwa, "alice", "demo-coordinator-pass")
    try:
        open_screen(page, "More", "Workspace")
        page.get_by_role("link", name="Translate the organization").first.click()
        russian = page.locator("fieldset[lang=ru]")
        expect(russian.get_by_label("Name")).to_have_value("Сетевой офис в Германии (пример)")
        russian.get_by_label("Name").fill("Сетевой офис (проверено)")
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_test_id("form-note")).to_be_visible()
        _, saved = api_server.call("GET", path, token=token)
        assert saved["translations"]["ru"]["name"] == "Сетевой офис (проверено)"
        assert saved["translations"]["ru"]["machine"] is False, "a person wrote it"

        open_screen(page, "More", "Settings and safety")
        page.get_by_label("Language", exact=True).select_option(label="Русский")
        go(page, "Главное меню", "Ещё", "Организации", "Сетевой офис (проверено)")
        expect(page.get_by_role("heading", level=1)).to_have_text("Сетевой офис (проверено)")
    finally:
        _, current = api_server.call("GET", path, token=token)
        restored = {**current["translations"], "ru": office["translations"]["ru"]}
        api_server.call("PATCH", path, {"translations": restored}, token=token)
