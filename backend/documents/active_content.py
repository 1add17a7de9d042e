"""Active content inside an accepted file: what would run, fetch or submit something when opened.

Each check returns the reason to refuse, or None. They read the file's structure rather than
searching its bytes, because the dangerous parts hide where a byte search cannot see them:

- PDF: pikepdf (qpdf) resolves every object, those packed in compressed object streams and
  names written with #xx escapes included. Refused: actions that run scripts, launch programs,
  submit or import form data, or jump to other files; an open action or additional actions
  that do anything but show a page of the document itself; embedded files and rich media.
  Link annotations to web pages stay: a reader follows them only when clicked.
- DOCX: macros (`vbaProject.bin`), ActiveX controls, and relationships that make Word fetch
  something when the file opens (an external template, frame, sub-document or OLE object,
  `TargetMode="External"`). External hyperlinks stay, as in PDFs.
- ODT: Basic macros and scripts, which the format keeps in their own folders.
- PNG and JPEG: nothing after the image's end marker and no markup in its metadata, so the
  file cannot also be read as an HTML page (a polyglot). Re-encoding with Pillow would remove
  the same content but change the bytes the uploader signed off on (their SHA-256 is shown)
  and decode every pixel of every upload; walking the chunks is exact and cheap.
"""

import io
import re
import struct
import zipfile
from xml.etree import ElementTree

import pikepdf

SCRIPTS_REFUSED = "PDFs with scripts, launch actions, form submission or embedded files are not accepted."

# Action types (/S) that run, launch, submit, import or leave the document.
PDF_ACTIONS = {
    "/JavaScript",
    "/Launch",
    "/SubmitForm",
    "/ImportData",
    "/GoToR",
    "/GoToE",
    "/RichMediaExecute",
    "/Rendition",
    "/Sound",
    "/Movie",
}
# Keys that carry scripts, embedded files or rich media wherever they appear.
PDF_KEYS = {"/JS", "/JavaScript", "/EmbeddedFile", "/EmbeddedFiles", "/RichMedia", "/XFA"}
# The only action an open action or an additional action may be: show a page of this document.
PDF_SAFE_AUTOMATIC = {"/GoTo"}


def pdf_refusal(data: bytes) -> str | None:
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            return _pdf_objects_refusal(pdf)
    except pikepdf.PasswordError:
        return "Encrypted PDFs are not accepted: their content cannot be checked."
    except pikepdf.PdfError:
        return "This PDF is damaged and cannot be read."


def _pdf_objects_refusal(pdf: pikepdf.Pdf) -> str | None:
    for obj in _dictionaries(pdf):
        if any(key in obj for key in PDF_KEYS) or obj.get("/Type") == "/EmbeddedFile":
            return SCRIPTS_REFUSED
        if str(obj.get("/S", "")) in PDF_ACTIONS:
            return SCRIPTS_REFUSED
        additional = obj.get("/AA")
        if isinstance(additional, pikepdf.Dictionary) and any(
            _automatic_action(action) for action in additional.values()
        ):
            return "PDFs that act on their own (additional actions) are not accepted."
    if _automatic_action(pdf.Root.get("/OpenAction")):
        return "PDFs that act on their own when opened (an open action) are not accepted."
    return None


def _dictionaries(pdf: pikepdf.Pdf):
    """Every dictionary of the file: each numbered object, and those written inside it.

    Indirect children are skipped here because `pdf.objects` yields them on their own.
    """
    for top in pdf.objects:
        stack = [top]
        while stack:
            obj = stack.pop()
            if isinstance(obj, pikepdf.Stream):
                obj = obj.stream_dict
            if isinstance(obj, pikepdf.Dictionary):
                yield obj
                children = list(obj.values())
            elif isinstance(obj, pikepdf.Array):
                children = list(obj)
            else:
                continue
            stack.extend(
                child
                for child in children
                if isinstance(child, (pikepdf.Dictionary, pikepdf.Array)) and not child.is_indirect
            )


def _automatic_action(action) -> bool:
    """An action that runs without a click: anything but a jump within the document (a page array)."""
    if action is None or isinstance(action, pikepdf.Array):
        return False
    return not isinstance(action, pikepdf.Dictionary) or str(action.get("/S", "")) not in PDF_SAFE_AUTOMATIC


# -- office documents ------------------------------------------------------------------------

RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
RELS_MAX_BYTES = 1024 * 1024
OOXML_ACTIVE_PARTS = re.compile(r"(?:^|/)(?:vbaProject\.bin|vbaData\.xml|activeX/)", re.IGNORECASE)
ODT_ACTIVE_PARTS = re.compile(r"^(?:Basic|Scripts)/", re.IGNORECASE)


def docx_refusal(archive: zipfile.ZipFile) -> str | None:
    names = archive.namelist()
    if any(OOXML_ACTIVE_PARTS.search(name) for name in names):
        return (
            "Word documents with macros or ActiveX controls are not accepted; save it as .docx without them."
        )
    for name in names:
        if name.endswith(".rels") and _has_external_source(archive, name):
            return (
                "Word documents that load a template or content from elsewhere when opened "
                "are not accepted; save a copy without the external template or linked parts."
            )
    return None


def _has_external_source(archive: zipfile.ZipFile, name: str) -> bool:
    """Whether a relationships part points outside the file for anything but a hyperlink."""
    if archive.getinfo(name).file_size > RELS_MAX_BYTES:
        return True
    try:
        root = ElementTree.fromstring(archive.read(name))  # noqa: S314  (expat refuses entity bombs)
    except ElementTree.ParseError:
        return True
    return any(
        rel.get("TargetMode") == "External" and not rel.get("Type", "").endswith("/hyperlink")
        for rel in root.iter(RELATIONSHIP)
    )


def odt_refusal(archive: zipfile.ZipFile) -> str | None:
    if any(ODT_ACTIVE_PARTS.match(name) for name in archive.namelist()):
        return "OpenDocument files with macros or scripts are not accepted."
    return None


# -- images ----------------------------------------------------------------------------------

MARKUP = re.compile(rb"<\s*(?:script|html|body|iframe|object|embed|svg|!doctype)|javascript:", re.IGNORECASE)
POLYGLOT = "This image carries data beyond the picture (such as a web page); it is not accepted."
DAMAGED_PNG = "This PNG image is damaged (its chunks do not add up)."
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_refusal(data: bytes) -> str | None:
    """Walk the chunks: all must fit, the last must be IEND, and none but pixel data may hold markup."""
    at = len(PNG_SIGNATURE)
    while at + 12 <= len(data):
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        end = at + 12 + length
        if end > len(data):
            return DAMAGED_PNG
        if kind != b"IDAT" and MARKUP.search(data, at + 8, end - 4):
            return POLYGLOT
        if kind == b"IEND":
            return POLYGLOT if data[end:].strip(b"\x00") else None
        at = end
    return DAMAGED_PNG


def jpeg_refusal(data: bytes) -> str | None:
    """Walk the segments up to the first scan; after it, the image must end with its end marker."""
    at = 2
    while at + 4 <= len(data) and data[at] == 0xFF:
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        if MARKUP.search(data, at + 4, at + 2 + length):
            return POLYGLOT
        if marker == 0xDA:  # start of scan: entropy-coded data, in which FF D9 can only be the end
            end = data.find(b"\xff\xd9", at + 2 + length)
            if end < 0:
                return "This JPEG image is damaged (it has no end)."
            return POLYGLOT if data[end + 2 :].strip(b"\x00") else None
        at += 2 + length
    return "This JPEG image is damaged."
