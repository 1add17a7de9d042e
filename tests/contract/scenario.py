"""What a partner's program does with the Python client generated from openapi/openapi.yaml.

Run by tests/contract/test_generated_clients.py in the contract tools' environment, with the
generated package `waypoint_client` on PYTHONPATH:

    python scenario.py BASE_URL USERNAME PASSWORD

USERNAME is a coordinator of at least one organization. Every answer is read through the
generated models, so a response that breaks its schema fails here as it would for the partner.
Each step prints one line; the first failed assertion ends the script with a traceback.
"""

import datetime
import sys
import uuid
from http import HTTPStatus

from waypoint_client import AuthenticatedClient, Client
from waypoint_client.api.auth import auth_token_obtain
from waypoint_client.api.events import events_create, events_partial_update
from waypoint_client.api.me import me_retrieve
from waypoint_client.api.organizations import organizations_list
from waypoint_client.api.sync import sync
from waypoint_client.models import (
    Event,
    EventRequest,
    Me,
    PaginatedOrganizationList,
    PatchedEventRequest,
    PreconditionFailedProblem,
    SessionTokenObtainRequest,
    SyncResponse,
    TokenPair,
    ValidationProblem,
)

TIMEOUT = 20.0


def step(text: str) -> None:
    print(f"ok: {text}", flush=True)


def anonymous_list(client: Client) -> None:
    """Public organizations, filtered and paged, without signing in."""
    first = organizations_list.sync_detailed(client=client, verified=True, ordering="name", page_size=1)
    assert first.status_code == HTTPStatus.OK, first.content
    page = first.parsed
    assert isinstance(page, PaginatedOrganizationList), page
    assert len(page.results) == 1 and page.count is not None and page.count > 1, page
    assert all(org.verified for org in page.results), page
    second = organizations_list.sync_detailed(
        client=client, verified=True, ordering="name", page_size=1, page=2
    )
    assert isinstance(second.parsed, PaginatedOrganizationList), second.content
    assert second.parsed.results[0].name > page.results[0].name, (page, second.parsed)
    step(f"anonymous list: {page.count} verified organizations, one per page, in name order")


def sign_in(client: Client, username: str, password: str) -> str:
    """The access token."""
    signed_in = auth_token_obtain.sync_detailed(
        client=client, body=SessionTokenObtainRequest(username=username, password=password)
    )
    assert isinstance(signed_in.parsed, TokenPair), signed_in.content
    step(f"signed in as {username}")
    return signed_in.parsed.access


def full_sync(client: AuthenticatedClient) -> tuple[str, str]:
    """A snapshot, page by page: the last cursor and its ETag."""
    cursor, pages, rows = None, 0, 0
    while True:
        answer = sync.sync_detailed(client=client, limit=200, **({"cursor": cursor} if cursor else {}))
        assert isinstance(answer.parsed, SyncResponse), answer.content
        assert answer.parsed.reset or cursor is not None
        pages += 1
        rows += sum(len(block.rows) for block in answer.parsed.changes)
        cursor = answer.parsed.cursor
        if not answer.parsed.has_more:
            step(f"sync snapshot: {rows} objects in {pages} pages")
            return cursor, answer.headers["ETag"]
        assert pages < 100, "the snapshot never ends"


def online_event(organization: int, timezone: str) -> EventRequest:
    """A two-hour online event in a month's time."""
    starts = datetime.datetime.now(datetime.UTC).replace(microsecond=0) + datetime.timedelta(days=30)
    return EventRequest(
        organization=organization,
        title="Partner bot vigil (example data)",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        timezone=timezone,
        is_online=True,
    )


def create_event(client: AuthenticatedClient, organization: int) -> tuple[Event, str]:
    created = events_create.sync_detailed(
        client=client, idempotency_key=str(uuid.uuid4()), body=online_event(organization, "Europe/Berlin")
    )
    assert created.status_code == HTTPStatus.CREATED, created.content
    assert isinstance(created.parsed, Event), created.content
    step(f"created event {created.parsed.id}")
    return created.parsed, created.headers["ETag"]


def delta_then_not_modified(client: AuthenticatedClient, cursor: str, event: Event) -> None:
    delta = sync.sync_detailed(client=client, cursor=cursor)
    assert isinstance(delta.parsed, SyncResponse), delta.content
    assert not delta.parsed.reset, delta.parsed
    events = [block for block in delta.parsed.changes if block.type_ == "event"]
    assert events, delta.parsed
    ids = [row[events[0].fields.index(events[0].key)] for row in events[0].rows]
    assert event.id in ids, (event.id, ids)
    step(f"sync delta: event {event.id} among the changes")
    again = sync.sync_detailed(client=client, cursor=delta.parsed.cursor, if_none_match=delta.headers["ETag"])
    assert again.status_code == HTTPStatus.NOT_MODIFIED, (again.status_code, again.content)
    assert again.content == b""
    step("sync again with the ETag: 304 Not Modified")


def update_with_if_match(client: AuthenticatedClient, event: Event, etag: str) -> None:
    updated = events_partial_update.sync_detailed(
        event.id, client=client, if_match=etag, body=PatchedEventRequest(title="Partner bot vigil, moved")
    )
    assert isinstance(updated.parsed, Event), updated.content
    assert updated.parsed.version == event.version + 1, updated.parsed
    step(f"If-Match update: version {updated.parsed.version}")
    stale = events_partial_update.sync_detailed(
        event.id, client=client, if_match=etag, body=PatchedEventRequest(title="Overwritten by a stale copy")
    )
    assert stale.status_code == HTTPStatus.PRECONDITION_FAILED, stale.content
    assert isinstance(stale.parsed, PreconditionFailedProblem), stale.content
    assert stale.parsed.current["title"] == "Partner bot vigil, moved", stale.parsed
    step("stale If-Match: 412 parsed as PreconditionFailedProblem, with the current state")


def invalid_create(client: AuthenticatedClient, organization: int) -> None:
    refused = events_create.sync_detailed(client=client, body=online_event(organization, "Not/A_Zone"))
    assert refused.status_code == HTTPStatus.BAD_REQUEST, refused.content
    assert isinstance(refused.parsed, ValidationProblem), refused.content
    assert refused.headers["Content-Type"] == "application/problem+json", refused.headers
    assert [error.attr for error in refused.parsed.errors] == ["timezone"], refused.parsed
    step("invalid create: 400 parsed into ValidationProblem")


def main(base_url: str, username: str, password: str) -> None:
    anonymous = Client(base_url=base_url, timeout=TIMEOUT, raise_on_unexpected_status=True)
    anonymous_list(anonymous)
    token = sign_in(anonymous, username, password)
    client = AuthenticatedClient(
        base_url=base_url, token=token, timeout=TIMEOUT, raise_on_unexpected_status=True
    )
    me = me_retrieve.sync_detailed(client=client).parsed
    assert isinstance(me, Me) and me.memberships, me
    organization = me.memberships[0].organization
    cursor, _ = full_sync(client)
    event, etag = create_event(client, organization)
    delta_then_not_modified(client, cursor, event)
    update_with_if_match(client, event, etag)
    invalid_create(client, organization)


if __name__ == "__main__":
    main(*sys.argv[1:4])
