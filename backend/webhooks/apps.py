from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "webhooks"
    verbose_name = "Webhooks"

    def ready(self):
        from django.db.models.signals import post_save

        from changes.models import Change

        from .triggers import change_recorded

        post_save.connect(change_recorded, sender=Change, dispatch_uid="webhooks.change_recorded")
