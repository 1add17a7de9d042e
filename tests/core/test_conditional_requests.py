"""Conditional requests and write hygiene, as a client meets them on every endpoint.

A tag names one representation: who asks and in which language change the body, so they change
the tag, and `Vary` says so. Every detail read answers 304 to the tag its caller holds; every
versioned write honours `If-Match` (users and `/me` included), and with `REQUIRE_IF_MATCH` a
write without it is 428. A key a write does not take is refused with 400, never ignored. Every
201 says where the new thing is.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from changes.models import Change
from documents.models import Document
from resources.models import ResourceResponse
from tests.etags import version_in
from tests.factories import (
    AlertFactory,
    CampaignFactory,
    ContactPointFactory,
    CountryFactory,
    EventFactory,
    LedgerEntryFactory,
    ResourceFactory,
    ResponseFactory,
)

API = "/api/v1/"


def draft(organization) -> Document:
    return Document.objects.create(organization=organization, title="T", body="B", language="en")


def hsds_first(client, collection: str) -> str:
    """The address of the first object of an HSDS list (HSDS ids are read, not built)."""
    return f"/api/hsds/{collection}/{client.get(f'/api/hsds/{collection}').json()['contents'][0]['id']}"


def route_names(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from route_names(pattern.url_patterns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield pattern.name


def detail_routes() -> set[str]:
    """Every route of the API that reads one object: the routers' `-detail` routes that GET, and /me
    with its e-mail preferences."""
    names = set()
    for name in route_names(get_resolver().url_patterns):
        if name.endswith("-detail") or name in {"me", "me-notifications"}:
            names.add(name)
    return names - {"auth-session-detail"}  # a session is ended (DELETE), never read alone


@pytest.fixture
def world(org_a, org_b, alice, bob, olga, client_of):
    """One object of each readable type, and who reads it."""
    offer = ResourceFactory(organization=org_a)
    response = ResponseFactory(resource=offer, organization=org_b)
    client_of("bob").post(f"{API}responses/{response.pk}/messages/", {"body": "Hello"}, format="json")
    invitation = client_of("alice").post(
        f"{API}invitations/", {"organization": org_a.pk, "email": "new@example.org"}, format="json"
    )
    campaign = CampaignFactory()
    webhook = client_of("alice").post(
        f"{API}webhooks/",
        {"organization": org_a.pk, "url": "https://127.0.0.1/hooks", "event_types": ["alert.*"]},
        format="json",
    )
    ContactPointFactory(organization=org_a, channel="office", value="Street 1, 10115 Berlin")
    return {
        "organization-detail": ("olga", f"{API}organizations/{org_a.pk}/"),
        "contactpoint-detail": ("olga", f"{API}contact-points/{ContactPointFactory(organization=org_a).pk}/"),
        "country-detail": ("nobody", f"{API}countries/{CountryFactory(code='GE').code}/"),
        "resource-detail": ("alice", f"{API}resources/{offer.pk}/"),
        "resourceresponse-detail": ("alice", f"{API}responses/{response.pk}/"),
        "document-detail": ("olga", f"{API}documents/{draft(org_a).pk}/"),
        "campaign-detail": ("nobody", f"{API}campaigns/{campaign.pk}/"),
        "event-detail": ("olga", f"{API}events/{EventFactory(campaign=campaign, organization=org_a).pk}/"),
        "ledgerentry-detail": ("olga", f"{API}funding/entries/{LedgerEntryFactory(recipient=org_a).pk}/"),
        "membership-detail": ("olga", f"{API}memberships/{alice.memberships.get().pk}/"),
        "user-detail": ("olga", f"{API}users/{bob.pk}/"),
        "me": ("alice", f"{API}me/"),
        "me-notifications": ("alice", f"{API}me/notifications/"),
        "invitation-detail": ("alice", invitation["Location"]),
        "change-detail": ("olga", f"{API}changes/{Change.objects.latest('seq').seq}/"),
        "inbox-detail": ("alice", None),
        "alert-detail": ("nobody", f"{API}alerts/{AlertFactory(visibility='public').pk}/"),
        "webhookendpoint-detail": ("alice", webhook["Location"]),
        "hsds-organization-detail": ("olga", hsds_first(client_of("olga"), "organizations")),
        "hsds-service-detail": ("olga", hsds_first(client_of("olga"), "services")),
        "hsds-service-at-location-detail": ("olga", hsds_first(client_of("olga"), "service_at_locations")),
    }


def test_every_detail_route_is_checked(world):
    assert detail_routes() == set(world)


@pytest.mark.parametrize("route", sorted(detail_routes()))
def test_every_detail_read_answers_304_to_the_tag_its_caller_holds(world, client_of, route):
    actor, url = world[route]
    client = client_of(actor)
    if url is None:  # the inbox item the response's message left for the resource's organization
        url = f"{API}inbox/{client.get(f'{API}inbox/').json()['results'][0]['id']}/"
    read = client.get(url)
    assert read.status_code == 200, read.content
    tag = read["ETag"]
    assert tag.startswith('"') and not tag.startswith("W/")
    again = client.get(url, HTTP_IF_NONE_MATCH=tag)
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == tag
    assert client.get(url, HTTP_IF_NONE_MATCH='"0-0"').status_code == 200


def test_callers_who_read_different_bodies_hold_different_tags(api, client_of, org_a):
    # Georgia's profile lists the partners working there that the reader may see: anna sees
    # Alpha (network level), an anonymous reader does not.
    org_a.countries = ["GE"]
    org_a.save()
    url = f"{API}countries/{CountryFactory(code='GE').code}/"
    anonymous, member = api.get(url), client_of("anna").get(url)
    assert anonymous.json()["organizations"] != member.json()["organizations"]
    assert anonymous["ETag"] != member["ETag"]
    assert {"Authorization", "Accept-Language"} <= {v.strip() for v in member["Vary"].split(",")}
    assert client_of("anna").get(url, HTTP_IF_NONE_MATCH=anonymous["ETag"]).status_code == 200
    assert client_of("anna").get(url, HTTP_IF_NONE_MATCH=member["ETag"]).status_code == 304
    assert api.get(url, HTTP_IF_NONE_MATCH=anonymous["ETag"]).status_code == 304


def test_readers_of_different_languages_hold_different_tags(api, db):
    url = f"{API}countries/{CountryFactory(code='GE').code}/"
    english, german = api.get(url, HTTP_ACCEPT_LANGUAGE="en"), api.get(url, HTTP_ACCEPT_LANGUAGE="de")
    assert english.json()["name"] != german.json()["name"]
    assert english["ETag"] != german["ETag"]
    assert api.get(url, HTTP_ACCEPT_LANGUAGE="de", HTTP_IF_NONE_MATCH=english["ETag"]).status_code == 200


@pytest.mark.parametrize(
    ("actor", "path", "change"),
    [
        ("alice", "me/", {"first_name": "Alicia"}),
        ("alice", "me/notifications/", {"messages": False}),
        ("olga", "users/{bob}/", {"is_active": False}),
    ],
)
def test_account_writes_honour_if_match(client_of, alice, bob, olga, actor, path, change):
    client, url = client_of(actor), API + path.format(bob=bob.pk)
    read = client.get(url)
    stale = client.patch(url, change, format="json", HTTP_IF_MATCH='"0123456789abcdef"')
    assert stale.status_code == 412
    assert stale["ETag"] == read["ETag"]
    assert stale.json()["current"] == read.json()
    done = client.patch(url, change, format="json", HTTP_IF_MATCH=read["ETag"])
    assert done.status_code == 200, done.content
    assert done["ETag"] != read["ETag"]


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_a_write_without_if_match_is_428_when_the_server_requires_it(
    settings, client_of, alice, org_a, method
):
    settings.REQUIRE_IF_MATCH = True
    contact = ContactPointFactory(organization=org_a)
    client, url = client_of("alice"), f"{API}contact-points/{contact.pk}/"
    read = client.get(url)
    body = (
        {k: v for k, v in read.json().items() if k not in ("is_stale",)}
        if method == "put"
        else {"hours": "Sat"}
    )
    refused = getattr(client, method)(url, body, format="json")
    assert refused.status_code == 428
    assert refused["Content-Type"].startswith("application/problem+json")
    assert refused.json()["status"] == 428
    contact.refresh_from_db()
    assert contact.version == 1
    done = getattr(client, method)(url, body, format="json", HTTP_IF_MATCH=read["ETag"])
    assert done.status_code in (200, 204), done.content


def test_me_without_if_match_is_428_when_the_server_requires_it(settings, client_of, alice):
    settings.REQUIRE_IF_MATCH = True
    assert client_of("alice").patch(f"{API}me/", {"first_name": "A"}, format="json").status_code == 428


@pytest.mark.parametrize(
    ("actor", "path", "body", "attr"),
    [
        ("alice", "documents/{document}/", {"status": "published"}, "status"),
        ("bob", "responses/{response}/", {"resource": 999}, "resource"),
        ("alice", "contact-points/{contact}/", {"colour": "red"}, "colour"),
        (
            "alice",
            "contact-points/{contact}/",
            {"last_verified_at": "2026-01-01T00:00:00Z"},
            "last_verified_at",
        ),
        ("alice", "me/", {"username": "someone"}, "username"),
        ("alice", "me/", {"is_staff": True}, "is_staff"),
        ("olga", "users/{bob}/", {"email": "x@example.org"}, "email"),
        ("olga", "countries/GE/", {"organizations": [{"id": 1}]}, "organizations"),
    ],
)
def test_a_key_the_write_does_not_take_is_refused(
    client_of, org_a, org_b, bob, olga, actor, path, body, attr
):
    CountryFactory(code="GE")
    offer = ResourceFactory(organization=org_a)
    objects = {
        "document": draft(org_a).pk,
        "response": ResponseFactory(resource=offer, organization=org_b).pk,
        "contact": ContactPointFactory(organization=org_a).pk,
        "bob": bob.pk,
    }
    client, url = client_of(actor), API + path.format(**objects)
    before = client.get(url).json()
    refused = client.patch(url, body, format="json")
    assert refused.status_code == 400, refused.content
    assert [error["attr"] for error in refused.json()["errors"]] == [attr]
    assert client.get(url).json() == before


def test_sending_back_what_was_read_is_accepted(client_of, org_a):
    contact = ContactPointFactory(organization=org_a)
    client, url = client_of("alice"), f"{API}contact-points/{contact.pk}/"
    read = client.get(url).json()
    assert client.put(url, read, format="json").status_code == 200


def test_a_create_refuses_read_only_keys(client_of, org_a):
    body = {"organization": org_a.pk, "channel": "phone", "value": "+49 30 1234567", "languages": ["ru"]}
    refused = client_of("alice").post(f"{API}contact-points/", {**body, "version": 7}, format="json")
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["attr"] == "version"


def test_every_201_says_where_the_new_thing_is(client_of, api, alice, bob, org_a, org_b):
    offer = ResourceFactory(organization=org_a)
    alice_client, bob_client = client_of("alice"), client_of("bob")
    created = {
        "response": bob_client.post(
            f"{API}responses/",
            {"resource": offer.pk, "organization": org_b.pk, "message": "Yes"},
            format="json",
        ),
        "invitation": alice_client.post(
            f"{API}invitations/", {"organization": org_a.pk, "email": "n@example.org"}, format="json"
        ),
        "calendar feed": alice_client.post(f"{API}calendar-feed/"),
    }
    response_id = created["response"].json()["id"]
    created["message"] = bob_client.post(
        f"{API}responses/{response_id}/messages/", {"body": "Hi"}, format="json"
    )
    created["membership"] = api.post(
        f"{API}invitations/accept/",
        {
            "token": created["invitation"].json()["token"],
            "username": "newcomer",
            "password": "a-long-pass-phrase-9",
        },
        format="json",
    )
    for what, response in created.items():
        assert response.status_code == 201, (what, response.content)
        assert response["Location"].startswith("http://testserver/"), what
    assert ResourceResponse.objects.filter(pk=response_id).exists()
    assert alice_client.get(created["response"]["Location"]).json()["id"] == response_id
    assert alice_client.get(created["invitation"]["Location"]).status_code == 200
    assert "/memberships/" in created["membership"]["Location"]


def test_write_answers_carry_the_tag_a_read_then_gives(client_of, org_a):
    contact = ContactPointFactory(organization=org_a)
    client, url = client_of("alice"), f"{API}contact-points/{contact.pk}/"
    written = client.patch(url, {"hours": "Sun"}, format="json")
    assert version_in(written["ETag"]) == 2
    assert client.get(url)["ETag"] == written["ETag"]
