"""Best-practice guides and templates: reviewed Markdown documents, their translations and files.

A document moves through a review workflow: coordinators of the author organization
write a draft and submit it; the network office publishes it (or returns it) and later
archives it. Only a published document is seen beyond its author organization, and
never more widely than that organization itself (docs/design.md, rule 1). Each publication
is kept as a numbered version so readers can see what changed. Revising a published
document opens a `DocumentRevision` beside it: readers keep the published text until the
revision is published over it.
"""

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django_countries.fields import CountryField

from core.fields import CodeListField
from core.models import VersionedModel
from core.visibility import Visibility, VisibilityRule, VisibleQuerySet

from .markdown import render_markdown


class GuideText(models.Model):
    """What the authors of a guide write, and who they write it for: a document's, or its revision's."""

    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True, help_text="Plain text.")
    body = models.TextField(blank=True, help_text="Markdown.")
    body_html = models.TextField(blank=True, editable=False, help_text="The body rendered and sanitized.")
    topics = CodeListField()
    countries = CountryField(multiple=True, blank=True)
    visibility = models.CharField(max_length=12, choices=Visibility.choices, default=Visibility.NETWORK)

    # Copied from a document when a revision opens, and back when it is published.
    TEXT_FIELDS = ("title", "summary", "body", "topics", "countries", "visibility")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "body_html"}
        super().save(*args, **kwargs)


class Document(VersionedModel, GuideText):
    """A guide or template in one language; translations share a `translation_group`."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        PUBLISHED = "published", "Published"
        ARCHIVED = "archived", "Archived"

    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.CASCADE,
        related_name="documents",
        help_text="The author organization.",
    )
    language = models.CharField(max_length=8, db_index=True, help_text="ISO 639-1.")
    translation_group = models.UUIDField(default=uuid.uuid4, db_index=True, editable=False)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    attachment_count = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_example = models.BooleanField(default=False, help_text="Invented demo data.")

    objects = VisibleQuerySet.as_manager()
    # Published: by its visibility, capped by the author organization's. Otherwise: the authors.
    visibility_rule = VisibilityRule(parents=("organization",), hidden_unless={"status": Status.PUBLISHED})

    class Meta:
        ordering = ["title", "id"]
        # The list's order, read from the index: a page costs the same at any depth.
        indexes = [models.Index(fields=["title", "id"], name="document_list_order")]

    def __str__(self) -> str:
        return f"{self.title} [{self.language}]"


class DocumentVersion(models.Model):
    """What readers saw at one publication; never changed afterwards."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    body_html = models.TextField(blank=True)
    language = models.CharField(max_length=8)
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    visibility = models.CharField(
        max_length=12,
        choices=Visibility.choices,
        default=Visibility.RESTRICTED,
        editable=False,
        help_text=(
            "Who could read the document when this version was published (its own level, capped by "
            "its organization's). Widening the document later does not widen its past."
        ),
    )

    objects = VisibleQuerySet.as_manager()
    # Seen by who sees the document now, and never more widely than when it was published.
    visibility_rule = VisibilityRule(within="document", level="visibility")

    class Meta:
        ordering = ["document_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="one_number_per_document_version")
        ]

    def __str__(self) -> str:
        return f"{self.document} v{self.number}"


class DocumentRevision(GuideText):
    """The next text of a published document while its authors work on it.

    Kept apart from the document so that everything readers are served from the document row
    (lists, details, search, sync and the change feed) goes on serving the published text; only
    the author organization and admins see the revision. Publishing copies it onto the document
    and deletes it. The language and translation group are the document's and stay as published.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"

    document = models.OneToOneField(Document, on_delete=models.CASCADE, related_name="revision")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = VisibleQuerySet.as_manager()
    # Only those who see the document's drafts: its organization's members, and admins.
    visibility_rule = VisibilityRule(within="document", level=Visibility.RESTRICTED)

    def __str__(self) -> str:
        return f"{self.document} (revision)"


def attachment_path(instance: "Attachment", filename: str) -> str:
    """A random storage name: the uploader's file name never reaches the file system or a bucket."""
    return f"attachments/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class Attachment(models.Model):
    """A file attached to a document; served only through the download endpoint, which checks visibility."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=200)
    name = models.CharField(max_length=200, help_text="File name shown and offered on download.")
    content_type = models.CharField(max_length=100, help_text="Detected from the content, not the name.")
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    is_example = models.BooleanField(default=False, help_text="Invented demo data.")

    objects = VisibleQuerySet.as_manager()
    visibility_rule = VisibilityRule(within="document", level=None)

    class Meta:
        ordering = ["document_id", "id"]

    def __str__(self) -> str:
        return self.name
