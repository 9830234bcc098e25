"""Markdown of the bank's content to HTML, the same way everywhere (pages, kits, exports).

Writers often start a list right under a line of text ("Common losses:" then "- ..."), which
Python-Markdown would run into the paragraph; a blank line is put before such a list first.
"""

from __future__ import annotations

import re

import markdown as md

_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def separate_lists(text: str) -> str:
    lines = text.replace("\r\n", "\n").split("\n")
    out: list[str] = []
    for line in lines:
        previous = out[-1] if out else ""
        starts_list = _ITEM.match(line) and not _ITEM.match(previous)
        if starts_list and previous.strip() and not previous.startswith(" "):
            out.append("")
        out.append(line)
    return "\n".join(out)


def to_html(text: str, extensions: tuple[str, ...] = ("fenced_code", "tables", "sane_lists")) -> str:
    return md.markdown(separate_lists(text or ""), extensions=list(extensions))
