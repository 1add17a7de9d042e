"""A sync client as an offline app would write it, and the list endpoints it must agree with."""

from __future__ import annotations

import re

from django.urls import reverse
from rest_framework.test import APIClient

from changes.registry import synced_entries

SYNC_URL = "/api/v1/sync/"
FRACTION_OF_A_SECOND = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.\d+")


def items(body: dict) -> list[tuple[str, str, str, dict | None]]:
    """(type, id, "upsert" or "delete", data) of each object a sync response names, from its blocks."""
    found = []
    for block in body["changes"]:
        fields, key = block["fields"], block["fields"].index(block["key"])
        assert len(set(fields)) == len(fields)
        for row in block["rows"]:
            assert len(row) == len(fields)
            found.append((block["type"], str(row[key]), "upsert", dict(zip(fields, row, strict=True))))
        found.extend((block["type"], str(key), "delete", None) for key in block["deleted"])
    keys = [(kind, key) for kind, key, _, _ in found]
    assert len(set(keys)) == len(keys), "a response names an object at most once"
    return found


def as_synced(entry, item: dict) -> dict:
    """A list endpoint's item as a replica holds it: the synced fields, times to the whole second."""
    return {
        name: FRACTION_OF_A_SECOND.sub(r"\1", value) if isinstance(value, str) else value
        for name, value in item.items()
        if name in entry.synced_fields
    }


class Replica:
    """Holds {(type, id): data} built only from /sync/ responses."""

    def __init__(self, client: APIClient):
        self.client = client
        self.cursor: str | None = None
        self.etag: str | None = None
        self.objects: dict[tuple[str, str], dict] = {}
        self.responses: list = []

    def wipe(self) -> None:
        self.cursor = None
        self.etag = None
        self.objects = {}

    def sync(self, limit: int | None = None, use_etag: bool = True) -> list:
        """Sync until `has_more` is false; a reset builds a fresh replica and swaps it in at the end."""
        self.responses = []
        staged: dict | None = None
        first = True
        while True:
            params = {}
            if self.cursor:
                params["cursor"] = self.cursor
            if limit:
                params["limit"] = limit
            headers = {"HTTP_IF_NONE_MATCH": self.etag} if first and use_etag and self.etag else {}
            response = self.client.get(SYNC_URL, params, **headers)
            self.responses.append(response)
            if response.status_code == 304:
                assert first, "304 only answers the first request of a sync"
                assert response.content == b""
                return self.responses
            assert response.status_code == 200, response.content
            body = response.json()
            if body["reset"]:
                staged = {}
            target = staged if staged is not None else self.objects
            for kind, key, op, data in items(body):
                if op == "upsert":
                    target[(kind, key)] = data
                else:
                    target.pop((kind, key), None)
            self.cursor = body["cursor"]
            self.etag = response.get("ETag")
            first = False
            if not body["has_more"]:
                break
        if staged is not None:
            self.objects = staged
        return self.responses

    def of_type(self, type_name: str) -> dict[str, dict]:
        return {key: data for (kind, key), data in self.objects.items() if kind == type_name}


def list_url(entry) -> str:
    return reverse(f"{entry.model._meta.object_name.lower()}-list")


def listed(client: APIClient) -> dict[tuple[str, str], dict]:
    """Everything the client's viewer gets from the list endpoints of every synced type, all pages,
    as a replica holds it."""
    seen: dict[tuple[str, str], dict] = {}
    for entry in synced_entries():
        url, params = list_url(entry), {"page_size": 100}
        while url:
            response = client.get(url, params)
            assert response.status_code == 200, (url, response.content)
            body = response.json()
            for item in body["results"]:
                key = item["id"] if entry.key_field == "pk" else item[entry.key_field]
                seen[(entry.type_name, str(key))] = as_synced(entry, item)
            url, params = body["next"], None
    return seen
