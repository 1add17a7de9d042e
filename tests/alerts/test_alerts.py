"""Network alerts: who reads and writes them, their languages, and how they reach and leave replicas.

The cast is tests.matrix.CAST: nobody (anonymous) and oscar (signed in, no membership) read
public alerts only; anna and alice (A), bob (B), chris and carol (C) read network alerts too;
only A's people read an alert restricted to A; olga, the network office, reads and writes all.
"""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from alerts.models import Alert
from tests.factories import AlertFactory
from tests.matrix import CAST, cases, check_read, check_write, rows, write_status
from tests.sync.replica import Replica, listed

pytestmark = pytest.mark.django_db

URL = "/api/v1/alerts/"


def post_alert(client, minutes: int = 360, **fields):
    """A public alert posted through the API, expiring in `minutes`."""
    body = {
        "text": "Border crossing X closed (example data).",
        "visibility": "public",
        "expires_at": (timezone.now() + timedelta(minutes=minutes)).isoformat(),
        **fields,
    }
    return client.post(URL, body, format="json")


@pytest.fixture
def world(org_a):
    return {
        "public": AlertFactory(visibility="public"),
        "network": AlertFactory(visibility="network"),
        "restricted": AlertFactory(visibility="restricted", organization=org_a),
    }


EVERYONE = frozenset(CAST)
NETWORK = EVERYONE - {"nobody", "oscar"}
SEEN_BY = {"public": EVERYONE, "network": NETWORK, "restricted": frozenset({"anna", "alice", "olga"})}
WRITERS = frozenset({"olga"})


@pytest.mark.parametrize(("name", "who"), cases(SEEN_BY))
def test_reading(client_of, world, name, who):
    check_read(client_of(who), URL, world[name], who in SEEN_BY[name])


@pytest.mark.parametrize(("name", "who"), cases(SEEN_BY))
def test_writing(client_of, world, name, who):
    check_write(
        client_of(who), URL, world[name], {"text": "Changed"}, write_status(who, SEEN_BY[name], WRITERS)
    )


@pytest.mark.parametrize("who", CAST)
def test_only_the_network_office_posts_alerts(client_of, org_a, who):
    response = post_alert(client_of(who))
    expected = 401 if who == "nobody" else 201 if who == "olga" else 403
    assert response.status_code == expected, response.content
    assert Alert.objects.exists() == (expected == 201)


@pytest.mark.parametrize("who", CAST)
def test_only_the_network_office_deletes_alerts(client_of, world, who):
    alert = world["public"]
    response = client_of(who).delete(f"{URL}{alert.pk}/")
    assert response.status_code == (401 if who == "nobody" else 204 if who == "olga" else 403)
    assert Alert.objects.filter(pk=alert.pk).exists() == (who != "olga")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"expires_at": "2020-01-01T00:00:00Z"}, "expires_at"),
        ({"visibility": "restricted"}, "organization"),
        ({"translations": {"xx": {"text": "?"}}}, "translations"),
        ({"text": "x" * 501}, "text"),
        ({"visibility": "secret"}, "visibility"),
    ],
)
def test_a_bad_alert_is_refused_and_changes_nothing(as_user, olga, world, body, field):
    before = rows(Alert.objects, "text", "visibility", "expires_at", "translations", "version")
    response = as_user(olga).patch(f"{URL}{world['public'].pk}/", body, format="json")
    assert response.status_code == 400, response.content
    assert [error["attr"].split(".")[0] for error in response.json()["errors"]] == [field]
    assert rows(Alert.objects, "text", "visibility", "expires_at", "translations", "version") == before


def test_the_reader_gets_the_text_in_their_language_with_the_original_marked(api, world):
    alert = world["public"]
    russian = api.get(f"{URL}{alert.pk}/", HTTP_ACCEPT_LANGUAGE="ru").data
    assert russian["localized"]["language"] == "ru"
    assert russian["localized"]["text"].startswith("Номер")
    assert russian["source_language"] == "en"
    assert russian["languages_available"] == ["en", "ru"]
    ukrainian = api.get(f"{URL}{alert.pk}/", HTTP_ACCEPT_LANGUAGE="uk").data
    assert ukrainian["localized"]["language"] == "en"
    assert ukrainian["localized"]["text"] == alert.text


def test_current_leaves_out_expired_alerts(api, world):
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        current = api.get(URL, {"current": "true"}).data["results"]
        expired = api.get(URL, {"current": "false"}).data["results"]
    assert current == []
    assert [item["id"] for item in expired] == [world["public"].pk]


def test_an_alert_reaches_a_replica_and_leaves_it_once_purged(as_user, anna, olga, world):
    client = as_user(anna)
    replica = Replica(client)
    replica.sync()
    assert set(replica.of_type("alert")) == {
        str(world[name].pk) for name in ("public", "network", "restricted")
    }
    fresh = post_alert(as_user(olga), minutes=1, visibility="network")
    assert fresh.status_code == 201, fresh.content
    replica.sync()
    assert str(fresh.data["id"]) in replica.of_type("alert")
    assert replica.objects == listed(client)

    call_command("purge_expired_alerts", stdout=StringIO())  # nothing expired yet
    assert Alert.objects.count() == 4
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        out = StringIO()
        call_command("purge_expired_alerts", stdout=out)
        assert "1 expired alert(s) purged." in out.getvalue()
        replica.sync()
    assert str(fresh.data["id"]) not in replica.of_type("alert")
    assert len(replica.of_type("alert")) == 3
    assert replica.objects == listed(client)


def test_posting_an_alert_enters_the_change_feed(as_user, olga):
    response = post_alert(as_user(olga))
    assert response.status_code == 201
    feed = as_user(olga).get("/api/v1/changes/", {"object_type": "alert"}).data["results"]
    assert [(entry["object_type"], str(entry["object_id"]), entry["action"]) for entry in feed] == [
        ("alert", str(response.data["id"]), "create")
    ]


@pytest.mark.parametrize("page_size", [2, 20])
def test_the_list_costs_the_same_at_any_page_size(as_user, anna, org_a, django_assert_num_queries, page_size):
    for number in range(25):
        AlertFactory(text=f"Alert {number} (example data).", visibility="network")
    client = as_user(anna)
    client.get(URL)  # warm: the session and the viewer's memberships are read once per request anyway
    with django_assert_num_queries(6):
        response = client.get(URL, {"page_size": page_size})
    assert len(response.data["results"]) == page_size
