from django.apps import AppConfig

from changes.registry import add_dependents, track
from search.registry import Searchable, register


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = "Campaigns and events"

    def ready(self) -> None:
        from organizations.models import Organization  # models load only once the app registry is ready

        from .models import Campaign, Event

        # Events follow their campaign's visibility, so a campaign's change re-evaluates them.
        track(Campaign, "campaign", dependents=lambda campaign: campaign.events.all())
        track(Event, "event")
        add_dependents(Organization, lambda org: org.events.all())

        register(
            Searchable(
                type_name="event",
                model=Event,
                fields=(("title", "A"), ("description", "B"), ("place", "C"), ("city", "C")),
                title_field="title",
                snippet_fields=("description", "place", "city"),
                url_name="event-detail",
                country_code_field="country",
                select_related=("organization", "campaign"),
            )
        )
