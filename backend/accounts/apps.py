from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and memberships"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model

        from changes.registry import admins_only, track

        from . import schema  # noqa: F401  (registers the OpenAPI auth scheme)
        from .models import Membership

        track(Membership, "membership", synced=False)
        track(
            get_user_model(),
            "user",
            synced=False,
            audience=admins_only,
            owners=lambda user: user.memberships.values_list("organization_id", flat=True),
        )
