from django.apps import AppConfig

from changes.registry import track
from search.registry import Searchable, register


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "Resources, responses and matches"

    def ready(self) -> None:
        from .models import Resource, ResourceResponse, ResponseMessage  # once the app registry is ready

        track(Resource, "resource")
        # Responses and their threads belong to exactly two organizations; they are audited, never synced.
        track(ResourceResponse, "resource_response", synced=False)
        track(ResponseMessage, "response_message", synced=False)

        register(
            Searchable(
                type_name="resource",
                model=Resource,
                fields=(("title", "A"), ("description", "B"), ("capacity", "C")),
                title_field="title",
                snippet_fields=("description",),
                url_name="resource-detail",
                languages_field="languages",
                country_field="countries",
                select_related=("organization",),
            )
        )
