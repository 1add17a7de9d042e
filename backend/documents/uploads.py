"""What an uploaded file really is, decided from its bytes, never from its name.

The first bytes are matched against known signatures (`filetype`); each accepted kind
then gets a structural check: a PDF must end like one, ODT and DOCX are ZIP archives that
must identify themselves from inside and must not expand into a zip bomb, images must have
their header chunk, plain text must be UTF-8 without control characters. Active content
(scripts, macros, external templates, polyglots) is refused by `active_content`. The file's
extension must agree with what was found, so a PDF named `.png` is refused rather than served
under a false name.
"""

import hashlib
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

import filetype
from django.conf import settings

from . import active_content


class UploadRejected(ValueError):
    """The file is refused; the message says why, in words the uploader can act on."""


class UploadTooLarge(UploadRejected):
    """The file is over `UPLOAD_MAX_BYTES`: answered 413, since no change but a smaller file helps."""


@dataclass(frozen=True)
class Kind:
    content_type: str
    extensions: tuple[str, ...]
    label: str


PDF = Kind("application/pdf", (".pdf",), "PDF")
ODT = Kind("application/vnd.oasis.opendocument.text", (".odt",), "OpenDocument text")
DOCX = Kind(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", (".docx",), "Word document"
)
PNG = Kind("image/png", (".png",), "PNG image")
JPEG = Kind("image/jpeg", (".jpg", ".jpeg"), "JPEG image")
TEXT = Kind("text/plain", (".txt", ".md"), "plain text")
ALLOWED = (PDF, ODT, DOCX, PNG, JPEG, TEXT)
ALLOWED_DESCRIPTION = "PDF, ODT, DOCX, PNG, JPEG or plain text (UTF-8)"

# ZIP containers: a real document compresses maybe 10:1; a bomb, thousands to one.
ZIP_MAX_ENTRIES = 2000
ZIP_MAX_RATIO = 100
ZIP_MAX_UNCOMPRESSED = 200 * 1024 * 1024

TEXT_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
HEAD_BYTES = 8192


@dataclass(frozen=True)
class Inspected:
    kind: Kind
    name: str
    size: int
    sha256: str


def clean_name(raw: str) -> str:
    """The last path component, without control characters, at most 120 characters, never empty."""
    name = PureWindowsPath(PurePosixPath(raw or "").name).name
    name = "".join(ch for ch in unicodedata.normalize("NFC", name) if unicodedata.category(ch)[0] != "C")
    name = name.strip().strip(".") or "attachment"
    stem, dot, ext = name.rpartition(".")
    if not dot:
        return name[:120]
    return f"{stem[: 120 - len(ext) - 1]}.{ext}"


def _read_all(upload) -> bytes:
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def _refuse_if(reason: str | None) -> None:
    if reason is not None:
        raise UploadRejected(reason)


def _check_pdf(data: bytes) -> None:
    if b"%%EOF" not in data[-2048:]:
        raise UploadRejected("This PDF is truncated or damaged (no end-of-file marker).")
    _refuse_if(active_content.pdf_refusal(data))


def _check_png(data: bytes) -> None:
    if len(data) < 33 or data[12:16] != b"IHDR":
        raise UploadRejected("This PNG image is damaged (no header chunk).")
    _refuse_if(active_content.png_refusal(data))


def _check_jpeg(data: bytes) -> None:
    if len(data) < 4 or data[:3] != b"\xff\xd8\xff":
        raise UploadRejected("This JPEG image is damaged.")
    _refuse_if(active_content.jpeg_refusal(data))


def _check_text(data: bytes) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UploadRejected(
            f"This file is not of an accepted type; allowed: {ALLOWED_DESCRIPTION}."
        ) from exc
    if TEXT_FORBIDDEN.search(text):
        raise UploadRejected(
            f"This file is not of an accepted type (binary data); allowed: {ALLOWED_DESCRIPTION}."
        )


def _zip_kind(upload, size: int) -> Kind:
    """Identify an ODT or DOCX from inside the archive, refusing zip bombs before expanding anything."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if len(entries) > ZIP_MAX_ENTRIES:
                raise UploadRejected("This archive has too many entries to be a document.")
            total = sum(entry.file_size for entry in entries)
            if total > ZIP_MAX_UNCOMPRESSED or total > max(size, 1) * ZIP_MAX_RATIO:
                raise UploadRejected(
                    "This file expands to far more than its size (a zip bomb); it is not accepted."
                )
            if any(entry.flag_bits & 0x1 for entry in entries):
                raise UploadRejected("Encrypted documents are not accepted.")
            names = {entry.filename for entry in entries}
            kind = _document_kind(archive, entries, names)
            # Reading every entry checks its CRC; sizes are capped above, and zipfile never
            # expands an entry beyond its declared size.
            if archive.testzip() is not None:
                raise UploadRejected("This document is damaged (a checksum does not match).")
            return kind
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, ValueError) as exc:
        if isinstance(exc, UploadRejected):
            raise
        raise UploadRejected("This document is damaged or not a valid ODT or DOCX file.") from exc
    finally:
        upload.seek(0)


def _document_kind(archive: zipfile.ZipFile, entries, names: set[str]) -> Kind:
    if entries and entries[0].filename == "mimetype" and "content.xml" in names:
        mimetype = archive.read("mimetype").strip()
        if mimetype == ODT.content_type.encode():
            _refuse_if(active_content.odt_refusal(archive))
            return ODT
    if "[Content_Types].xml" in names and "word/document.xml" in names:
        content_types = archive.read("[Content_Types].xml")
        if b"wordprocessingml.document.main+xml" in content_types:
            _refuse_if(active_content.docx_refusal(archive))
            return DOCX
    raise UploadRejected(
        f"Archives are accepted only as ODT or DOCX documents; allowed: {ALLOWED_DESCRIPTION}."
    )


def inspect_upload(upload, declared_name: str | None = None) -> Inspected:
    """Decide what `upload` is and whether it is accepted; raises UploadRejected with the reason."""
    size = upload.size
    limit = settings.UPLOAD_MAX_BYTES
    if size > limit:
        raise UploadTooLarge(f"The file is {size:,} bytes; the limit is {limit:,} bytes.")
    if size == 0:
        raise UploadRejected("The file is empty.")
    name = clean_name(declared_name or getattr(upload, "name", "") or "")

    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    guessed = filetype.guess(head)
    mime = guessed.mime if guessed else None

    if mime == PDF.content_type:
        kind = PDF
        _check_pdf(_read_all(upload))
    elif mime == PNG.content_type:
        kind = PNG
        _check_png(_read_all(upload))
    elif mime == JPEG.content_type:
        kind = JPEG
        _check_jpeg(_read_all(upload))
    elif mime in ("application/zip", ODT.content_type, DOCX.content_type):
        kind = _zip_kind(upload, size)
    elif mime is None:
        kind = TEXT
        _check_text(_read_all(upload))
    else:
        raise UploadRejected(
            f"Files of this type ({guessed.extension}) are not accepted; allowed: {ALLOWED_DESCRIPTION}."
        )

    _, dot, ext = name.rpartition(".")
    if not dot:
        name = f"{name}{kind.extensions[0]}"
    elif f".{ext.lower()}" not in kind.extensions:
        raise UploadRejected(
            f"The content is a {kind.label} but the name ends in .{ext}; "
            f"rename it to end in {' or '.join(kind.extensions)}."
        )

    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in iter(lambda: upload.read(1024 * 1024), b""):
        digest.update(chunk)
    upload.seek(0)
    return Inspected(kind=kind, name=name, size=size, sha256=digest.hexdigest())
