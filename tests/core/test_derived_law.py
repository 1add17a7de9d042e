"""The visibility law for derived data: what a representation copies, keeps or adds up.

A representation shows more than its own object: a title or a name copied from the object
it points at, the history of a document or of the change feed, counts and totals. Each is
as telling as the object it comes from, so each obeys that object's rule (docs/design.md,
rule 3). For the generated networks of the visibility law (tests/core/test_visibility_law.py)
and every viewer of the cast, through the HTTP API as a client reads it:

1. every embedded reference, found by walking the serializers of every list and detail
   endpoint (a read-only field whose dotted source reads another model that declares a
   visibility rule), is present exactly when `Model.objects.visible_to(viewer)` contains the
   object it names, and null otherwise;
2. history is read through the rule: a document's versions, its latest version and its
   diffs are the versions `DocumentVersion.objects.visible_to(viewer)` holds; an audit-log
   entry names only owners the reader may see;
3. aggregates count only what the viewer may see: a list's count is what its pages hold;
   search's count and per-type counts are its hits; the inbox's unread count is the unread
   items it lists; the funding totals add up what the totals' declared rule makes public,
   recomputed here in Python from `visible_to` and the entries.

The last tests patch one derivation (a reference field, the totals rule) to ignore
visibility and expect the law to fail.

Examples: DERIVED_LAW_EXAMPLES (default 5).
"""

from __future__ import annotations

import os
from collections import defaultdict
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import transaction
from django.urls import get_resolver, reverse
from hypothesis import given
from rest_framework import serializers

from changes.models import Change
from core.references import VisibleReferenceField
from core.visibility import Visibility, VisibilityRule
from documents.models import DocumentVersion
from funding.models import LedgerEntry
from inbox.models import Notification, NotificationRead
from organizations.models import Organization
from resources.models import Resource, ResourceResponse
from resources.serializers import ResponseMessageSerializer
from tests.core.test_visibility_law import (
    A_NETWORK,
    MARK,
    RolledBack,
    build,
    clients_of,
    law_settings,
    networks,
    viewers,
)

EXAMPLES = int(os.environ.get("DERIVED_LAW_EXAMPLES", "5"))


# -- finding every embedded reference ------------------------------------------------------


def list_routes() -> list[tuple[str, type]]:
    """(url name, viewset) of every list endpoint of the API, found in the URL configuration.

    The versioned API's: the HSDS lists answer another envelope and copy no reference of this
    kind (an HSDS service nests its organization whole); their law is tests/hsds/test_visibility_law.py.
    """
    routes = []

    def walk(patterns):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns)
            elif (pattern.name or "").endswith("-list") and getattr(pattern.callback, "actions", None):
                routes.append((pattern.name, pattern.callback.cls))

    walk(get_resolver().url_patterns)
    return [(name, viewset) for name, viewset in routes if reverse(name).startswith("/api/v1/")]


def references(serializer_class, model) -> dict[str, tuple[str, type]]:
    """{field: (path to the named object, its model)} for every read-only text field of
    `serializer_class` that copies a title or a name from another object with a visibility rule."""
    found = {}
    for name, field in serializer_class().fields.items():
        # A copied text names what it comes from; an id names nothing (core/references.py).
        copied = field.read_only and "." in (field.source or "")
        if not copied or not isinstance(field, serializers.CharField):
            continue
        path, target = field.source.split(".")[:-1], model
        for part in path:
            relation = next((f for f in target._meta.get_fields() if f.name == part and f.is_relation), None)
            target = relation.related_model if relation is not None else None
            if target is None:
                break
        if target is not None and isinstance(getattr(target, "visibility_rule", None), VisibilityRule):
            found[name] = (".".join(path), target)
    return found


def viewset_serializer(viewset, action: str):
    view = viewset()
    view.action, view.request, view.format_kwarg, view.kwargs = action, None, None, {}
    return view.get_serializer_class()


def all_pages(client, url, params=None) -> tuple[list[dict], int]:
    """Every item of a paginated list, and the count its first page announced."""
    items, params, count = [], {"page_size": 100, **(params or {})}, None
    while url:
        response = client.get(url, params)
        assert response.status_code == 200, (url, response.content)
        body = response.json()
        count = body["count"] if count is None else count
        items += body["results"]
        url, params = body["next"], None
    return items, count


def named(obj, path: str):
    for part in path.split("."):
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    return obj.pk


# -- the law -------------------------------------------------------------------------------


def check_references(item: dict, obj, refs: dict, visible_of, where: str) -> None:
    for field, (path, target) in refs.items():
        pk = named(obj, path)
        expected_shown = pk is not None and pk in visible_of(target)
        shown = item.get(field) is not None
        assert shown == expected_shown, (where, field, item.get("id"), pk, item.get(field))


def check_embedded_and_counts(name, client, viewer) -> None:
    """1. and the lists' counts, for one viewer: every list, every detail, every reference."""
    cached = {}

    def visible_of(model) -> set:
        if model not in cached:
            cached[model] = set(model._default_manager.visible_to(viewer).values_list("pk", flat=True))
        return cached[model]

    for route, viewset in list_routes():
        model = viewset.queryset.model
        url = reverse(route)
        response = client.get(url)
        if response.status_code in (401, 403):
            continue  # the endpoint is not this viewer's at all (the audit log, the user list)
        items, count = all_pages(client, url)
        assert count == len(items), (name, route)
        key = viewset.lookup_field if viewset.lookup_field != "pk" else "id"
        objects = {
            str(getattr(obj, viewset.lookup_field)): obj
            for obj in model._default_manager.filter(
                **{f"{viewset.lookup_field}__in": [i[key] for i in items]}
            )
        }
        list_refs = references(viewset_serializer(viewset, "list"), model)
        detail_refs = references(viewset_serializer(viewset, "retrieve"), model)
        for item in items:
            obj = objects[str(item[key])]
            check_references(item, obj, list_refs, visible_of, f"{name} {route}")
            detail = client.get(f"{url}{item[key]}/")
            if detail.status_code == 405:
                continue  # a list without a detail endpoint (sessions)
            assert detail.status_code == 200, (name, route, item[key], detail.content)
            check_references(detail.json(), obj, detail_refs, visible_of, f"{name} {route} detail")
        if model._meta.label == "resources.ResourceResponse":
            message_refs = references(ResponseMessageSerializer, ResponseMessageSerializer.Meta.model)
            for item in items:
                messages, count = all_pages(client, f"{url}{item['id']}/messages/")
                assert count == len(messages)
                by_pk = ResponseMessageSerializer.Meta.model.objects.in_bulk([m["id"] for m in messages])
                for message in messages:
                    check_references(
                        message, by_pk[message["id"]], message_refs, visible_of, f"{name} messages"
                    )


def check_history(name, client, viewer) -> None:
    """2. Document versions, latest versions and diffs; the audit log's entries and owners."""
    documents, _ = all_pages(client, "/api/v1/documents/")
    visible_versions = DocumentVersion.objects.visible_to(viewer)
    all_numbers = defaultdict(set)
    for version in DocumentVersion.objects.all():
        all_numbers[version.document_id].add(version.number)
    for document in documents:
        expected = set(visible_versions.filter(document_id=document["id"]).values_list("number", flat=True))
        listed, count = all_pages(client, f"/api/v1/documents/{document['id']}/versions/")
        assert {v["number"] for v in listed} == expected, (name, document["id"])
        assert count == len(expected)
        detail = client.get(f"/api/v1/documents/{document['id']}/").json()
        assert detail["latest_version"] == max(expected, default=None), (name, document["id"])
        for number in all_numbers[document["id"]]:
            one = client.get(f"/api/v1/documents/{document['id']}/versions/{number}/")
            assert one.status_code == (200 if number in expected else 404), (name, document["id"], number)
            diff = client.get(f"/api/v1/documents/{document['id']}/diff/", {"from_version": number})
            if number not in expected:
                assert diff.status_code in (400, 404), (name, document["id"], number, diff.content)
                assert str(MARK) not in diff.content.decode(), (name, number)

    response = client.get("/api/v1/changes/")
    if response.status_code in (401, 403):
        return
    entries, count = all_pages(client, "/api/v1/changes/")
    assert count == len(entries)
    seen_orgs = set(Organization.objects.visible_to(viewer).values_list("pk", flat=True))
    stored = {c.seq: c for c in Change.objects.all()}
    if viewer.is_admin:
        assert {e["seq"] for e in entries} == set(stored), name
    for entry in entries:
        owners = {int(part) for part in stored[entry["seq"]].owners.split(",") if part}
        if not viewer.is_admin:
            assert owners & set(viewer.coordinator_of), (name, entry["seq"])
            assert set(entry["owners"]) == owners & seen_orgs, (name, entry["seq"], entry["owners"])
        else:
            assert set(entry["owners"]) == owners


def check_search_and_inbox(name, client) -> None:
    """3. Search's counts are its hits; the inbox's unread count is what the inbox lists unread."""
    body = client.get("/api/v1/search/", {"q": MARK, "page_size": 100}).json()
    assert body["count"] == len(body["results"]), name
    per_type = defaultdict(int)
    for hit in body["results"]:
        per_type[hit["type"]] += 1
    assert {t: c for t, c in body["counts"].items() if c} == dict(per_type), (name, body["counts"])

    response = client.get("/api/v1/inbox/unread-count/")
    if response.status_code == 200:
        items, _ = all_pages(client, "/api/v1/inbox/")
        unread = [item for item in items if not item["read"]]
        assert response.json()["unread"] == len(unread), name


def expected_totals(viewer) -> dict:
    """The funding totals recomputed in Python: collected money is public; a grant counts when it
    names nobody, when its recipient is announced to the network (public or network level), or
    when the viewer may see the recipient (`Organization.objects.visible_to`). Example entries
    count only in a ledger without real ones."""
    seen = set(Organization.objects.visible_to(viewer).values_list("pk", flat=True))
    totals = defaultdict(lambda: {"collected": Decimal(0), "granted": Decimal(0), "grants": 0})
    entries = list(LedgerEntry.objects.select_related("recipient"))
    if any(not entry.is_example for entry in entries):
        entries = [entry for entry in entries if not entry.is_example]
    for entry in entries:
        row = totals[entry.currency]
        if entry.kind == LedgerEntry.Kind.COLLECTED:
            row["collected"] += entry.amount
            continue
        recipient = entry.recipient
        if (
            viewer.is_admin
            or recipient is None
            or recipient.visibility in (Visibility.PUBLIC, Visibility.NETWORK)
            or recipient.pk in seen
        ):
            row["granted"] += entry.amount
            row["grants"] += 1
    return {
        currency: {**row, "balance": row["collected"] - row["granted"]}
        for currency, row in totals.items()
        if row["collected"] or row["grants"]
    }


def check_totals(name, client, viewer) -> None:
    response = client.get("/api/v1/funding/totals/")
    assert response.status_code == 200
    shown = {
        row["currency"]: {
            "collected": Decimal(str(row["collected"])),
            "granted": Decimal(str(row["granted"])),
            "grants": row["grants"],
            "balance": Decimal(str(row["balance"])),
        }
        for row in response.json()["totals"]
    }
    assert shown == expected_totals(viewer), (name, shown)


def fill_inboxes(people) -> None:
    """Inbox items naming resources and organizations of every level, for both sides of every
    response (the producers file theirs after commit, which a rolled-back example never reaches),
    and a "new match" naming another organization's resource; the member has read one."""
    resources = list(Resource.objects.all())
    for response in ResourceResponse.objects.select_related("resource"):
        for recipient, actor in (
            (response.resource.organization_id, response.organization_id),
            (response.organization_id, response.resource.organization_id),
        ):
            Notification.objects.create(
                organization_id=recipient,
                kind=Notification.Kind.RESPONSE_RECEIVED,
                text="law",
                resource=response.resource,
                response=response,
                actor_organization_id=actor,
            )
    for resource in resources:
        for other in resources:
            if other.organization_id != resource.organization_id:
                Notification.objects.create(
                    organization_id=resource.organization_id,
                    kind=Notification.Kind.NEW_MATCH,
                    text="law",
                    resource=resource,
                    related_resource=other,
                    actor_organization_id=other.organization_id,
                )
    first = Notification.objects.order_by("pk").first()
    if first is not None:
        NotificationRead.objects.create(notification=first, user=people["member"])


def check_derived_law(plan) -> None:
    """Build the planned network, check the derived law for every viewer, roll back."""
    cache.clear()  # login throttles count in the cache
    try:
        with transaction.atomic():
            people = build(plan)
            fill_inboxes(people)
            viewers_by_name = viewers(people)
            for name, client in clients_of(people).items():
                viewer = viewers_by_name[name]
                check_embedded_and_counts(name, client, viewer)
                check_history(name, client, viewer)
                check_search_and_inbox(name, client)
                check_totals(name, client, viewer)
            raise RolledBack
    except RolledBack:
        pass


@pytest.mark.django_db(transaction=False)
@law_settings(EXAMPLES)
@given(plan=networks())
def test_every_embedded_reference_history_entry_and_aggregate_obeys_the_rule(plan):
    check_derived_law(plan)


def test_the_derived_law_holds_for_the_hand_made_network(db):
    check_derived_law(A_NETWORK)


def test_the_walk_finds_the_embedded_references(db):
    """The walk reaches the references the leaks of rule 3 were found in, so it can fail."""
    found = {
        (route, field)
        for route, viewset in list_routes()
        for action in ("list", "retrieve")
        for field in references(viewset_serializer(viewset, action), viewset.queryset.model)
    }
    assert {
        ("resourceresponse-list", "resource_title"),
        ("resourceresponse-list", "resource_organization_name"),
        ("resourceresponse-list", "organization_name"),
        ("inbox-list", "actor_organization_name"),
        ("resource-list", "organization_name"),
        ("ledgerentry-list", "campaign_name"),
    } <= found
    assert "organization_name" in references(ResponseMessageSerializer, ResponseMessageSerializer.Meta.model)


# -- the law catches a derivation that ignores visibility ----------------------------------


def test_the_law_fails_when_an_embedded_reference_ignores_visibility(db, monkeypatch):
    """The responder of A_NETWORK answers a restricted resource it may not see: a reference
    field that forgets to ask shows the resource's title."""
    monkeypatch.setattr(VisibleReferenceField, "_viewer_sees", lambda self, instance: True)
    with pytest.raises(AssertionError):
        check_derived_law(A_NETWORK)


def test_the_law_fails_when_the_totals_count_every_grant(db, monkeypatch):
    """A_NETWORK grants money to a restricted organization: totals that count every entry tell it."""
    monkeypatch.setattr("funding.views.counted_in_totals", lambda viewer: LedgerEntry.objects.all())
    with pytest.raises(AssertionError):
        check_derived_law(A_NETWORK)


def test_the_law_fails_when_the_audit_log_shows_every_owner(db, monkeypatch):
    """A coordinator's audit log of A_NETWORK holds a response owned by an organization
    restricted to its members: showing every owner names it."""
    monkeypatch.setattr(
        "changes.serializers.ChangeSerializer.get_owners",
        lambda self, change: [int(part) for part in change.owners.split(",") if part],
    )
    with pytest.raises(AssertionError):
        check_derived_law(A_NETWORK)
