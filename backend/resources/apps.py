from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "Resources, responses and matches"

    def ready(self) -> None:
        from changes.registry import add_dependents, track
        from organizations.models import Organization

        from .models import Resource, ResourceResponse, ResponseMessage

        track(Resource, "resource")
        # Never more visible than its organization, and shows its name: follow it.
        add_dependents(Organization, lambda org: org.resources.all())
        # Responses and their threads belong to exactly two organizations; they are audited, never synced.
        track(ResourceResponse, "resource_response", synced=False)
        track(ResponseMessage, "response_message", synced=False)
