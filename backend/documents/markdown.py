"""Markdown to HTML that is safe to insert into a page, rendered once on the server.

Two layers, so a mistake in one is caught by the other: markdown-it renders with raw
HTML disabled (anything written as HTML comes out as visible text), and nh3 then keeps
only an allow-list of tags and attributes and only http(s)/mailto links. No script,
style, event handler, `javascript:` or `data:` URL survives either layer.

Images are rendered as links: an `<img>` would make every reader's device fetch a
third-party URL, which is exactly what the offline app promises not to do.
"""

from html import escape

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "a", "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "s", "del",
    "code", "pre", "blockquote", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start"},
    "th": {"align"},
    "td": {"align"},
}
URL_SCHEMES = {"http", "https", "mailto"}


def _render_image_as_link(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    src = token.attrGet("src") or ""
    alt = self.renderInlineAsText(token.children or [], options, env) or src
    return f'<a href="{escape(str(src))}">{escape(alt)}</a>'


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.add_render_rule("image", _render_image_as_link)
    return md


_md = _parser()


def sanitize_html(html: str) -> str:
    """Keep only the allow-listed markup; drop script and style elements with their content."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def render_markdown(text: str) -> str:
    """Render Markdown to sanitized HTML."""
    return sanitize_html(_md.render(text or ""))
