from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "Resources, responses and matches"

    def ready(self) -> None:
        from changes.registry import track

        from .models import Resource, ResourceResponse, ResponseMessage

        track(Resource, "resource")
        # Responses and their threads belong to exactly two organizations; they are audited, never synced.
        track(ResourceResponse, "resource_response", synced=False)
        track(ResponseMessage, "response_message", synced=False)
