"""Markdown in, safe HTML out: no payload survives as active content, whatever its disguise."""

from html.parser import HTMLParser

import pytest

ALLOWED_SCHEMES = ("http:", "https:", "mailto:")


class ActiveContentFinder(HTMLParser):
    """Collects everything in a fragment that a browser could execute or load."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in {
            "script",
            "style",
            "iframe",
            "object",
            "embed",
            "svg",
            "math",
            "img",
            "form",
            "base",
            "link",
        }:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in {"style", "srcdoc", "formaction", "src"}:
                self.found.append(f"{tag}@{name}")
            if name in {"href", "src", "action", "xlink:href"} and value is not None:
                cleaned = "".join(value.split()).lower()
                if ":" in cleaned.split("/")[0] and not cleaned.startswith(ALLOWED_SCHEMES):
                    self.found.append(f"{tag}@{name}={value}")


def active_content(html: str) -> list[str]:
    finder = ActiveContentFinder()
    finder.feed(html)
    return finder.found


PAYLOADS = {
    "script tag": "<script>alert(1)</script>",
    "script split": "<scr<script>ipt>alert(1)</script>",
    "img onerror": '<img src=x onerror="alert(1)">',
    "markdown image onerror": '![x](https://example.org/x.png" onerror="alert(1))',
    "javascript link": "[click](javascript:alert(1))",
    "javascript link mixed case": "[click](JaVaScRiPt:alert(1))",
    "javascript link entity": "[click](javascript&#58;alert(1))",
    "javascript link tab": "[click](java\tscript:alert(1))",
    "javascript autolink": "<javascript:alert(1)>",
    "javascript reference": "[click][r]\n\n[r]: javascript:alert(1)",
    "vbscript link": "[click](vbscript:msgbox(1))",
    "data url link": "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "data url image": "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "data png image": "![x](data:image/png;base64,iVBORw0KGgo=)",
    "svg onload": '<svg onload="alert(1)"><circle r="1"/></svg>',
    "svg script": "<svg><script>alert(1)</script></svg>",
    "iframe": '<iframe src="https://evil.example"></iframe>',
    "style tag": "<style>body{display:none}</style>",
    "style attribute": '<p style="background:url(javascript:alert(1))">x</p>',
    "html comment": "<!-- <script>alert(1)</script> -->",
    "link with onclick": '<a href="https://ok.example" onclick="alert(1)">x</a>',
    "form": '<form action="javascript:alert(1)"><button>x</button></form>',
    "math": "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "table cell html": "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
    "code fence html": "```html\n<script>alert(1)</script>\n```",
    "nested link": "[<img src=x onerror=alert(1)>](https://ok.example)",
    "object": '<object data="javascript:alert(1)"></object>',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "base": '<base href="javascript:alert(1)//">',
    "title quote break": '[x](https://ok.example "a" onmouseover="alert(1)")',
}


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_no_payload_produces_active_html(as_user, alice, org_a, payload):
    response = as_user(alice).post(
        "/api/v1/documents/",
        {"organization": org_a.id, "title": "Payload (example data)", "language": "en", "body": payload},
        format="json",
    )
    assert response.status_code == 201, response.content
    html = response.data["body_html"]
    assert active_content(html) == [], html
    assert "<script" not in html.lower()
    assert response.data["body"] == payload  # the author's text is kept as written


def test_images_become_plain_links_so_readers_load_nothing(as_user, alice, org_a):
    body = "![map of the border](https://maps.example/tile.png)"
    html = (
        as_user(alice)
        .post(
            "/api/v1/documents/",
            {"organization": org_a.id, "title": "x", "language": "en", "body": body},
            format="json",
        )
        .data["body_html"]
    )
    assert html.strip() == (
        '<p><a href="https://maps.example/tile.png" rel="noopener noreferrer nofollow">'
        "map of the border</a></p>"
    )


def test_ordinary_markdown_survives(as_user, alice, org_a):
    body = (
        "# Title\n\n**bold** _em_ ~~gone~~ `code`\n\n> quote\n\n1. one\n2. two\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n[link](https://example.org) <mailto:help@example.org>"
    )
    html = (
        as_user(alice)
        .post(
            "/api/v1/documents/",
            {"organization": org_a.id, "title": "x", "language": "en", "body": body},
            format="json",
        )
        .data["body_html"]
    )
    for fragment in [
        "<h1>Title</h1>",
        "<strong>bold</strong>",
        "<em>em</em>",
        "<s>gone</s>",
        "<code>code</code>",
        "<blockquote>",
        "<ol>",
        "<table>",
        'href="https://example.org"',
        'href="mailto:help@example.org"',
    ]:
        assert fragment in html, (fragment, html)


def test_an_edit_re_renders_safely(as_user, alice, org_a):
    client = as_user(alice)
    doc = client.post(
        "/api/v1/documents/",
        {"organization": org_a.id, "title": "x", "language": "en", "body": "fine"},
        format="json",
    ).data
    edited = client.patch(f"/api/v1/documents/{doc['id']}/", {"body": PAYLOADS["img onerror"]}, format="json")
    assert active_content(edited.data["body_html"]) == []


def test_control_characters_and_nul_are_removed(as_user, alice, org_a):
    response = as_user(alice).post(
        "/api/v1/documents/",
        {"organization": org_a.id, "title": "a\x00b\x07c\x02d", "language": "en", "body": "x\x00y\n\tz"},
        format="json",
    )
    assert response.status_code == 201
    assert response.data["title"] == "abcd"
    assert response.data["body"] == "xy\n\tz"
