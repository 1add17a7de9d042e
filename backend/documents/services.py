"""Every write rule on documents: who may change one, the review workflow, version history and attachments.

Rules raise the domain errors of `core.errors`; the one exception handler answers them.
"""

import difflib

from django.db import transaction
from django.utils import timezone

from core.errors import Conflict, Invalid, InvalidTransition, NotAllowed
from core.viewer import Viewer
from core.visibility import narrowest

from .models import Attachment, Document, DocumentVersion
from .uploads import Inspected

MAX_ATTACHMENTS = 20

Status = Document.Status

# action: (statuses it starts from, status it leads to, admins only)
TRANSITIONS = {
    "submit": ({Status.DRAFT}, Status.IN_REVIEW, False),
    "publish": ({Status.IN_REVIEW, Status.ARCHIVED}, Status.PUBLISHED, True),
    "archive": ({Status.PUBLISHED}, Status.ARCHIVED, True),
    "revise": ({Status.IN_REVIEW, Status.PUBLISHED, Status.ARCHIVED}, Status.DRAFT, False),
}


DONE = {
    "submit": "submitted for review",
    "publish": "published",
    "archive": "archived",
    "revise": "turned back into a draft",
}


def _transition(*, document: Document, action: str) -> None:
    sources, target, _ = TRANSITIONS[action]
    if document.status not in sources:
        allowed = " or ".join(sorted(str(Status(s).label).lower() for s in sources))
        raise InvalidTransition(
            f"This document is {document.get_status_display().lower()}; only a document that is "
            f"{allowed} can be {DONE[action]}."
        )
    document.status = target


def document_check_editable(*, document: Document, viewer: Viewer) -> None:
    """Coordinators change only drafts (and their attachments); the network office changes any document."""
    if not viewer.is_admin and document.status != Status.DRAFT:
        raise NotAllowed(
            f"This document is {document.get_status_display().lower()}; coordinators change only "
            "drafts. Use revise to turn it back into a draft."
        )


def document_create(*, viewer: Viewer, actor, translation_of: Document | None = None, **fields) -> Document:
    """A new draft; given `translation_of`, it joins that document's group in a language the group
    does not have yet among the documents `viewer` may see."""
    if translation_of is not None:
        taken = (
            Document.objects.visible_to(viewer)
            .filter(translation_group=translation_of.translation_group, language=fields.get("language"))
            .values_list("id", flat=True)
            .first()
        )
        if taken is not None:
            raise Conflict(f"Document {taken} is already the translation in this language.", field="language")
        fields["translation_group"] = translation_of.translation_group
    return Document.objects.create(created_by=actor, **fields)


def document_update(
    *, document: Document, viewer: Viewer, actor, translation_of: Document | None = None, **fields
) -> Document:
    """Change a document; a published one keeps the text it now shows as a new version."""
    if translation_of is not None:
        raise Invalid("Set only when creating; a document cannot change its group.", field="translation_of")
    document_check_editable(document=document, viewer=viewer)
    for name, value in fields.items():
        setattr(document, name, value)
    document.save()
    document_record_version(document=document, actor=actor)
    return document


def document_delete(*, document: Document, viewer: Viewer) -> None:
    document_check_editable(document=document, viewer=viewer)
    document.delete()


def document_submit(*, document: Document) -> Document:
    """Hand a draft to the network office for review."""
    _transition(document=document, action="submit")
    document.save()
    return document


def document_publish(*, document: Document, actor) -> Document:
    """Publish: readers see it from now on, and this text is kept as a new version."""
    _transition(document=document, action="publish")
    document.published_at = timezone.now()
    document.save()
    document_record_version(document=document, actor=actor)
    return document


def document_archive(*, document: Document) -> Document:
    """Withdraw a published document from readers; its versions stay in the history."""
    _transition(document=document, action="archive")
    document.save()
    return document


def document_revise(*, document: Document) -> Document:
    """Turn the document back into a draft (to revise it, or return it from review)."""
    _transition(document=document, action="revise")
    document.save()
    return document


def document_record_version(*, document: Document, actor) -> DocumentVersion | None:
    """Keep the published text as a new numbered version unless it equals the latest one.

    The version records the audience it was published to. Widening a published document is
    a new publication to the wider audience: it is kept as a new version, and the versions
    before it stay with the narrower audience that read them.
    """
    if document.status != Status.PUBLISHED:
        return None
    latest = document.versions.order_by("-number").first()
    snapshot = {
        "title": document.title,
        "summary": document.summary,
        "body": document.body,
        "language": document.language,
        "visibility": narrowest(document.visibility, document.organization.visibility),
    }
    if latest is not None and all(getattr(latest, key) == value for key, value in snapshot.items()):
        return None
    return DocumentVersion.objects.create(
        document=document,
        number=(latest.number if latest else 0) + 1,
        body_html=document.body_html,
        published_at=timezone.now(),
        published_by=actor if getattr(actor, "is_authenticated", False) else None,
        **snapshot,
    )


def version_text(version: DocumentVersion) -> list[str]:
    lines = [f"Title: {version.title}", f"Language: {version.language}", f"Summary: {version.summary}", ""]
    return [*lines, *version.body.splitlines()]


def version_diff(*, older: DocumentVersion, newer: DocumentVersion) -> str:
    """A unified diff between two versions of a document."""
    return "\n".join(
        difflib.unified_diff(
            version_text(older),
            version_text(newer),
            fromfile=f"version {older.number}",
            tofile=f"version {newer.number}",
            lineterm="",
        )
    )


def _count_attachments(document: Document) -> None:
    document.attachment_count = document.attachments.count()
    document.save(update_fields=["attachment_count", "version", "updated_at"])


def attachment_add(*, document: Document, upload, inspected: Inspected, actor, is_example: bool = False):
    """Store an inspected upload under a random name and attach it to `document`."""
    if document.attachments.count() >= MAX_ATTACHMENTS:
        raise Invalid(f"A document holds at most {MAX_ATTACHMENTS} attachments.", field="file")
    upload.seek(0)
    attachment = Attachment(
        document=document,
        name=inspected.name,
        content_type=inspected.kind.content_type,
        size=inspected.size,
        sha256=inspected.sha256,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
        is_example=is_example,
    )
    attachment.file.save(inspected.name, upload, save=False)
    try:
        with transaction.atomic():
            attachment.save()
            _count_attachments(document)
    except Exception:
        attachment.file.storage.delete(attachment.file.name)  # written, but nothing refers to it
        raise
    return attachment


def attachment_delete(*, attachment: Attachment) -> None:
    """Remove the attachment; its stored file goes once the transaction commits (see signals.py)."""
    document = attachment.document
    attachment.delete()
    _count_attachments(document)
