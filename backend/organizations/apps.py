from django.apps import AppConfig


class OrganizationsConfig(AppConfig):
    name = "organizations"
    verbose_name = "Organizations and contact points"

    def ready(self) -> None:
        from changes.registry import track

        from .models import ContactPoint, Organization

        track(Organization, "organization", dependents=lambda org: org.contact_points.all())
        track(ContactPoint, "contact_point")
