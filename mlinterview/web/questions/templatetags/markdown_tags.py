"""Render the bank's Markdown safely in templates."""

from functools import lru_cache

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


@lru_cache(maxsize=2048)
def _clean_html(text: str) -> str:
    # Bank texts repeat on every page view (a prompt is shown to each candidate many times):
    # render each distinct text once per process.
    return nh3.clean(to_html(text), tags=ALLOWED_TAGS, attributes={"a": {"href", "title"}})


@register.filter(name="markdown")
def render_markdown(text: str) -> SafeString:
    return mark_safe(_clean_html(text or ""))  # noqa: S308


@register.filter(name="get_level")
def get_level(mapping: dict[str, int], key: str) -> int:
    return mapping.get(key, 0)
