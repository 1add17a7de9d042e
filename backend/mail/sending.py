"""Render one e-mail in its recipient's language and send it: plain text with an HTML alternative.

Called only from background jobs (mail/tasks.py), never inside a request: a slow or absent
mail server costs a job a retry, not a person a timeout. A failure raises, so the job fails
and is retried. The templates hold no images, tracking pixels or remote resources, and link
only to the app (`APP_BASE_URL`), so opening a message tells no one anything.
"""

from urllib.parse import quote

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def app_link(fragment: str = "") -> str:
    """An address in the app; what follows `#` stays in the browser, never sent to a server."""
    return f"{settings.APP_BASE_URL}/{'#' + fragment if fragment else ''}"


def join_link(token: str) -> str:
    """The accept link of an invitation, as the app reads it (pwa/src/lib/join.ts)."""
    return app_link(f"join={quote(token, safe='')}")


def send_email(*, to: str, template: str, context: dict, language: str) -> None:
    """Send `mail/<template>_subject.txt`, `.txt` and `.html` to `to`, written in `language`."""
    context = {"app_url": app_link(), **context}
    with translation.override(language):
        subject = " ".join(render_to_string(f"mail/{template}_subject.txt", context).split())
        text = render_to_string(f"mail/{template}.txt", context)
        html = render_to_string(f"mail/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[to],
        # RFC 3834: no vacation replies or other automatic answers to this message.
        headers={"Auto-Submitted": "auto-generated", "Content-Language": language},
    )
    message.attach_alternative(html, "text/html")
    message.send()
