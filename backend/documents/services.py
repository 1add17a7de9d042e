"""Every write rule on documents: who may change one, the review workflow, version history and attachments.

Revising a published document does not take it from readers: the workflow then runs on its
`DocumentRevision` (draft, in review) while the document stays published, and publishing the
revision copies it onto the document.

Rules raise the domain errors of `core.errors`; the one exception handler answers them.
"""

import difflib

from django.db import transaction
from django.utils import timezone

from core.errors import Conflict, Invalid, InvalidTransition, NotAllowed
from core.viewer import Viewer
from core.visibility import narrowest

from .models import Attachment, Document, DocumentRevision, DocumentVersion
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


def open_revision(document: Document) -> DocumentRevision | None:
    """The revision under way of a published document, if any."""
    try:
        return document.revision
    except DocumentRevision.DoesNotExist:
        return None


def workflow_status(document: Document) -> str:
    """Where the document stands for its authors: its revision's status while one is open."""
    revision = open_revision(document)
    return revision.status if revision is not None else document.status


def _check_transition(*, document: Document, action: str) -> None:
    sources, _, _ = TRANSITIONS[action]
    current = workflow_status(document)
    if current not in sources:
        allowed = " or ".join(sorted(str(Status(s).label).lower() for s in sources))
        raise InvalidTransition(
            f"This document is {Status(current).label.lower()}; only a document that is "
            f"{allowed} can be {DONE[action]}."
        )


def document_check_editable(*, document: Document, viewer: Viewer) -> None:
    """Coordinators change only drafts (and their attachments); the network office changes any document.

    A published document under revision is no draft here: its attachments and its existence are
    what readers see; only its text changes, through `document_update`.
    """
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
    """Change a document; a published one keeps the text it now shows as a new version.

    While a revision is open the change goes to the revision, and readers keep the published text.
    """
    if translation_of is not None:
        raise Invalid("Set only when creating; a document cannot change its group.", field="translation_of")
    revision = open_revision(document)
    if revision is not None:
        return _revision_update(document=document, revision=revision, viewer=viewer, **fields)
    document_check_editable(document=document, viewer=viewer)
    for name, value in fields.items():
        setattr(document, name, value)
    document.save()
    document_record_version(document=document, actor=actor)
    return document


def _revision_update(*, document: Document, revision: DocumentRevision, viewer: Viewer, **fields) -> Document:
    if not viewer.is_admin and revision.status != DocumentRevision.Status.DRAFT:
        raise NotAllowed(
            f"This revision is {revision.get_status_display().lower()}; coordinators change only "
            "drafts. Use revise to turn it back into a draft."
        )
    if fields.pop("language", document.language) != document.language:
        raise Invalid(
            "A published document keeps its language; write a translation for another language.",
            field="language",
        )
    for name, value in fields.items():
        setattr(revision, name, value)
    revision.save()
    document.save(update_fields=["version", "updated_at"])  # a new ETag: If-Match guards the revision
    return document


def document_delete(*, document: Document, viewer: Viewer) -> None:
    document_check_editable(document=document, viewer=viewer)
    document.delete()


def _set_revision_status(document: Document, revision: DocumentRevision, status: str) -> Document:
    revision.status = status
    revision.save(update_fields=["status", "updated_at"])
    document.save(update_fields=["version", "updated_at"])
    return document


def _apply_revision(document: Document, revision: DocumentRevision) -> None:
    """The revision's text becomes the document's; the revision is done."""
    for name in DocumentRevision.TEXT_FIELDS:
        setattr(document, name, getattr(revision, name))
    revision.delete()
    document.revision = None  # the cached one-to-one would still answer the deleted row


def document_submit(*, document: Document) -> Document:
    """Hand a draft (or a revision's draft) to the network office for review."""
    _check_transition(document=document, action="submit")
    revision = open_revision(document)
    if revision is not None:
        return _set_revision_status(document, revision, DocumentRevision.Status.IN_REVIEW)
    document.status = Status.IN_REVIEW
    document.save()
    return document


def document_publish(*, document: Document, actor) -> Document:
    """Publish: readers see it (or its revision) from now on, and this text is kept as a new version."""
    _check_transition(document=document, action="publish")
    revision = open_revision(document)
    if revision is not None:
        _apply_revision(document, revision)
    document.status = Status.PUBLISHED
    document.published_at = timezone.now()
    document.save()
    document_record_version(document=document, actor=actor)
    return document


def document_archive(*, document: Document) -> Document:
    """Withdraw a published document from readers; its versions stay in the history.

    An open revision's text stays with the archived document, which its authors may revise again.
    """
    if document.status != Status.PUBLISHED:
        _check_transition(document=document, action="archive")
    revision = open_revision(document)
    if revision is not None:
        _apply_revision(document, revision)
    document.status = Status.ARCHIVED
    document.save()
    return document


def document_revise(*, document: Document) -> Document:
    """Turn the document back into a draft (to revise it, or return it from review).

    A published document stays published: its revision is the draft, so readers keep the
    published text until the revision is published.
    """
    _check_transition(document=document, action="revise")
    revision = open_revision(document)
    if revision is not None:
        return _set_revision_status(document, revision, DocumentRevision.Status.DRAFT)
    if document.status == Status.PUBLISHED:
        DocumentRevision.objects.create(
            document=document, **{name: getattr(document, name) for name in DocumentRevision.TEXT_FIELDS}
        )
        document.save(update_fields=["version", "updated_at"])
        return document
    document.status = Status.DRAFT
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
