from django.apps import AppConfig


class MailConfig(AppConfig):
    name = "mail"
    verbose_name = "E-mail"

    def ready(self):
        from inbox.producers import notification_created

        from .receivers import on_notification_created

        notification_created.connect(on_notification_created, dispatch_uid="mail.notifications")
