"""Examples of the standard actions of a resource, all drawn from one object as the API shows it.

A developer reads an example before a schema, and generators build fixtures from them, so each
main operation has one, and all of a resource's agree: the list shows the object the detail read
shows, the create and the update answer it. Every example is checked against its schema in
`tests/core/test_contract_examples.py`.
"""

from dataclasses import dataclass, field

from drf_spectacular.utils import OpenApiExample


@dataclass(frozen=True)
class ResourceSample:
    """One object of a resource. `read` is what a detail read answers; a list shows the fields
    of `listed_by` (all of them if it is None); a create's body (if the viewset gives none of its
    own) is what `created_by` writes of it, with `create_values` over them; `change` a partial
    update's body. Serializers name the fields, so the examples follow them."""

    title: str
    read: dict
    change: dict
    listed_by: type | None = None
    created_by: type | None = None
    create_values: dict = field(default_factory=dict)

    @property
    def listed(self) -> dict:
        if self.listed_by is None:
            return self.read
        shown = [name for name, f in self.listed_by().fields.items() if not f.write_only]
        return {name: self.read[name] for name in shown}

    @property
    def create(self) -> dict | None:
        if self.created_by is None:
            return None
        writable = [
            name for name, f in self.created_by().fields.items() if not f.read_only and name in self.read
        ]
        return {**{name: self.read[name] for name in writable}, **self.create_values}


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
        "list": [OpenApiExample(title, value=sample.listed, response_only=True, status_codes=["200"])],
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
