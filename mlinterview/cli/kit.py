"""``mlinterview kit``: an interviewer guide and scorecard for a level and a time budget."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from mlinterview.bank import Level
from mlinterview.cli.bank import ContentOption, _fail, _load


class KitFormat(StrEnum):
    md = "md"
    html = "html"
    pdf = "pdf"


def register(app: typer.Typer) -> None:
    app.command("kit")(kit)


def kit(
    level: Annotated[Level, typer.Option(help="Level of the role.")],
    minutes: Annotated[int, typer.Option(help="Length of the interview in minutes.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    fmt: Annotated[KitFormat, typer.Option("--format", help="md, html or pdf.")] = KitFormat.md,
    include: Annotated[list[str] | None, typer.Option("--include", help="Only these sets (repeat).")] = None,
    exclude: Annotated[
        list[str] | None, typer.Option("--exclude", help="Leave out questions with this tag (repeat).")
    ] = None,
    seed: Annotated[
        int | None, typer.Option(help="Same seed, same kit. Unset: a fresh random seed, printed to reuse.")
    ] = None,
    content: ContentOption = None,
) -> None:
    """Pick a balanced set of questions and write the interviewer guide with a scorecard."""
    from mlinterview import kits

    bank = _load(content)
    try:
        built = kits.build_kit(
            bank,
            level=level,
            minutes=minutes,
            seed=seed,
            include_sets=tuple(include or ()),
            exclude_tags=tuple(exclude or ()),
        )
    except ValueError as exc:
        raise _fail(str(exc)) from None
    if fmt is KitFormat.pdf:
        data: bytes = kits.to_pdf(built)
    else:
        text = kits.to_markdown(built) if fmt is KitFormat.md else kits.to_html(built)
        data = text.encode()
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        temporary = output.with_name(output.name + ".part")
        temporary.write_bytes(data)
        temporary.replace(output)
    except OSError as exc:
        raise _fail(f"cannot write {output}: {exc}") from None
    sets = ", ".join(built.core_sets_covered)
    typer.echo(
        f"wrote {output} ({fmt.value}): {len(built.questions)} questions, {built.total_minutes} of "
        f"{minutes} minutes; core sets covered: {sets}; drawn with seed {built.seed} "
        f"(--seed {built.seed} draws the same kit again)"
    )
