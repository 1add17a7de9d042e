from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = "Documents"

    def ready(self) -> None:
        from changes.registry import add_dependents, track
        from organizations.models import Organization
        from search.registry import Searchable, register

        from . import signals  # noqa: F401  (stored files follow their rows)
        from .models import Attachment, Document

        track(
            Document,
            "document",
            exclude=("body_html", "search_config", "search_vector"),
            queryset=lambda: Document.objects.select_related("organization").prefetch_related("attachments"),
        )
        track(Attachment, "document_attachment", synced=False)

        # A published document is never more visible than its organization: when the
        # organization's visibility changes, its documents' audiences change with it.
        add_dependents(Organization, lambda org: org.documents.all())

        register(
            Searchable(
                type_name="document",
                model_label="documents.Document",
                fields=(("title", "A"), ("summary", "B"), ("body", "C")),
                title_field="title",
                snippet_fields=("summary", "body"),
                url_name="document-detail",
                vector_field="search_vector",
                config_field="search_config",
                language_field="language",
                country_field="countries",
                select_related=("organization",),
            )
        )
