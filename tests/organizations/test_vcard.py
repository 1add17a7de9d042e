"""vCards of contact points (RFC 6350), read back with a vCard parser as an address book would.

Only contacts the reader may see, and only active ones: a paused or compromised contact never
goes into an address book, where it would outlive its withdrawal.
"""

import pytest
import vobject

from tests.factories import ContactPointFactory

CONTACTS = "/api/v1/contact-points/"


def cards(response) -> list:
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(vobject.readComponents(body.decode()))


@pytest.fixture
def hotline(public_org_a):
    return ContactPointFactory(
        organization=public_org_a,
        channel="phone",
        value="+49301234567",
        label="Hotline; nights, weekends",
        languages=["ru", "en"],
        hours="Mon-Fri 10-18\nSat 12-14",
        security_advice="Write first, calls are not answered. " * 4,
    )


def test_a_contact_reads_back_from_its_vcard(api, hotline):
    (card,) = cards(api.get(f"{CONTACTS}{hotline.pk}/vcard/"))
    assert card.version.value == "4.0"
    assert card.fn.value == "Alpha Counseling \u2013 Hotline; nights, weekends"
    assert card.org.value == ["Alpha Counseling"]
    assert card.tel.value == "tel:+49301234567"
    assert card.tel.params == {"VALUE": ["uri"], "TYPE": ["voice"]}
    assert [line.value for line in card.contents["lang"]] == ["ru", "en"]
    assert card.note.value == hotline.hours + "\n" + hotline.security_advice


def test_long_lines_are_folded_at_75_octets(api, hotline):
    response = api.get(f"{CONTACTS}{hotline.pk}/vcard/")
    lines = response.content.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)


def test_a_vcard_is_in_the_readers_language(api, hotline):
    hotline.translations = {"uk": {"label": "Гаряча лінія"}}
    hotline.save()
    (card,) = cards(api.get(f"{CONTACTS}{hotline.pk}/vcard/", HTTP_ACCEPT_LANGUAGE="uk"))
    assert card.fn.value == "Alpha Counseling \u2013 Гаряча лінія"


@pytest.mark.parametrize("person", ["nobody", "oscar", "bob"])
def test_a_contact_one_may_not_see_has_no_vcard(client_of, org_a, bob, person):
    hidden = ContactPointFactory(organization=org_a, visibility="restricted")
    assert client_of(person).get(f"{CONTACTS}{hidden.pk}/vcard/").status_code == 404


@pytest.mark.parametrize("status", ["paused", "compromised"])
def test_a_withdrawn_contact_has_no_vcard_even_for_its_organization(client_of, org_a, alice, status):
    contact = ContactPointFactory(organization=org_a, status=status)
    assert client_of("alice").get(f"{CONTACTS}{contact.pk}/vcard/").status_code == 404
    assert cards(client_of("alice").get(CONTACTS, {"format": "vcf"})) == []


def test_the_list_gives_the_visible_active_contacts_picked_by_id(client_of, org_a, public_org_a, bob):
    telegram = ContactPointFactory(organization=org_a, channel="telegram", value="@alpha_help")
    office = ContactPointFactory(organization=org_a, channel="office", value="Hauptstr. 1, Berlin")
    ContactPointFactory(organization=org_a, visibility="restricted")
    ContactPointFactory(organization=org_a, status="paused")
    everything = cards(client_of("bob").get(CONTACTS, HTTP_ACCEPT="text/vcard"))
    assert sorted(card.uid.value for card in everything) == [
        f"waypoint-contact-point-{telegram.pk}",
        f"waypoint-contact-point-{office.pk}",
    ]
    picked = cards(client_of("bob").get(CONTACTS, {"format": "vcf", "ids": f"{telegram.pk}"}))
    (card,) = picked
    assert card.url.value == "https://t.me/alpha_help"
    (card,) = cards(client_of("bob").get(CONTACTS, {"format": "vcf", "ids": f"{office.pk},999999"}))
    assert card.adr.value.street == "Hauptstr. 1, Berlin"


def test_bad_ids_are_refused(api, db):
    response = api.get(CONTACTS, {"format": "vcf", "ids": "1,x"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "ids"
