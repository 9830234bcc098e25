"""Interview kits: a balanced set of questions for a level and a time budget, rendered as an
interviewer guide with a scorecard (Markdown, HTML or a printable PDF).

One source of truth: the kit is written as Markdown; HTML is that Markdown converted and styled;
the PDF is WeasyPrint's rendering of the HTML.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from mlinterview.bank.loader import Bank
from mlinterview.bank.schema import Level, Question
from mlinterview.bank.selection import CORE_SETS, SelectionRequest, select_questions

RECOMMENDATIONS = ("Strong no", "No", "Yes", "Strong yes")


@dataclass(frozen=True)
class Kit:
    level: Level
    minutes: int
    seed: int
    questions: tuple[Question, ...]
    set_titles: dict[str, str] = field(default_factory=dict)
    skill_names: dict[str, str] = field(default_factory=dict)

    @property
    def total_minutes(self) -> int:
        return sum(q.minutes for q in self.questions)

    @property
    def core_sets_covered(self) -> list[str]:
        return [s for s in CORE_SETS if any(q.set == s for q in self.questions)]

    def assesses(self, question: Question) -> str:
        skills = [self.skill_names.get(s, s) for s in question.skills]
        return f"{question.topic}" + (f" ({', '.join(skills)})" if skills else "")


def build_kit(
    bank: Bank,
    *,
    level: Level | str,
    minutes: int,
    seed: int = 0,
    include_sets: tuple[str, ...] = (),
    exclude_sets: tuple[str, ...] = (),
    include_tags: tuple[str, ...] = (),
    exclude_tags: tuple[str, ...] = (),
) -> Kit:
    level = Level(level)
    unknown = [s for s in (*include_sets, *exclude_sets) if s not in bank.sets]
    if unknown:
        raise ValueError(f"unknown set(s): {', '.join(unknown)}; known: {', '.join(bank.sets)}")
    if not 5 <= minutes <= 240:
        raise ValueError("minutes must be between 5 and 240")
    request = SelectionRequest(
        level=level,
        minutes=minutes,
        seed=seed,
        include_sets=include_sets,
        exclude_sets=exclude_sets,
        include_tags=include_tags,
        exclude_tags=exclude_tags,
    )
    chosen = select_questions(bank, request)
    if not chosen:
        raise ValueError("no question fits these filters and this time budget")
    return Kit(
        level=level,
        minutes=minutes,
        seed=seed,
        questions=tuple(chosen),
        set_titles={slug: s.title for slug, s in bank.sets.items()},
        skill_names={s.slug: s.name for s in bank.role_profile.core_skills},
    )


def _bullets(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def to_markdown(kit: Kit) -> str:
    """The kit as Markdown; the same bank and options always give the same text."""
    lines = [
        f"# Interview kit: {kit.level.value} ML engineer, {kit.minutes} minutes",
        "",
        f"{len(kit.questions)} questions, about {kit.total_minutes} minutes of questions (seed {kit.seed}).",
        "",
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
