"""Contact values validated and normalized per channel, so a card always dials or opens correctly."""

import re

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.translation import gettext_lazy as _

TELEGRAM_HANDLE = re.compile(r"^@?([A-Za-z][A-Za-z0-9_]{4,31})$")
TELEGRAM_LINK = re.compile(r"^https://t\.me/([A-Za-z][A-Za-z0-9_]{4,31})/?$")
SIGNAL_USERNAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{2,31}\.\d{2,9}$")
https_url = URLValidator(schemes=["https"], message=_("Enter an https:// URL."))
email = EmailValidator(message=_("Enter a valid e-mail address."))


def e164(value: str) -> str:
    """Parse an international number (leading +) and return it in E.164."""
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
    return "@" + match.group(1)


def signal(value: str) -> str:
    if SIGNAL_USERNAME.match(value):
        return value
    return e164(value)


def https(value: str) -> str:
    https_url(value)
    return value


def email_address(value: str) -> str:
    email(value)
    local, _, domain = value.rpartition("@")
    return f"{local}@{domain.lower()}"


def address(value: str) -> str:
    if len(value.strip()) < 5:
        raise ValidationError(_("Enter a postal address."))
    return value.strip()


BY_CHANNEL = {
    "telegram": telegram,
    "signal": signal,
    "whatsapp": e164,
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
