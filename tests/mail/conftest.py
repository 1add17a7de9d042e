"""A real SMTP server per test, and Django sending to it over SMTP as in production."""

import re

import pytest

from tests.servers import smtp

APP = "https://app.example.org"


@pytest.fixture
def mailbox(settings):
    """The messages an SMTP server on loopback received; Django's SMTP backend sends to it."""
    with smtp() as box:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = box.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_USE_SSL = False
        settings.EMAIL_TIMEOUT = 5
        settings.APP_BASE_URL = APP
        yield box


def parts(message) -> tuple[str, str]:
    """The plain text and the HTML of a message."""
    return (
        message.get_body(preferencelist=("plain",)).get_content(),
        message.get_body(preferencelist=("html",)).get_content(),
    )


def links(text: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]+", text)
