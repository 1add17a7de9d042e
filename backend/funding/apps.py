from django.apps import AppConfig

from changes.registry import track


class FundingConfig(AppConfig):
    name = "funding"
    verbose_name = "Funding ledger"

    def ready(self) -> None:
        from .models import LedgerEntry  # models load only once the app registry is ready

        # Audited for the network office and the recipient only; entries never sync to devices.
        track(LedgerEntry, "ledger_entry", synced=False)
