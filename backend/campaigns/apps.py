from django.apps import AppConfig

from changes.registry import track
from search.registry import Searchable, register


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = "Campaigns and events"

    def ready(self) -> None:
        from .models import Campaign, Event  # models load only once the app registry is ready

        # Events follow their organization and campaign (their rule's parents): the feed
        # records them again when either changes.
        track(Campaign, "campaign")
        track(Event, "event")

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
