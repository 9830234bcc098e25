"""``mlinterview practice``: answer questions in the terminal, get feedback, review on schedule."""

from __future__ import annotations

import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mlinterview.bank import Level, Question
from mlinterview.cli.bank import ContentOption, _fail, _load

if TYPE_CHECKING:
    from mlinterview.scoring.graders import Grade

END = "."


def register(app: typer.Typer) -> None:
    app.command("practice")(practice)


def _read_answer() -> str | None:
    """Lines until one holding only '.', or end of input. None means the person wants to stop."""
    lines: list[str] = []
    for raw in sys.stdin:
        line = raw.rstrip("\n")
        if line.strip() == END:
            break
        if not lines and line.strip().lower() in {"q", "quit", ":q"}:
            return None
        lines.append(line)
    else:
        if not lines:
            return None
    return "\n".join(lines).strip()


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(text, 96, initial_indent=indent, subsequent_indent=indent + "  ")


def _show_feedback(result: dict[str, Any], question: Question, grade: Grade) -> None:
    # The product's one scale: a percentage (the scorer's 0-5 result divided by 5), as on the web.
    typer.secho(f"\nScore: {grade.value:.0%} (automatic and advisory)", bold=True)
    typer.echo(f"Graded by {grade.grader} (version {grade.version}).")
    typer.echo(_wrap(result["feedback"], ""))
    covered = [k for k in result["key_points"] if k["covered"]]
    missed = [k for k in result["key_points"] if not k["covered"]]
    if covered:
        typer.secho("\nYou covered:", fg=typer.colors.GREEN)
        for point in covered:
            typer.echo(_wrap("✓ " + point["text"]))
    if missed:
        typer.secho("\nYou missed:", fg=typer.colors.YELLOW)
        for point in missed:
            typer.echo(_wrap("✗ " + point["text"]))
    for wrong in result["misconceptions"]:
        typer.secho("\nCareful, this is a misconception:", fg=typer.colors.RED)
        said = "closest to what you said" if wrong.get("stands_alone") is False else "you said"
        typer.echo(_wrap(f"{said}: “{wrong['evidence']}”"))
        typer.echo(_wrap(f"in fact: {wrong['correction']}"))
    if question.reference_answer.strip():
        title = "Guidance" if question.open_ended else "Reference answer"
        typer.secho(f"\n{title}:", bold=True)
        typer.echo(textwrap.indent(question.reference_answer.strip(), "  "))


def practice(
    set: Annotated[str | None, typer.Option("--set", help="Only this set.")] = None,
    level: Annotated[Level | None, typer.Option("--level", help="Only this level.")] = None,
    count: Annotated[int, typer.Option(help="How many questions this session.", min=1, max=50)] = 5,
    state: Annotated[
        Path | None, typer.Option(help="Practice file (default: ~/.local/share/mlinterview/practice.json).")
    ] = None,
    content: ContentOption = None,
) -> None:
    """Answer questions in the terminal; finish each answer with a line holding only '.'."""
    from mlinterview.practice import LocalDeckFile, next_questions
    from mlinterview.scoring import graders

    bank = _load(content)
    if set is not None and set not in bank.sets:
        raise _fail(f"unknown set {set!r}; known sets: {', '.join(bank.sets)}")
    store = LocalDeckFile(state or LocalDeckFile.default_path())
    try:
        deck = store.load()
    except (OSError, ValueError) as exc:
        raise _fail(f"cannot read the practice file {store.path}: {exc}") from None
    now = datetime.now(UTC)
    pool = bank.filter(set=set, level=level.value if level else None)
    questions = next_questions(deck, pool, limit=count, now=now)
    if not questions:
        typer.echo("Nothing to practise: no question matches, or all are scheduled for later.")
        return
    due = len(deck.due(now))
    typer.echo(
        f"{len(questions)} question(s) ({due} review(s) due). End each answer with a line "
        f"holding only '{END}'; type q on the first line to stop."
    )
    grader = graders.primary_for(graders.TEXT)
    answered = 0
    for number, question in enumerate(questions, 1):
        typer.secho(f"\n[{number}/{len(questions)}] {question.title}", bold=True)
        typer.echo(textwrap.indent(question.prompt.strip(), "  "))
        typer.echo("\nYour answer:")
        answer = _read_answer()
        if answer is None:
            break
        grade = grader.grade(graders.GradeRequest.text(question, answer))
        result = grade.evidence  # the scorer's result: its 0-5 score is what the deck schedules by
        _show_feedback(result, question, grade)
        card = deck.record(question, float(result["score"]), now=datetime.now(UTC))
        store.save(deck)
        answered += 1
        typer.echo(f"\nNext review of this question: {card.due:%Y-%m-%d}")
    typer.echo(f"\nDone: {answered} answered. Progress is saved in {store.path}.")
