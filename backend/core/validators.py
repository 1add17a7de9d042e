"""Contact values validated and normalized per channel, so a card always dials or opens correctly.

`normalize_contact_value` is the one place a value takes its canonical form, for the API,
the admin, the directory and the demo alike. One form per contact is what lets the network
recognize a value again: a duplicate, or a value once marked compromised, written another
way (`t.me/Name`, `@name`, `+49 157 …`, `Help@GMX.de`) is still the same value.
"""

import re
from datetime import date, timedelta

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TELEGRAM_HANDLE = re.compile(r"^@?([A-Za-z][A-Za-z0-9_]{4,31})$")
# A link to a handle, with or without https:// (as printed on flyers); plain http is refused.
TELEGRAM_LINK = re.compile(
    r"^(?:https://)?(?:www\.)?(?:t|telegram)\.me/([A-Za-z][A-Za-z0-9_]{4,31})/?$", re.I
)
SIGNAL_USERNAME = re.compile(r"^@?([A-Za-z][A-Za-z0-9_]{2,31}\.\d{2,9})$")
WHATSAPP_LINK = re.compile(r"^(?:https://)?wa\.me/(\d{6,15})/?$", re.I)
https_url = URLValidator(schemes=["https"], message=_("Enter an https:// URL."))
email = EmailValidator(message=_("Enter a valid e-mail address."))


def e164(value: str) -> str:
    """Parse an international number (leading + or 00, any spacing) and return it in E.164."""
    if value.startswith("00"):
        value = "+" + value[2:]
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            _("Enter an international phone number starting with +, e.g. +49 30 1234567.")
        ) from exc
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(_("This phone number is not valid."))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def telegram(value: str) -> str:
    match = TELEGRAM_HANDLE.match(value) or TELEGRAM_LINK.match(value)
    if not match:
        raise ValidationError(
            _("Enter a Telegram handle such as @waypoint_help (5-32 letters, digits or _).")
        )
    # Telegram handles are case-insensitive: one spelling, so case variants are one value.
    return "@" + match.group(1).lower()


def signal(value: str) -> str:
    """A Signal username (case-insensitive, stored lower-case without @) or a phone number."""
    match = SIGNAL_USERNAME.match(value)
    if match:
        return match.group(1).lower()
    return e164(value)


def whatsapp(value: str) -> str:
    """A phone number, also given as a wa.me link."""
    match = WHATSAPP_LINK.match(value)
    return e164("+" + match.group(1) if match else value)


def https(value: str) -> str:
    https_url(value)
    return value


def email_address(value: str) -> str:
    """Lower-case as a whole: providers ignore case, and a case variant must not pass as another value."""
    value = re.sub(r"^mailto:", "", value, flags=re.I)
    email(value)
    return value.lower()


def address(value: str) -> str:
    if len(value.strip()) < 5:
        raise ValidationError(_("Enter a postal address."))
    return value.strip()


BY_CHANNEL = {
    "telegram": telegram,
    "signal": signal,
    "whatsapp": whatsapp,
    "phone": e164,
    "sms": e164,
    "email": email_address,
    "website": https,
    "form": https,
    "office": address,
}


def normalize_contact_value(channel: str, value: str) -> str:
    """Validate `value` for `channel` and return its canonical form; raises ValidationError."""
    return BY_CHANNEL[channel](value.strip())


# The earliest time zone (Kiribati, UTC+14) is this far ahead of UTC.
EARLIEST_ZONE_AHEAD = timedelta(hours=14)


def not_in_future(value: date) -> None:
    """Refuse a date that has not begun anywhere on Earth yet.

    A review dated in the future would keep a profile "fresh" and silence its stale warning;
    today in the reader's own time zone, ahead of the server's, is still today.
    """
    if value > (timezone.now() + EARLIEST_ZONE_AHEAD).date():
        raise ValidationError(_("This date is in the future."), code="future")
