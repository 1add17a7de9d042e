from django.apps import AppConfig

from changes.registry import track
from search.registry import Searchable, register


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = "Documents"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (stored files follow their rows)
        from .models import Attachment, Document  # models load only once the app registry is ready

        track(
            Document,
            "document",
            exclude=("body_html",),
            # Replicas hold what readers see; a revision is read from the API by its authors.
            sync_exclude=("revision_status",),
            queryset=lambda: Document.objects.select_related("organization").prefetch_related("attachments"),
        )
        track(Attachment, "document_attachment", synced=False)

        register(
            Searchable(
                type_name="document",
                model=Document,
                fields=(("title", "A"), ("summary", "B"), ("body", "C")),
                title_field="title",
                snippet_fields=("summary", "body"),
                url_name="document-detail",
                language_field="language",
                country_field="countries",
                select_related=("organization",),
            )
        )
