"""Makes sure the demo network has what the browser tests read: a published public guide.

Run after `migrate` and `load_demo` against the test server's database, with the same
environment. Uses the models directly (no management command), so it works while the
demo loaders of other domains are still growing; it adds nothing when the demo already
has such a guide.
"""

import os
import sys
from pathlib import Path

BACKEND = Path(__file__).resolve().parents[2] / "backend"
sys.path.insert(0, str(BACKEND))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waypoint.settings.base")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from documents.models import Document  # noqa: E402
from organizations.models import Organization  # noqa: E402

GUIDE_TITLE = "Crossing a border with a summons (example data)"
GUIDE_BODY = """Keep copies of your documents apart from the originals.

## Before you leave

- Write to a counselor first; say which country you are in.
- Delete chats that could endanger others.

## At the border

Answer only what you are asked. (example data)
"""


def main() -> None:
    published = Document.objects.filter(status=Document.Status.PUBLISHED, visibility="public")
    if published.filter(organization__visibility="public").exists():
        return
    office = Organization.objects.get(slug="network-office")
    with transaction.atomic():
        Document.objects.create(
            organization=office,
            title=GUIDE_TITLE,
            summary="What to carry and what to say. (example data)",
            body=GUIDE_BODY,
            language="en",
            topics=["travel", "documents"],
            countries=["GE"],
            visibility="public",
            status=Document.Status.PUBLISHED,
            published_at=timezone.now(),
            is_example=True,
        )


if __name__ == "__main__":
    main()
