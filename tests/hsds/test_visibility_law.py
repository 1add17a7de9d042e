"""The visibility law, read through the HSDS API: it lists exactly what `visible_to` selects.

For the generated networks of the visibility law (tests/core/test_visibility_law.py: random
organizations and contact points at random levels and statuses, random memberships) and
every viewer of its cast (half the contact points made offices), through the HTTP API as a
client reads it: every page of each HSDS
list holds exactly the HSDS ids of the rows `Model.objects.visible_to(viewer)` selects, its
`total_items` counts them, and each organization lists exactly its visible contact points as
its services.

Examples: HSDS_LAW_EXAMPLES (default 5).
"""

import os

import pytest
from django.core.cache import cache
from django.db import transaction
from hypothesis import given

from hsds.ids import Kind, object_id
from organizations.models import ContactPoint, Organization
from tests.core.test_visibility_law import (
    A_NETWORK,
    RolledBack,
    build,
    clients_of,
    law_settings,
    networks,
    viewers,
)

EXAMPLES = int(os.environ.get("HSDS_LAW_EXAMPLES", "5"))
LISTS = {
    "organizations": (Organization.objects.all(), Kind.ORGANIZATION),
    "services": (ContactPoint.objects.all(), Kind.SERVICE),
    "service_at_locations": (ContactPoint.objects.filter(channel="office"), Kind.SERVICE_AT_LOCATION),
}


def every_page(client, collection: str) -> tuple[list[dict], int]:
    """Every object of an HSDS list, and the total its first page announced."""
    items, page, total = [], 1, None
    while True:
        response = client.get(f"/api/hsds/{collection}", {"page": page, "per_page": 3})
        assert response.status_code == 200, (collection, response.content)
        body = response.json()
        total = body["total_items"] if total is None else total
        items += body["contents"]
        if body["last_page"]:
            return items, total
        page += 1


def hsds_ids(kind: Kind, rows) -> set[str]:
    return {str(object_id(kind, pk)) for pk in rows.values_list("pk", flat=True)}


def check_hsds(clients: dict, viewers_by_name: dict) -> None:
    for name, client in clients.items():
        viewer = viewers_by_name[name]
        for collection, (rows, kind) in LISTS.items():
            items, total = every_page(client, collection)
            expected = hsds_ids(kind, rows.visible_to(viewer))
            assert {item["id"] for item in items} == expected, (name, collection)
            assert total == len(items) == len(expected), (name, collection)
        visible_contacts = ContactPoint.objects.visible_to(viewer)
        for organization in Organization.objects.visible_to(viewer):
            detail = client.get(f"/api/hsds/organizations/{object_id(Kind.ORGANIZATION, organization.pk)}")
            expected = hsds_ids(Kind.SERVICE, visible_contacts.filter(organization=organization))
            assert {service["id"] for service in detail.json()["services"]} == expected, (name, organization)


def check_law(plan) -> None:
    """Build the planned network, offices among its contact points, check, and roll back."""
    cache.clear()  # login throttles count in the cache
    try:
        with transaction.atomic():
            people = build(plan)
            for contact in list(ContactPoint.objects.order_by("pk"))[::2]:
                contact.channel, contact.value = ContactPoint.Channel.OFFICE, f"Street {contact.pk}, Berlin"
                contact.save(update_fields=["channel", "value"])
            check_hsds(clients_of(people), viewers(people))
            raise RolledBack
    except RolledBack:
        pass


@pytest.mark.django_db(transaction=False)
@law_settings(EXAMPLES)
@given(plan=networks())
def test_every_hsds_list_and_count_is_what_visible_to_selects_for_every_viewer(plan):
    check_law(plan)


def test_the_hsds_law_holds_for_the_hand_made_network(db):
    check_law(A_NETWORK)
