"""Which inbox notifications are also e-mailed, under which switch, and to whom.

News on responses and their messages reach the members of the notified organization by
e-mail (each can switch a kind off); matches and stale contacts stay in the inbox, the
latter summed up by the monthly digest. The e-mail says only what kind of thing happened,
never the resource's title or who wrote: the person opens the app to read it.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from core.viewer import viewer_for
from inbox.models import Notification

from .models import MailPreferences

Kind = Notification.Kind


@dataclass(frozen=True)
class Emailed:
    switch: str  # the MailPreferences field that turns this kind off
    headline: str


RESPONSES, MESSAGES = "responses", "messages"
EMAILED = {
    Kind.RESPONSE_RECEIVED: Emailed(RESPONSES, _("A resource of your organization has a new response.")),
    Kind.RESPONSE_ACCEPTED: Emailed(RESPONSES, _("A response of your organization was accepted.")),
    Kind.RESPONSE_DECLINED: Emailed(RESPONSES, _("A response of your organization was declined.")),
    Kind.RESPONSE_WITHDRAWN: Emailed(RESPONSES, _("A response to a resource of yours was withdrawn.")),
    Kind.MESSAGE_RECEIVED: Emailed(MESSAGES, _("There is a new message on a response of your organization.")),
}


def recipients(notification: Notification) -> list[int]:
    """Ids of the notified organization's members who want this kind by e-mail, but its author."""
    switch = EMAILED[Notification.Kind(notification.kind)].switch
    opted_out = MailPreferences.objects.filter(**{switch: False}).values("user_id")
    users = (
        get_user_model()
        .objects.filter(is_active=True, memberships__organization_id=notification.organization_id)
        .exclude(email="")
        .exclude(pk__in=opted_out)
    )
    if notification.actor_id is not None:
        users = users.exclude(pk=notification.actor_id)
    return list(users.order_by("pk").values_list("pk", flat=True).distinct())


def may_read(user, notification: Notification) -> bool:
    """Whether `user` still sees `notification` in their inbox (membership, the resource's visibility)."""
    return Notification.objects.visible_to(viewer_for(user)).filter(pk=notification.pk).exists()
