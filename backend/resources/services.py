"""Every write rule on resources, responses and their threads.

Each service checks the rules of its write, raising the domain errors of `core.errors`
(the one exception handler answers them), writes, and tells the organizations concerned
through the inbox producers. Views and serializers only declare and validate shapes.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import Conflict, Invalid, InvalidTransition, NotAllowed
from core.viewer import Viewer
from inbox import producers

from .models import Resource, ResourceResponse, ResponseMessage

# A new match is worth telling only when one of these changed.
MATCH_FIELDS = {"kind", "category", "countries", "languages", "status", "valid_until", "visibility"}


def resource_status(status: str) -> str:
    """A resource's (effective) status as a word of the request's language, for messages naming one."""
    return str(dict(Resource.EFFECTIVE_STATUS_CHOICES).get(status, status))


def response_status(status: str) -> str:
    """A response's status as a word of the request's language, for messages naming one."""
    return str(dict(ResourceResponse.Status.choices).get(status, status))


def check_transition(*, resource: Resource, status: str) -> None:
    """Refuse a move the workflow does not allow `resource` to make to `status`."""
    if status == resource.status:
        return
    if not resource.can_become(status):
        allowed = ", ".join(map(resource_status, sorted(resource.TRANSITIONS[resource.status]))) or _("none")
        raise InvalidTransition(
            _("A resource with the status “%(status)s” cannot become “%(target)s”; allowed: %(allowed)s.")
            % {
                "status": resource_status(resource.status),
                "target": resource_status(status),
                "allowed": allowed,
            }
        )
    if status in Resource.LIVE_STATUSES and resource.is_expired:
        raise InvalidTransition(_("This resource has expired; extend `valid_until` first."))


def resource_create(*, actor, **fields) -> Resource:
    """A new offer or request; it starts open, and the organizations it fits are told."""
    if fields.get("status", Resource.Status.OPEN) != Resource.Status.OPEN:
        raise InvalidTransition(_("A new resource starts open."))
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


def resource_delete(*, resource: Resource) -> None:
    """Delete a resource no organization answered; one with responses is withdrawn instead."""
    if resource.responses.exists():
        raise InvalidTransition(_("This resource has responses; withdraw it instead of deleting it."))
    resource.delete()


def resource_set_status(*, resource: Resource, status: str) -> Resource:
    check_transition(resource=resource, status=status)
    if status != resource.status:
        resource.status = status
        resource.save(update_fields=["status", "version", "updated_at"])
    return resource


def response_create(
    *, resource: Resource, organization, message: str, contribution: str, actor
) -> ResourceResponse:
    if organization.pk == resource.organization_id:
        raise Invalid(_("An organization cannot respond to its own resource."), field="organization")
    if resource.effective_status != Resource.Status.OPEN:
        raise Invalid(
            _("Only open resources take responses; this one is “%(status)s”.")
            % {"status": resource_status(resource.effective_status)},
            field="resource",
        )
    if ResourceResponse.objects.filter(resource=resource, organization=organization).exists():
        raise Conflict(_("This organization already responded to this resource."), field="organization")
    response = ResourceResponse.objects.create(
        resource=resource,
        organization=organization,
        message=message,
        contribution=contribution,
        created_by=actor,
    )
    producers.response_received(response=response, actor=actor)
    return response


def response_update(*, response: ResourceResponse, **fields) -> ResourceResponse:
    if response.status != ResourceResponse.Status.PENDING:
        raise InvalidTransition(
            _("Only a pending response can be edited; this one is “%(status)s”.")
            % {"status": response_status(response.status)}
        )
    for name, value in fields.items():
        setattr(response, name, value)
    response.save()
    return response


def _decide(*, response: ResourceResponse, status: str, note: str, actor) -> ResourceResponse:
    if response.status != ResourceResponse.Status.PENDING:
        raise InvalidTransition(
            _("Only a pending response can be decided; this one is “%(status)s”.")
            % {"status": response_status(response.status)}
        )
    resource = response.resource
    if status == ResourceResponse.Status.ACCEPTED:
        if resource.effective_status not in Resource.LIVE_STATUSES:
            raise InvalidTransition(
                _("A response to a resource with the status “%(status)s” cannot be accepted.")
                % {"status": resource_status(resource.effective_status)},
                field="resource",
            )
        resource_set_status(resource=resource, status=Resource.Status.IN_PROGRESS)
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
        raise InvalidTransition(
            _("Only a pending response can be withdrawn; this one is “%(status)s”.")
            % {"status": response_status(response.status)}
        )
    response.status = ResourceResponse.Status.WITHDRAWN
    response.save(update_fields=["status", "version", "updated_at"])
    producers.response_withdrawn(response=response, actor=actor)
    return response


def response_side(*, response: ResourceResponse, viewer: Viewer, action: str) -> int | None:
    """The organization `viewer` acts for on `response`, or None when they act for neither.

    The resource's owner decides (accept, decline); the responder edits and withdraws; in the
    thread a coordinator of both writes for the resource's owner. Admins act for the office
    (None) unless they also coordinate a side.
    """
    owner, responder = response.resource.organization_id, response.organization_id
    sides = {"accept": (owner,), "decline": (owner,), "messages": (owner, responder)}.get(
        action, (responder,)
    )
    return next((org for org in sides if org in viewer.coordinator_of), None)


def message_post(*, response: ResourceResponse, body: str, viewer: Viewer, actor) -> ResponseMessage:
    """Post for the side the author coordinates (the resource owner's first); admins post as the office.

    The thread is about the resource: a side that may no longer see it (it was restricted,
    or its organization hidden) reads what was said but writes no more, as it could not answer
    a resource it cannot see (docs/design.md rules 1 and 3).
    """
    if not Resource.objects.visible_to(viewer).filter(pk=response.resource_id).exists():
        raise NotAllowed("You can no longer see the resource of this response; its thread is closed to you.")
    side = response_side(response=response, viewer=viewer, action="messages")
    message = ResponseMessage.objects.create(response=response, organization_id=side, author=actor, body=body)
    producers.message_posted(message=message, actor=actor)
    return message
