"""A sync client as an offline app would write it, and the list endpoints it must agree with."""

from __future__ import annotations

from django.urls import reverse
from rest_framework.test import APIClient

from changes.registry import synced_entries

SYNC_URL = "/api/v1/sync/"


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
            for item in body["changes"]:
                key = (item["type"], item["id"])
                if item["op"] == "upsert":
                    target[key] = item["data"]
                else:
                    assert item["op"] == "delete" and item["data"] is None
                    target.pop(key, None)
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
    """Everything the client's viewer gets from the list endpoints of every synced type, all pages."""
    seen: dict[tuple[str, str], dict] = {}
    for entry in synced_entries():
        url, params = list_url(entry), {"page_size": 100}
        while url:
            response = client.get(url, params)
            assert response.status_code == 200, (url, response.content)
            body = response.json()
            for item in body["results"]:
                key = item["id"] if entry.key_field == "pk" else item[entry.key_field]
                seen[(entry.type_name, str(key))] = item
            url, params = body["next"], None
    return seen
