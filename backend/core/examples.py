"""Examples of the standard actions of a resource, all drawn from one object as the API shows it.

A developer reads an example before a schema, and generators build fixtures from them, so each
main operation has one, and all of a resource's agree: the list shows the object the detail read
shows, the create and the update answer it. Every example is checked against its schema in
`tests/core/test_contract_examples.py`.
"""

from dataclasses import dataclass

from drf_spectacular.utils import OpenApiExample


@dataclass(frozen=True)
class ResourceSample:
    """One object of a resource. `read` is what a detail read answers; `listed` what a list shows
    where that differs; `create` a create's body (if the viewset gives none of its own); `change`
    a partial update's body."""

    title: str
    read: dict
    change: dict
    listed: dict | None = None
    create: dict | None = None


def action_examples(sample: ResourceSample | None, create=()) -> dict[str, list[OpenApiExample]]:
    """The examples of each standard action (`list`, `retrieve`, `create`, `update`, `partial_update`)."""
    if sample is None:
        return {"create": list(create)}
    title = sample.title
    bodies = [
        *create,
        *([OpenApiExample(title, value=sample.create, request_only=True)] if sample.create else []),
    ]
    answer = OpenApiExample(title, value=sample.read, response_only=True, status_codes=["200"])
    return {
        # drf-spectacular puts a list's example on a page of its own.
        "list": [
            OpenApiExample(
                title, value=sample.listed or sample.read, response_only=True, status_codes=["200"]
            )
        ],
        "retrieve": [answer],
        "create": [
            *bodies,
            OpenApiExample(title, value=sample.read, response_only=True, status_codes=["201"]),
        ],
        "update": [*bodies, answer],
        "partial_update": [
            OpenApiExample(f"{title}: a change", value=sample.change, request_only=True),
            answer,
        ],
    }
