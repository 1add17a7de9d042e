"""The event types a webhook endpoint subscribes to, in one vocabulary derived from the change feed.

Every synced type of the feed (changes/registry.py) gives three events, as the endpoint's owner
sees them: `<type>.created` (it came into their sight: made, or made visible to them),
`<type>.updated`, and `<type>.deleted` (it left their sight: deleted, restricted, compromised,
moved; carries only the id), exactly the upserts and deletions sync gives the same viewer.
An endpoint subscribes to events by name or to all of a type's with `<type>.*`.
"""

from changes.registry import synced_entries

ACTIONS = ("created", "updated", "deleted")
ANY_ACTION = "*"
PING = "webhook.test"


def event_types() -> list[str]:
    """Every event an endpoint may receive, but the ping."""
    return [f"{entry.type_name}.{action}" for entry in synced_entries() for action in ACTIONS]


def subscription_choices() -> list[str]:
    """What an endpoint may subscribe to: each event, and each type's wildcard."""
    wildcards = [f"{entry.type_name}.{ANY_ACTION}" for entry in synced_entries()]
    return [*event_types(), *wildcards]


def subscribes(patterns: list[str], event_type: str) -> bool:
    """Whether an endpoint subscribed to `patterns` receives `event_type`."""
    type_name = event_type.rpartition(".")[0]
    return event_type in patterns or f"{type_name}.{ANY_ACTION}" in patterns


def event_action(*, seen_before: bool, seen_now: bool) -> str | None:
    """What happened to an object for a viewer who saw it before a batch of changes (or not) and
    sees it now (or not); None when they saw it at neither end and are told nothing."""
    if seen_now:
        return "updated" if seen_before else "created"
    return "deleted" if seen_before else None
