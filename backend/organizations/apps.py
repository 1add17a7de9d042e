from django.apps import AppConfig

from changes.registry import track
from search.registry import Searchable, register


def contact_title(contact) -> str:
    """A contact point is found as "<organization> · <label or channel>"."""
    label = contact.label or contact.get_channel_display()
    return f"{contact.organization.name} · {label}"


class OrganizationsConfig(AppConfig):
    name = "organizations"
    verbose_name = "Organizations and contact points"

    def ready(self) -> None:
        from .models import ContactPoint, Organization  # models load only once the app registry is ready

        # Replicas hold every translation and pick the reader's language themselves, offline.
        track(Organization, "organization", sync_exclude=("localized",))
        # Replicas hold the organization, so contact points reach them without its name.
        track(ContactPoint, "contact_point", sync_exclude=("organization_name", "localized"))

        register(
            Searchable(
                type_name="organization",
                model=Organization,
                fields=(("name", "A"), ("slug", "B"), ("description", "B"), ("translations", "B")),
                title_field="name",
                snippet_fields=("description",),
                url_name="organization-detail",
                languages_field="languages",
                country_field="countries",
            )
        )
        register(
            Searchable(
                type_name="contact_point",
                model=ContactPoint,
                fields=(
                    ("label", "A"),
                    ("organization__name", "B"),
                    ("value", "B"),
                    ("hours", "C"),
                    ("security_advice", "C"),
                    ("translations", "C"),
                ),
                title_of=contact_title,
                snippet_fields=("label", "hours", "security_advice"),
                url_name="contactpoint-detail",
                languages_field="languages",
                country_field="countries",
                select_related=("organization",),
            )
        )
