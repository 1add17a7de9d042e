from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and memberships"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model

        from changes.registry import admins_only, track

        from . import schema, signals  # noqa: F401  (OpenAPI auth scheme; session revocation)
        from .models import Invitation, Membership

        track(Membership, "membership", synced=False)
        track(Invitation, "invitation", synced=False, exclude=("token_hash",))
        track(
            get_user_model(),
            "user",
            synced=False,
            audience=admins_only,
            owners=lambda user: user.memberships.values_list("organization_id", flat=True),
        )
