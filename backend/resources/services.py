"""Writes with side effects on resources, responses and their threads.

Each service validates the workflow rule it enforces (400 with a message per field),
writes, and tells the organizations concerned through the inbox producers.
"""

from django.utils import timezone
from rest_framework.exceptions import ValidationError

from core.viewer import Viewer
from inbox import producers

from .models import Resource, ResourceResponse, ResponseMessage

# A new match is worth telling only when one of these changed.
MATCH_FIELDS = {"kind", "category", "countries", "languages", "status", "valid_until", "visibility"}


def check_transition(*, resource: Resource, status: str) -> None:
    """Raise a 400 unless the workflow allows `resource` to move to `status`."""
    if status == resource.status:
        return
    if not resource.can_become(status):
        allowed = ", ".join(sorted(resource.TRANSITIONS[resource.status])) or "none"
        raise ValidationError(
            {"status": f"A {resource.status} resource cannot become {status}; allowed: {allowed}."}
        )
    if status in Resource.LIVE_STATUSES and resource.is_expired:
        raise ValidationError({"status": "This resource has expired; extend `valid_until` first."})


def resource_create(*, actor, **fields) -> Resource:
    resource = Resource.objects.create(created_by=actor, **fields)
    producers.resource_matched(resource=resource, actor=actor)
    return resource


def resource_update(*, resource: Resource, actor, **fields) -> Resource:
    if "status" in fields:
        check_transition(resource=resource, status=fields["status"])
    changed = {name for name, value in fields.items() if getattr(resource, name) != value}
    for name, value in fields.items():
        setattr(resource, name, value)
    resource.save()
    if changed & MATCH_FIELDS:
        producers.resource_matched(resource=resource, actor=actor)
    return resource


def resource_set_status(*, resource: Resource, status: str, actor) -> Resource:
    check_transition(resource=resource, status=status)
    if status != resource.status:
        resource.status = status
        resource.save(update_fields=["status", "version", "updated_at"])
    return resource


def response_create(
    *, resource: Resource, organization, message: str, contribution: str, actor
) -> ResourceResponse:
    if organization.pk == resource.organization_id:
        raise ValidationError({"organization": "An organization cannot respond to its own resource."})
    if resource.effective_status != Resource.Status.OPEN:
        raise ValidationError(
            {"resource": f"Only open resources take responses; this one is {resource.effective_status}."}
        )
    if ResourceResponse.objects.filter(resource=resource, organization=organization).exists():
        raise ValidationError({"organization": "This organization already responded to this resource."})
    response = ResourceResponse.objects.create(
        resource=resource,
        organization=organization,
        message=message,
        contribution=contribution,
        created_by=actor,
    )
    producers.response_received(response=response, actor=actor)
    return response


def response_update(*, response: ResourceResponse, actor, **fields) -> ResourceResponse:
    if response.status != ResourceResponse.Status.PENDING:
        raise ValidationError(
            {"status": f"Only a pending response can be edited; this one is {response.status}."}
        )
    for name, value in fields.items():
        setattr(response, name, value)
    response.save()
    return response


def _decide(*, response: ResourceResponse, status: str, note: str, actor) -> ResourceResponse:
    if response.status != ResourceResponse.Status.PENDING:
        raise ValidationError(
            {"status": f"Only a pending response can be decided; this one is {response.status}."}
        )
    resource = response.resource
    if status == ResourceResponse.Status.ACCEPTED:
        if resource.effective_status not in Resource.LIVE_STATUSES:
            raise ValidationError(
                {"resource": f"A response to a {resource.effective_status} resource cannot be accepted."}
            )
        resource_set_status(resource=resource, status=Resource.Status.IN_PROGRESS, actor=actor)
    response.status = status
    response.decided_at = timezone.now()
    response.decided_by = actor
    response.decision_note = note
    response.save(
        update_fields=["status", "decided_at", "decided_by", "decision_note", "version", "updated_at"]
    )
    producers.response_decided(response=response, actor=actor)
    return response


def response_accept(*, response: ResourceResponse, note: str = "", actor) -> ResourceResponse:
    """Accept: the resource moves on to `in_progress` and the responder is told."""
    return _decide(response=response, status=ResourceResponse.Status.ACCEPTED, note=note, actor=actor)


def response_decline(*, response: ResourceResponse, note: str = "", actor) -> ResourceResponse:
    return _decide(response=response, status=ResourceResponse.Status.DECLINED, note=note, actor=actor)


def response_withdraw(*, response: ResourceResponse, actor) -> ResourceResponse:
    if response.status != ResourceResponse.Status.PENDING:
        raise ValidationError(
            {"status": f"Only a pending response can be withdrawn; this one is {response.status}."}
        )
    response.status = ResourceResponse.Status.WITHDRAWN
    response.save(update_fields=["status", "version", "updated_at"])
    producers.response_withdrawn(response=response, actor=actor)
    return response


def message_post(*, response: ResourceResponse, body: str, viewer: Viewer, actor) -> ResponseMessage:
    """Post for the side the author coordinates (the resource owner's first); admins post as the office."""
    sides = (response.resource.organization_id, response.organization_id)
    side = next((org for org in sides if org in viewer.coordinator_of), None)
    message = ResponseMessage.objects.create(response=response, organization_id=side, author=actor, body=body)
    producers.message_posted(message=message, actor=actor)
    return message
