"""Lists as files: every row the caller may see, as CSV (or another format a list declares), streamed.

`Accept: text/csv` or `?format=csv` on a list answers the whole filtered, ordered list instead
of a page of JSON. A viewset declares the formats it answers in (`list_files`) and, for each,
the fields it writes, so a column is added on purpose, never by a serializer gaining a field.

The rows are read through one database cursor, a chunk at a time, and written out as they
come (`StreamingHttpResponse`): memory and the number of queries do not grow with the list.
They come from the visibility-scoped queryset of the view, like every other read. The body is
written after the view has returned, so it is written in the request's context (its language,
time zone and reader languages), kept with `contextvars`.
"""

from __future__ import annotations

import contextvars
import csv
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from django.core.exceptions import ImproperlyConfigured
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers

from .renderers import CSVRenderer, FileRenderer
from .representation import Representation

CHUNK_ROWS = 500  # rows read from the cursor at a time
BLOCK_CHARS = 64 * 1024  # text sent to the client at a time

# Excel reads a CSV without a byte order mark in the computer's legacy code page, which turns
# Cyrillic into mojibake; with it, Excel, LibreOffice, Numbers and Python (`utf-8-sig`) all read
# UTF-8. The import takes files with and without it.
BOM = "\ufeff"
# A cell a spreadsheet would run as a formula (OWASP, "CSV injection"): one that starts with these,
# after any blanks a spreadsheet trims first. It is written with a leading apostrophe, which
# spreadsheets show as text, and so is a text that starts with an apostrophe itself, so that the
# import, which takes off the apostrophe of every cell that has one for either reason, gives back
# exactly the text exported.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# What the contract says of it, in every list that answers CSV.
FORMULA_NOTE = (
    "a cell that starts with = + - @, a tab or a carriage return (after blanks or not), or with an "
    "apostrophe, is written after an apostrophe, so no spreadsheet runs it as a formula"
)
LIST_SEPARATOR = ", "


def _needs_apostrophe(text: str) -> bool:
    return text.startswith(("'", *FORMULA_STARTS)) or text.lstrip().startswith(FORMULA_STARTS)


def csv_cell(value) -> str:
    """One value as a cell: empty for none, `true`/`false`, codes joined by `, `, formulas disarmed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        value = LIST_SEPARATOR.join(str(item) for item in value)
    text = str(value)
    return "'" + text if _needs_apostrophe(text) else text


def cell_text(cell: str) -> str:
    """What `csv_cell` was given: the cell less the apostrophe it put before the text."""
    if cell.startswith("'") and _needs_apostrophe(cell[1:]):
        return cell[1:]
    return cell


def cell_list(cell: str) -> list[str]:
    """A list cell (`ru, en`) as its items."""
    return [item.strip() for item in cell_text(cell).split(",") if item.strip()]


class _Line:
    """The file-like object `csv.writer` writes one line into and returns."""

    def write(self, text: str) -> str:
        return text


def csv_lines(columns: tuple[str, ...], rows: Iterable[dict]) -> Iterator[str]:
    """A CSV file (RFC 4180, with a byte order mark): a header of field names, then one line per row."""
    writer = csv.writer(_Line())
    yield BOM + writer.writerow(columns)
    for row in rows:
        yield writer.writerow([csv_cell(row.get(column)) for column in columns])


@dataclass(frozen=True)
class FileFormat:
    """A format a list can be answered in: its renderer, the fields it reads, how rows become text,
    and which of the listed objects it may hold (`only`: filter arguments; None: all of them)."""

    renderer: type[FileRenderer]
    fields: tuple[str, ...]
    write: Callable[[tuple[str, ...], Iterable[dict]], Iterator[str]]
    only: dict | None = None


def csv_format(*columns: str) -> FileFormat:
    """CSV with these columns: fields of the list's representation, texts in the reader's language.

    A translated field (`label`) holds the text in the reader's language (`?language=`, else
    `Accept-Language`); the column `localized_language` says which language that is.
    """
    return FileFormat(CSVRenderer, columns, csv_lines)


def localized_rows(rows: Iterable[dict], translated: tuple[str, ...]) -> Iterator[dict]:
    """Rows whose translated fields hold the texts of `localized`, the reader's language."""
    for row in rows:
        texts = row.get("localized")
        if texts:
            row.update({name: texts[name] for name in translated})
            row["localized_language"] = texts["language"]
        yield row


def visible_rows(view, queryset, fields: tuple[str, ...]) -> Iterator[dict]:
    """The representation of each object of `queryset` (scoped already), `fields` at least, streamed.

    Read through the compiled representation where the serializer has one (`core.representation`),
    else through the serializer itself, a chunk of objects at a time.
    """
    serializer_class = view.get_serializer_class()
    translated = getattr(serializer_class.Meta.model, "translated_fields", ())
    wanted = {*fields, *(["localized"] if translated else [])}
    names = tuple(serializer_class().fields)
    try:
        representation = Representation.of(serializer_class, tuple(n for n in names if n not in wanted))
    except ImproperlyConfigured:
        representation = None
    if representation is not None:
        records = representation.stream(queryset.prefetch_related(None), view.viewer, CHUNK_ROWS)
        rows = (dict(zip(representation.names, record, strict=True)) for record in records)
    else:
        context = view.get_serializer_context()
        objects = queryset.iterator(chunk_size=CHUNK_ROWS)
        chunks = iter(lambda: list(islice(objects, CHUNK_ROWS)), [])
        rows = (row for chunk in chunks for row in serializer_class(chunk, many=True, context=context).data)
    return localized_rows(rows, translated)


def streamed_file(text: Iterator[str], *, media_type: str, filename: str) -> StreamingHttpResponse:
    """A download streamed in blocks, each written in the context of the request that asked for it."""
    context = contextvars.copy_context()

    def block() -> bytes:
        pieces, size = [], 0
        for piece in text:
            pieces.append(piece)
            size += len(piece)
            if size >= BLOCK_CHARS:
                break
        return "".join(pieces).encode()

    def blocks() -> Iterator[bytes]:
        while data := context.run(block):
            yield data

    response = StreamingHttpResponse(blocks(), content_type=f"{media_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class FileListMixin:
    """Answers a list in the file formats the viewset declares in `list_files`, streamed.

    `file_name` is the stem of the download's name (`contact-points` gives
    `contact-points-2026-12-06.csv`). JSON stays the default: a client that asks for JSON, or
    for anything (`*/*`), gets the page it always got.
    """

    list_files: tuple[FileFormat, ...] = ()
    file_name = "export"

    def get_renderers(self):
        renderers = super().get_renderers()
        if self.action == "list":
            renderers = [*renderers, *(file.renderer() for file in self.list_files)]
        return renderers

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if self.action == "list" and self.list_files:
            # One address answers JSON or a file by `Accept`: a cache must not give one for the other.
            patch_vary_headers(response, ["Accept"])
        return response

    def list(self, request, *args, **kwargs):
        file = next((f for f in self.list_files if isinstance(request.accepted_renderer, f.renderer)), None)
        if file is None:
            return super().list(request, *args, **kwargs)
        queryset = self.filter_queryset(self.get_queryset())
        if file.only is not None:
            queryset = queryset.filter(**file.only)
        rows = visible_rows(self, queryset, file.fields)
        renderer = file.renderer
        return streamed_file(
            file.write(file.fields, rows),
            media_type=renderer.media_type,
            filename=f"{self.file_name}-{timezone.localdate().isoformat()}.{renderer.format}",
        )
