"""Render the bank's Markdown safely in templates."""

import nh3
from django import template
from django.utils.safestring import SafeString, mark_safe

from mlinterview.bank.markdown import to_html

register = template.Library()

ALLOWED_TAGS = {
    "p",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "a",
    "br",
    "h3",
    "h4",
    "h5",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "sub",
    "sup",
}


@register.filter(name="markdown")
def render_markdown(text: str) -> SafeString:
    html = to_html(text or "")
    return mark_safe(nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href", "title"}}))  # noqa: S308


@register.filter(name="get_level")
def get_level(mapping: dict[str, int], key: str) -> int:
    return mapping.get(key, 0)
