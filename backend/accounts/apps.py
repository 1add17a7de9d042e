from django.apps import AppConfig

from changes.registry import admins_only, track
from core.viewer import provide_memberships


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and memberships"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model  # models load only once the app registry is ready

        from . import schema, signals  # noqa: F401  (OpenAPI auth scheme; session revocation)
        from .models import Invitation, Membership, memberships_of

        provide_memberships(memberships_of)
        track(Membership, "membership", synced=False)
        track(Invitation, "invitation", synced=False, exclude=("token_hash",))
        # Accounts have no rule of their own: only the network office reads them.
        track(
            get_user_model(),
            "user",
            synced=False,
            audience=admins_only,
            owners=lambda user: user.memberships.values_list("organization_id", flat=True),
        )
