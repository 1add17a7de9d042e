"""Attachments: accepted by what their bytes are, refused with a reason otherwise, and
downloaded only through the endpoint that checks the document's visibility."""

import hashlib
import io
from functools import lru_cache

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from documents.models import Attachment

from .conftest import docx_bytes, jpeg_bytes, odt_bytes, pdf_bytes, png_bytes, zip_bomb_docx

cached_zip_bomb = lru_cache(maxsize=1)(zip_bomb_docx)


def upload(client, document, name, data, content_length=None, **extra):
    headers = {} if content_length is None else {"CONTENT_LENGTH": content_length}
    return client.post(
        f"/api/v1/documents/{document.id}/attachments/",
        {"file": SimpleUploadedFile(name, data), **extra},
        format="multipart",
        **headers,
    )


@pytest.fixture
def draft(make_document):
    return make_document(status="draft")


@pytest.mark.parametrize(
    "name, data, content_type",
    [
        ("checklist.pdf", pdf_bytes(), "application/pdf"),
        ("letter.odt", odt_bytes(), "application/vnd.oasis.opendocument.text"),
        (
            "letter.docx",
            docx_bytes(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("stamp.png", png_bytes(), "image/png"),
        ("stamp.jpg", jpeg_bytes(), "image/jpeg"),
        ("notes.txt", "Повестка — example data\n".encode(), "text/plain"),
    ],
)
def test_allowed_types_are_recognized_by_content(as_user, alice, draft, name, data, content_type):
    response = upload(as_user(alice), draft, name, data)
    assert response.status_code == 201, response.content
    assert response.data["content_type"] == content_type
    assert response.data["size"] == len(data)
    assert response.data["sha256"] == hashlib.sha256(data).hexdigest()
    assert response.data["name"] == name
    stored = Attachment.objects.get(pk=response.data["id"])
    assert name not in stored.file.name  # stored under a random name
    draft.refresh_from_db()
    assert draft.attachment_count == 1


def test_a_name_without_extension_gets_the_detected_one(as_user, alice, draft):
    response = upload(as_user(alice), draft, "../../etc/passwd", pdf_bytes())
    assert response.status_code == 201
    assert response.data["name"] == "passwd.pdf"


MALICIOUS = [
    ("a PDF named .png", "scan.png", pdf_bytes(), "is a PDF but the name ends in .png"),
    ("wrong magic bytes", "scan.pdf", b"%PDX-1.4 not really" + b"\x00\x01" * 50, "not of an accepted type"),
    ("a Windows executable", "setup.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200, "not accepted"),
    ("an ELF executable", "notes.txt", b"\x7fELF\x02\x01\x01" + b"\x00" * 200, "not accepted"),
    ("a shell script", "run.sh", b"#!/bin/sh\nrm -rf /\n", "plain text but the name ends in .sh"),
    ("an SVG with script", "logo.png", b'<svg onload="alert(1)"></svg>', "the name ends in .png"),
    ("an HTML page", "page.html", b"<script>alert(1)</script>", "the name ends in .html"),
    ("a plain ZIP", "archive.docx", None, "only as ODT or DOCX"),
    ("a truncated PDF", "cut.pdf", pdf_bytes()[:200], "truncated"),
    (
        "a PDF with JavaScript",
        "js.pdf",
        pdf_bytes().replace(
            b"/Type /Catalog", b"/Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >>"
        ),
        "scripts",
    ),
    (
        "a PDF with escaped JavaScript",
        "js2.pdf",
        pdf_bytes().replace(b"/Type /Catalog", b"/Type /Catalog /OpenAction << /S /J#61vaScript >>"),
        "scripts",
    ),
    ("a PNG without header", "x.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "damaged"),
    ("binary garbage", "x.txt", bytes(range(256)) * 4, "not of an accepted type"),
    ("an empty file", "empty.txt", b"", "empty"),
]


def plain_zip() -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    return out.getvalue()


@pytest.mark.parametrize("label, name, data, reason", MALICIOUS, ids=[m[0] for m in MALICIOUS])
def test_malicious_uploads_are_refused_with_a_reason(as_user, alice, draft, label, name, data, reason):
    response = upload(as_user(alice), draft, name, plain_zip() if data is None else data)
    assert response.status_code == 400, response.content
    assert response.data["errors"][0]["attr"] == "file"
    assert reason in response.data["detail"]
    assert not Attachment.objects.exists()
    draft.refresh_from_db()
    assert draft.attachment_count == 0


RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def pdf_with(packed: bool = True, **catalog) -> bytes:
    """The sample PDF with `catalog` entries added, saved as a modern writer does: objects packed
    into compressed object streams, where a search of the file's bytes cannot see them."""
    with pikepdf.open(io.BytesIO(pdf_bytes())) as pdf:
        for key, value in catalog.items():
            pdf.Root[f"/{key}"] = pdf.make_indirect(value(pdf))
        out = io.BytesIO()
        mode = pikepdf.ObjectStreamMode.generate if packed else pikepdf.ObjectStreamMode.disable
        pdf.save(out, object_stream_mode=mode, compress_streams=True)
    return out.getvalue()


def action(kind: str, **entries):
    return lambda pdf: pikepdf.Dictionary(S=pikepdf.Name(f"/{kind}"), **entries)


def relationships(*rels: tuple[str, str]) -> str:
    return (
        f'<?xml version="1.0"?><Relationships xmlns="{RELS}">'
        + "".join(
            f'<Relationship Id="rId{n}" Type="{OFFICE_RELS}/{kind}" Target="{target}" TargetMode="External"/>'
            for n, (kind, target) in enumerate(rels, start=1)
        )
        + "</Relationships>"
    )


def odt_with_macro() -> bytes:
    import zipfile

    out = io.BytesIO(odt_bytes())
    with zipfile.ZipFile(out, "a") as archive:
        archive.writestr("Basic/Standard/Module1.xml", '<script:module>Sub Main: Shell("calc"): End Sub')
    return out.getvalue()


def jpeg_with_comment(comment: bytes) -> bytes:
    import struct

    data = jpeg_bytes()
    return data[:2] + b"\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment + data[2:]


def png_with_text(text: bytes) -> bytes:
    import struct
    import zlib

    data = png_bytes()
    chunk = struct.pack(">I", len(text)) + b"tEXt" + text + struct.pack(">I", zlib.crc32(b"tEXt" + text))
    return data[:33] + chunk + data[33:]


PAGE = "<html><body><script>alert(document.cookie)</script></body></html>"
ACTIVE = [
    (
        "a PDF opening with JavaScript in a compressed object stream",
        "packed.pdf",
        lambda: pdf_with(OpenAction=action("JavaScript", JS=pikepdf.String("app.alert(1)"))),
        "scripts",
    ),
    (
        "a PDF opening a web address",
        "uri.pdf",
        lambda: pdf_with(OpenAction=action("URI", URI=pikepdf.String("https://example.org/"))),
        "open action",
    ),
    (
        "a PDF submitting a form when opened",
        "submit.pdf",
        lambda: pdf_with(OpenAction=action("SubmitForm", F=pikepdf.String("https://example.org/"))),
        "form submission",
    ),
    (
        "a PDF running a script on a page event",
        "aa.pdf",
        lambda: pdf_with(packed=False, AA=lambda pdf: pikepdf.Dictionary(O=action("Launch")(pdf))),
        "additional actions",
    ),
    (
        "a DOCX with an external template",
        "template.docx",
        lambda: docx_bytes(
            {
                "word/_rels/settings.xml.rels": relationships(
                    ("attachedTemplate", "https://example.org/t.dotm")
                )
            }
        ),
        "external template",
    ),
    (
        "a DOCX with a macro project",
        "macro.docx",
        lambda: docx_bytes({"word/vbaProject.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504}),
        "macros",
    ),
    ("an ODT with a Basic macro", "macro.odt", odt_with_macro, "macros"),
    ("a PNG followed by a web page", "poly.png", lambda: png_bytes() + PAGE.encode(), "web page"),
    (
        "a PNG with a web page in a text chunk",
        "text.png",
        lambda: png_with_text(b"Comment\x00" + PAGE.encode()),
        "web page",
    ),
    ("a JPEG followed by a web page", "poly.jpg", lambda: jpeg_bytes() + PAGE.encode(), "web page"),
    ("a JPEG with a web page in a comment", "com.jpg", lambda: jpeg_with_comment(PAGE.encode()), "web page"),
]


@pytest.mark.parametrize("label, name, make, reason", ACTIVE, ids=[a[0] for a in ACTIVE])
def test_active_content_is_refused_with_a_reason(as_user, alice, draft, label, name, make, reason):
    response = upload(as_user(alice), draft, name, make())
    assert response.status_code == 400, response.content
    assert response.data["errors"][0]["attr"] == "file"
    assert reason in response.data["detail"], response.data["detail"]
    assert not Attachment.objects.exists()


def test_the_packed_script_is_invisible_to_a_search_of_the_bytes():
    data = pdf_with(OpenAction=action("JavaScript", JS=pikepdf.String("app.alert(1)")))
    assert b"/JavaScript" not in data and b"/ObjStm" in data


@pytest.mark.parametrize(
    "name, make",
    [
        ("packed.pdf", lambda: pdf_with()),
        ("first-page.pdf", lambda: pdf_with(OpenAction=action("GoTo", D=pikepdf.Array([0])))),
        (
            "links.docx",
            lambda: docx_bytes(
                {"word/_rels/document.xml.rels": relationships(("hyperlink", "https://example.org/"))}
            ),
        ),
        ("note.png", lambda: png_with_text(b"Comment\x00Scanned at the office (example data) <3")),
    ],
)
def test_ordinary_documents_pass_the_active_content_checks(as_user, alice, draft, name, make):
    response = upload(as_user(alice), draft, name, make())
    assert response.status_code == 201, response.content


def test_a_zip_bomb_named_docx_is_refused(as_user, alice, draft):
    response = upload(as_user(alice), draft, "report.docx", cached_zip_bomb())
    assert response.status_code == 400
    assert "zip bomb" in response.data["detail"]
    assert not Attachment.objects.exists()


def test_a_zip_bomb_with_lying_sizes_is_refused(as_user, alice, draft):
    """Declared sizes small, real content large: the CRC check over the capped read catches it."""
    import struct

    data = bytearray(docx_bytes({"word/media/big.bin": b"\x00" * 5_000_000}))
    # Rewrite the declared uncompressed size of the big entry in both headers to 10 bytes.
    marker = b"word/media/big.bin"
    for at in [i for i in range(len(data)) if data.startswith(marker, i)]:
        if data[at - 46 : at - 42] == b"PK\x01\x02":
            data[at - 46 + 24 : at - 46 + 28] = struct.pack("<I", 10)
        elif data[at - 30 : at - 26] == b"PK\x03\x04":
            data[at - 30 + 22 : at - 30 + 26] = struct.pack("<I", 10)
    response = upload(as_user(alice), draft, "report.docx", bytes(data))
    assert response.status_code == 400
    assert response.data["errors"][0]["attr"] == "file"
    assert "damaged" in response.data["detail"] or "zip bomb" in response.data["detail"]


@override_settings(UPLOAD_MAX_BYTES=1000)
def test_an_oversize_file_is_refused_as_too_large(as_user, alice, draft):
    response = upload(as_user(alice), draft, "big.txt", b"a" * 5000)
    assert response.status_code == 413, response.content
    assert response.data["errors"][0]["code"] == "payload_too_large"
    assert "limit" in response.data["detail"]
    assert not Attachment.objects.exists()


@override_settings(UPLOAD_MAX_BYTES=1000)
def test_an_upload_declared_far_over_the_limit_is_refused_before_it_is_read(as_user, alice, draft):
    response = upload(as_user(alice), draft, "big.txt", b"a" * 100_000)
    assert response.status_code == 413, response.content
    assert "larger than the limit" in response.data["detail"]
    assert not Attachment.objects.exists()


@pytest.mark.parametrize("declared", ["abc", "-1", "1e9"])
def test_a_content_length_that_is_not_a_number_is_not_a_server_error(as_user, alice, draft, declared):
    response = upload(as_user(alice), draft, "notes.txt", b"notes", content_length=declared)
    assert response.status_code == 400, response.content
    assert not Attachment.objects.exists()


def test_the_contract_declares_413_for_uploads():
    import yaml

    from tests.core.contract import COMMITTED

    operation = yaml.safe_load(COMMITTED.read_text())["paths"]["/api/v1/documents/{id}/attachments/"]["post"]
    assert operation["responses"]["413"]["content"]["application/problem+json"]["schema"] == {
        "$ref": "#/components/schemas/Problem"
    }
    assert "payload-too-large" in operation["responses"]["413"]["description"]


def test_uploads_need_multipart(as_user, alice, draft):
    response = as_user(alice).post(f"/api/v1/documents/{draft.id}/attachments/", {"file": "x"}, format="json")
    assert response.status_code == 415


def test_a_missing_file_is_a_400(as_user, alice, draft):
    response = as_user(alice).post(f"/api/v1/documents/{draft.id}/attachments/", {}, format="multipart")
    assert response.status_code == 400
    assert response.data["errors"][0]["attr"] == "file"


def test_who_may_attach(as_user, anna, bob, olga, alice, make_document):
    draft, published = make_document(status="draft"), make_document(status="published")
    assert upload(as_user(anna), draft, "a.txt", b"x").status_code == 403
    assert upload(as_user(bob), draft, "a.txt", b"x").status_code == 404  # bob cannot see Alpha's draft
    assert upload(as_user(bob), published, "a.txt", b"x").status_code == 403
    assert upload(as_user(alice), published, "a.txt", b"x").status_code == 403
    assert upload(as_user(olga), published, "a.txt", b"x").status_code == 201


def test_download_is_a_safe_attachment_with_the_exact_bytes(as_user, alice, anna, draft):
    data = pdf_bytes("Evidence checklist")
    created = upload(as_user(alice), draft, "Повестка checklist.pdf", data).data
    response = as_user(anna).get(created["download_url"], HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == data
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]


def test_downloads_follow_the_document_visibility(
    api, as_user, alice, bob, olga, make_document, public_org_a
):
    draft = make_document(status="draft")
    url = upload(as_user(alice), draft, "notes.txt", b"draft notes").data["download_url"]
    assert api.get(url).status_code == 404
    assert as_user(bob).get(url).status_code == 404
    assert as_user(olga).get(url).status_code == 200
    as_user(alice).post(f"/api/v1/documents/{draft.id}/submit/")
    as_user(olga).post(f"/api/v1/documents/{draft.id}/publish/")
    assert api.get(url).status_code == 200  # now public
    other = make_document(status="published")
    wrong_pair = url.replace(f"/documents/{draft.id}/", f"/documents/{other.id}/")
    assert api.get(wrong_pair).status_code == 404  # an attachment is reached only through its document


def test_attachments_are_listed_on_the_document_and_removed(
    as_user, alice, draft, django_capture_on_commit_callbacks
):
    client = as_user(alice)
    created = upload(client, draft, "notes.txt", b"notes").data
    detail = client.get(f"/api/v1/documents/{draft.id}/").data
    assert [a["id"] for a in detail["attachments"]] == [created["id"]]
    assert detail["attachment_count"] == 1
    stored = Attachment.objects.get(pk=created["id"]).file
    storage, stored_name = stored.storage, stored.name
    assert storage.exists(stored_name)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.delete(f"/api/v1/documents/{draft.id}/attachments/{created['id']}/")
    assert response.status_code == 204
    assert not storage.exists(stored_name)
    assert client.get(created["download_url"]).status_code == 404
    assert client.get(f"/api/v1/documents/{draft.id}/").data["attachment_count"] == 0
