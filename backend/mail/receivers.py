"""Inbox notifications that are also e-mailed start their job here, once their transaction committed."""

from inbox.models import Notification

from .notifications import EMAILED
from .tasks import send_notification_emails


def on_notification_created(sender, notification: Notification, **kwargs) -> None:
    if notification.kind in EMAILED:
        send_notification_emails.enqueue(notification.pk)
