"""CSV import of an organization's contact points: all rows or none, each as the API writes one.

Each row goes through `ContactPointSerializer`, the API's own validation (normalized values,
compromised marks, duplicates the importer can see, the importer's right to write for the
organization), and is saved as a create or update of the API saves it, so the change feed,
sync and webhooks see every change. A row names the contact by `external_id`: a contact of the
organization with that id is updated (only the columns the file has), otherwise one is
created, so importing the same file twice changes nothing the second time, and a row that
changes nothing keeps its version.

The file is one transaction: when any row is refused, or on a dry run, everything is rolled
back and the report says what would have happened, with every row's errors at once.

The API's endpoint and the admin's import page both call `contact_points_import`. The admin
does not use django-import-export: its resources validate a row with the model's `full_clean`
and save it themselves, so the serializer's rules above would have to be written a second time
for them (or the library's row handling replaced by this module, leaving nothing of it).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from drf_standardized_errors.formatter import flatten_errors

from core.errors import DomainError, Invalid
from core.exports import cell_list, cell_text
from core.locks import lock_for_write
from core.viewsets import changes_nothing

from .models import ContactPoint, Organization
from .serializers import ContactPointSerializer

COLUMNS = (
    "external_id",
    "channel",
    "value",
    "label",
    "languages",
    "countries",
    "topics",
    "hours",
    "time_zone",
    "security_advice",
    "status",
    "status_reason",
    "visibility",
    "source_language",
)
REQUIRED_COLUMNS = ("external_id", "channel", "value", "languages")
LIST_COLUMNS = frozenset({"languages", "countries", "topics"})
# An empty cell of these leaves the value as it is (a new contact gets the API's default).
KEEP_WHEN_EMPTY = frozenset({"status", "visibility", "source_language"})


@dataclass(frozen=True)
class RowError:
    row: int
    attr: str | None
    code: str
    detail: str


@dataclass(frozen=True)
class RowResult:
    row: int
    external_id: str
    action: str  # created, updated, unchanged
    id: int | None  # None for a contact a dry run would create


@dataclass
class ImportReport:
    dry_run: bool
    rows: list[RowResult] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    def _count(self, action: str) -> int:
        return sum(1 for result in self.rows if result.action == action)

    @property
    def created(self) -> int:
        return self._count("created")

    @property
    def updated(self) -> int:
        return self._count("updated")

    @property
    def unchanged(self) -> int:
        return self._count("unchanged")


def read_rows(data: bytes) -> tuple[list[str], list[dict]]:
    """The header and rows of a CSV file, refused as a whole (on `file`) when it cannot be read."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Invalid(_("The file is not UTF-8 text: save it as “CSV UTF-8”."), field="file") from exc
    if "\x00" in text:
        # No spreadsheet writes one, and PostgreSQL cannot compare a text holding it.
        raise Invalid(_("The file holds a NUL character: it is not CSV text."), field="file")
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        header = [name.strip() for name in reader.fieldnames or []]
        reader.fieldnames = header
        rows = []
        for row in reader:
            rows.append(row)
            if len(rows) > settings.CSV_IMPORT_MAX_ROWS:
                raise Invalid(
                    _("The file has more than %(limit)d rows: split it.")
                    % {"limit": settings.CSV_IMPORT_MAX_ROWS},
                    field="file",
                )
    except csv.Error as exc:
        # Reading text with `newline=""` and no NUL, the one error left is a cell past the csv
        # module's limit. Its `line_num` then counts the lines before that row, so the row is
        # named as the report names rows: the header is row 1.
        raise Invalid(
            _("Row %(row)d cannot be read: a cell is longer than %(limit)d characters.")
            % {"row": len(rows) + 2, "limit": csv.field_size_limit()},
            field="file",
        ) from exc
    unknown = [name for name in header if name not in COLUMNS]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if unknown or missing or len(set(header)) != len(header):
        raise Invalid(
            _("The first line names the columns: %(required)s, and any of %(optional)s, each once.")
            % {
                "required": ", ".join(REQUIRED_COLUMNS),
                "optional": ", ".join(c for c in COLUMNS if c not in REQUIRED_COLUMNS),
            }
            + (" " + _("Unknown: %(names)s.") % {"names": ", ".join(unknown)} if unknown else ""),
            field="file",
        )
    return header, rows


def _input(header: list[str], row: dict) -> dict:
    """The API input a row stands for."""
    data = {}
    for name in header:
        cell = (row.get(name) or "").strip()
        if name in LIST_COLUMNS:
            data[name] = cell_list(cell)
        elif cell or name not in KEEP_WHEN_EMPTY:
            data[name] = cell_text(cell)
    return data


def _errors_of(number: int, detail) -> list[RowError]:
    return [RowError(number, error.attr, error.code, error.detail) for error in flatten_errors(detail)]


def contact_points_import(
    *, organization: Organization, data: bytes, context: dict, dry_run: bool
) -> ImportReport:
    """Import the contact points of a CSV file into `organization`, or, on a dry run, say what that would do.

    `context` is the serializer context of the request (the importer). Rows are numbered as a
    spreadsheet numbers them: the header is row 1.
    """
    header, rows = read_rows(data)
    report = ImportReport(dry_run=dry_run)
    with transaction.atomic():
        ids = [(row.get("external_id") or "").strip() for row in rows]
        existing = {
            contact.external_id: contact
            for contact in lock_for_write(
                ContactPoint._base_manager.filter(organization=organization, external_id__in=set(ids) - {""})
            )
        }
        seen: set[str] = set()
        for number, (row, external_id) in enumerate(zip(rows, ids, strict=True), start=2):
            if None in row:
                report.errors.append(
                    RowError(number, None, "invalid", _("This row has more cells than the header."))
                )
                continue
            if not external_id or external_id in seen:
                message = (
                    _("Give each row its own external id.") if external_id else _("This field is required.")
                )
                report.errors.append(
                    RowError(number, "external_id", "unique" if external_id else "required", message)
                )
                continue
            seen.add(external_id)
            result = _import_row(
                number, organization, existing.get(external_id), _input(header, row), context
            )
            if isinstance(result, RowResult):
                report.rows.append(result)
            else:
                report.errors.extend(result)
        if dry_run or report.errors:
            transaction.set_rollback(True)
    if dry_run:
        report.rows = [
            RowResult(r.row, r.external_id, r.action, None if r.action == "created" else r.id)
            for r in report.rows
        ]
    return report


def _import_row(number: int, organization, instance, data: dict, context: dict) -> RowResult | list[RowError]:
    """Validate and save one row through the API's serializer: its result, or its errors."""
    serializer = ContactPointSerializer(
        instance,
        data={**data, "organization": organization.pk},
        partial=instance is not None,
        context=context,
    )
    try:
        if not serializer.is_valid():
            return _errors_of(number, serializer.errors)
    except DomainError as exc:
        return _errors_of(number, exc.as_api_exception().detail)
    if instance is not None and changes_nothing(serializer):
        return RowResult(number, data["external_id"], "unchanged", instance.pk)
    contact = serializer.save()
    return RowResult(number, data["external_id"], "created" if instance is None else "updated", contact.pk)
