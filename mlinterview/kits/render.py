"""Writing a kit out: the interviewer guide and scorecard as Markdown, then HTML and PDF from it.

One source of truth: the kit is written as Markdown; HTML is that Markdown converted and styled;
the PDF is WeasyPrint's rendering of the HTML.
"""

from __future__ import annotations

import html
from pathlib import Path

from mlinterview.kits.build import Kit

RECOMMENDATIONS = ("Strong no", "No", "Yes", "Strong yes")


def _bullets(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def to_markdown(kit: Kit) -> str:
    """The kit as Markdown; the same bank, options and seed always give the same text."""
    lines = [
        f"# Interview kit: {kit.level.value} ML engineer, {kit.minutes} minutes",
        "",
        f"{len(kit.questions)} questions, about {kit.total_minutes} minutes of questions (seed {kit.seed}).",
        "",
        *(
            [
                f"Left out of the draw: {len(kit.left_out)} question{'s' if len(kit.left_out) != 1 else ''} "
                "the candidate already met in an assessment.",
                "",
            ]
            if kit.left_out
            else []
        ),
        "Ask each question as written, listen for the points below, use the follow-ups to probe, and "
        "rate each answer 1 to 4 against its anchors *before* you compare notes with the panel. "
        "The reference points are a guide to understanding, not a script the candidate must recite.",
        "",
        "| # | Question | Set | Level | Minutes |",
        "|---|---|---|---|---|",
    ]
    for n, q in enumerate(kit.questions, 1):
        lines.append(
            f"| {n} | {q.title} | {kit.set_titles.get(q.set, q.set)} | {q.level.value} | {q.minutes} |"
        )
    for n, q in enumerate(kit.questions, 1):
        lines += [
            "",
            f"## {n}. {q.title}",
            "",
            f"**Assesses:** {kit.assesses(q)} · **Set:** {kit.set_titles.get(q.set, q.set)} · "
            f"**Level:** {q.level.value} · **About {q.minutes} minutes**",
            "",
            "**Ask:**",
            "",
            "> " + q.prompt.strip().replace("\n", "\n> "),
            "",
        ]
        if q.signals:
            lines += ["**Signals of a strong answer:**", "", _bullets(q.signals.strong), ""]
            lines += ["**Signals of a weak answer (red flags):**", "", _bullets(q.signals.weak), ""]
        else:
            lines += ["**Listen for:**", "", _bullets(q.key_points), ""]
            lines += [
                "**Red flags:**",
                "",
                _bullets([f"“{m.claim}” (in fact: {m.correction})" for m in q.misconceptions]),
                "",
            ]
        lines += ["**Follow-ups:**", "", _bullets(q.follow_ups), "", "**Rating anchors:**", ""]
        lines += [f"- **{k}**: {text}" for k, text in q.rating_anchors.as_dict().items()]
        lines += ["", "Rating: ☐ 1  ☐ 2  ☐ 3  ☐ 4    Notes:", "", "&nbsp;", ""]
    lines += [
        "",
        "## Scorecard",
        "",
        "| # | Question | Rating (1–4) | Notes |",
        "|---|---|---|---|",
    ]
    lines += [f"| {n} | {q.title} |   |   |" for n, q in enumerate(kit.questions, 1)]
    lines += [
        "",
        "**Overall recommendation:** " + "  ".join(f"☐ {r}" for r in RECOMMENDATIONS),
        "",
        "**Reason (required):**",
        "",
        "&nbsp;",
        "",
        "Interviewer: ______________________   Date: ____________",
        "",
    ]
    return "\n".join(lines)


KIT_CSS = (Path(__file__).parent / "kit.css").read_text()


def to_html(kit: Kit) -> str:
    from mlinterview.bank.markdown import to_html

    body = to_html(to_markdown(kit), extensions=("tables", "sane_lists"))
    title = html.escape(f"Interview kit: {kit.level.value}, {kit.minutes} minutes")
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{KIT_CSS}</style></head><body>\n{body}\n</body></html>\n"
    )


def to_pdf(kit: Kit) -> bytes:
    from weasyprint import HTML

    return bytes(HTML(string=to_html(kit)).write_pdf())
