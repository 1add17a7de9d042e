from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = "Campaigns and events"

    def ready(self) -> None:
        from changes.registry import add_dependents, track
        from organizations.models import Organization

        from .models import Campaign, Event

        # Events follow their campaign's visibility, so a campaign's change re-evaluates them.
        track(Campaign, "campaign", dependents=lambda campaign: campaign.events.all())
        track(Event, "event")
        add_dependents(Organization, lambda org: org.events.all())
