from django.apps import AppConfig


class FundingConfig(AppConfig):
    name = "funding"
    verbose_name = "Funding ledger"

    def ready(self) -> None:
        from changes.registry import track

        from .models import LedgerEntry

        # Audited for the network office and the recipient only; entries never sync to devices.
        track(LedgerEntry, "ledger_entry", synced=False)
