"""The worker process, as `make run` and the compose stack start it, sends e-mail through the
SMTP server its environment names."""

import pytest
from django.db import connection

from core.secrets import digest
from tests.jobs.test_worker_process import Site, wait_until
from tests.servers import smtp

from .conftest import links, parts

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="starts its own worker on a SQLite file; the SQLite pass runs it"
)

INVITE = (
    "from accounts.services import invitation_create\n"
    "from organizations.models import Organization\n"
    "org = Organization.objects.create(slug='shelter', name='Shelter (example data)')\n"
    "data = {'email': 'new@example.org', 'organization': org, 'language': 'uk'}\n"
    "invitation_create(data=data, actor=None)\n"
)


def test_the_worker_emails_an_invitation_through_the_smtp_server_of_its_environment(tmp_path):
    with smtp() as mailbox:
        site = Site(tmp_path)
        site.env.update(
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(mailbox.port),
            EMAIL_USE_TLS="0",
            APP_BASE_URL="https://app.example.org",
            DEFAULT_FROM_EMAIL="Network office <office@example.org>",
        )
        site.manage("shell", "-v0", "-c", INVITE)
        assert mailbox.messages == []
        with site.worker("mailer"):
            wait_until(lambda: len(mailbox.messages) == 1)
    [(recipients, message)] = mailbox.received
    assert recipients == ["new@example.org"]
    assert message["From"] == "Network office <office@example.org>"
    assert message["Subject"].strip() == "Запрошення приєднатися до Shelter (example data) у Waypoint"
    [link] = [link for link in links(parts(message)[0]) if "#join=" in link]
    assert link.startswith("https://app.example.org/#join=")
    token = link.split("#join=")[1]
    assert site.query("SELECT email_token_hash FROM accounts_invitation") == [(digest(token),)]
