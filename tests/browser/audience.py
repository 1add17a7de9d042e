"""Prints, as JSON, how many contact points a user of the test server's database may see, in
all and on a country's list: what the app must count, computed apart from it.

Run with the server's environment: `python audience.py USERNAME COUNTRY...` (an empty
username: anonymous). Visibility is the API's own rule (`visible_to`); which contacts a
country's list shows is docs/design.md "Which contacts come first", 1., written out here on
plain values: those listing the country, those listing none whose organization works there,
and those of network-wide offices. Reading the database directly keeps this to one query,
where paging the whole network through the API would take hundreds of requests.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "backend"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waypoint.settings.base")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402

from core.viewer import viewer_for  # noqa: E402
from organizations.models import ContactPoint  # noqa: E402


def main(username: str, countries: list[str]) -> None:
    user = get_user_model().objects.get(username=username) if username else None
    rows = list(
        ContactPoint.objects.visible_to(viewer_for(user)).values_list(
            "countries", "organization__countries", "organization__kinds"
        )
    )

    def serves(country: str, own: str, organization: str, kinds: list) -> bool:
        # Several countries are stored as one text, "DE,FR".
        return country in (own or organization).split(",") or "network_office" in kinds

    listed = {country: sum(serves(country, *row) for row in rows) for country in countries}
    print(json.dumps({"contacts": len(rows), "country": listed}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
