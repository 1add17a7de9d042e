"""Contact points as vCards (RFC 6350, vCard 4.0), for address books.

Written with `vobject`, which escapes text values and folds long lines at 75 octets; the
properties are chosen here from the channel and the value the API normalized (E.164 numbers,
`@handle` for Telegram, https URLs), as the app does offline (pwa/src/lib/contact.ts).
Only active contacts are exported: an address book keeps a card after the network withdraws
the contact, so a paused or compromised one never goes into one.
"""

from collections.abc import Iterable, Iterator

import vobject

from .models import ContactPoint

# The fields of a contact point's representation a card is made from.
VCARD_FIELDS = (
    "id",
    "organization_name",
    "channel",
    "value",
    "label",
    "languages",
    "hours",
    "security_advice",
)
PHONE_TYPES = {"phone": "voice", "sms": "text", "whatsapp": "cell", "signal": "cell"}


def _add(card, name: str, content, **params) -> None:
    line = card.add(name)
    line.value = content
    for key, param in params.items():
        line.params[key.upper()] = [param]


def vcard(contact: dict) -> str:
    """One contact point (its representation, texts in the reader's language) as a vCard."""
    card = vobject.vCard()
    _add(card, "version", "4.0")
    organization = contact["organization_name"]
    _add(card, "fn", f"{organization} \u2013 {contact['label']}" if contact["label"] else organization)
    _add(card, "kind", "org")
    _add(card, "org", [organization])
    _add(card, "uid", f"waypoint-contact-point-{contact['id']}", value="text")
    channel, value = contact["channel"], contact["value"].strip()
    handle = value.removeprefix("@")
    is_phone = value.startswith("+")
    if channel in PHONE_TYPES and is_phone:
        _add(card, "tel", f"tel:{value.replace(' ', '')}", value="uri", type=PHONE_TYPES[channel])
    if channel == ContactPoint.Channel.WHATSAPP:
        _add(card, "url", f"https://wa.me/{''.join(c for c in value if c.isdigit())}")
    elif channel == ContactPoint.Channel.SIGNAL:
        _add(card, "x-socialprofile", value, type="signal")
    elif channel == ContactPoint.Channel.TELEGRAM:
        _add(card, "x-socialprofile", f"https://t.me/{handle}", type="telegram")
        _add(card, "url", f"https://t.me/{handle}")
    elif channel == ContactPoint.Channel.EMAIL:
        _add(card, "email", value)
    elif channel in (ContactPoint.Channel.WEBSITE, ContactPoint.Channel.FORM):
        _add(card, "url", value)
    elif channel == ContactPoint.Channel.OFFICE:
        _add(card, "adr", vobject.vcard.Address(street=value), type="work")
    for preference, language in enumerate(contact["languages"], start=1):
        _add(card, "lang", language, pref=str(preference))
    note = "\n".join(text for text in (contact["hours"], contact["security_advice"]) if text)
    if note:
        _add(card, "note", note)
    return card.serialize()


def vcards(fields: tuple[str, ...], contacts: Iterable[dict]) -> Iterator[str]:
    """One card after another: a vCard file holds as many as it likes (RFC 6350, section 3.3)."""
    for contact in contacts:
        yield vcard(contact)
