"""``mlinterview grade`` (score answers against the bank) and ``mlinterview scoring train``."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Annotated, Any

import typer

from mlinterview.bank import Bank
from mlinterview.cli.bank import ContentOption, _fail, _load, _read_input

scoring_app = typer.Typer(help="The answer scorer's learned calibration.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command("grade")(grade)
    app.add_typer(scoring_app, name="scoring")


def _read_batch(path: Path, bank: Bank) -> list[dict[str, Any]]:
    """Every line parsed and checked before anything is scored, so errors never half-write output."""
    raw = _read_input(path)
    items = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise _fail(f"{path}:{number}: not valid JSON ({exc.msg})") from None
        if not isinstance(item, dict) or not isinstance(item.get("slug"), str):
            raise _fail(f'{path}:{number}: each line must be an object with "slug" and "answer"')
        if not isinstance(item.get("answer"), str):
            raise _fail(f'{path}:{number}: "answer" must be a string')
        if item["slug"] not in bank.questions:
            raise _fail(f"{path}:{number}: unknown question slug {item['slug']!r}")
        items.append(item)
    if not items:
        raise _fail(f"{path} has no answers in it")
    return items


MARKS = {"covered": "✓", "partial": "◐", "missing": "·", "contradicted": "✗"}  # a key point's verdict


def _closest(item: dict[str, Any]) -> str:
    """What goes before a quote that, read alone, does not bear its verdict out (see the README)."""
    return "closest sentence: " if item.get("stands_alone") is False else ""


def _print_result(result: dict[str, Any]) -> None:
    typer.secho(
        f"{result['slug']}: {result['score']:.2f} / 5 (band {result['band']}, "
        f"confidence {result['confidence']:.2f})",
        bold=True,
    )
    for point in result["key_points"]:
        mark = MARKS.get(point.get("verdict", ""), "✓" if point["covered"] else "·")
        typer.echo(textwrap.fill(point["text"], 100, initial_indent=f"  {mark} ", subsequent_indent="    "))
        if point["evidence"]:
            typer.echo(
                textwrap.fill(
                    f"{_closest(point)}“{point['evidence']}”",
                    100,
                    initial_indent="      ",
                    subsequent_indent="      ",
                )
            )
    for wrong in result["misconceptions"]:
        typer.secho(
            textwrap.fill(
                f"misconception: {wrong['text']}", 100, initial_indent="  ✗ ", subsequent_indent="    "
            ),
            fg="red",
        )
        typer.echo(
            textwrap.fill(
                f"correction: {wrong['correction']}", 100, initial_indent="      ", subsequent_indent="      "
            )
        )
    typer.echo(textwrap.fill(result["feedback"], 100, initial_indent="  ", subsequent_indent="  "))


def grade(
    slug: Annotated[str | None, typer.Argument(help="The question's slug.")] = None,
    answer: Annotated[str | None, typer.Option("--answer", help="The answer text.")] = None,
    answer_file: Annotated[
        Path | None, typer.Option("--answer-file", help="Read the answer from a file ('-' for stdin).")
    ] = None,
    batch: Annotated[
        Path | None, typer.Option("--batch", help='JSON lines of {"slug", "answer"}; "-" for stdin.')
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    content: ContentOption = None,
) -> None:
    """Score a written answer 0-5 against a question's rubric, with the evidence for the score.

    The score is advisory: it shows which key points the answer covered, which misconceptions it
    stated, and how confident the scorer is. A person always has the last word.
    """
    bank = _load(content)
    if batch is not None:
        if slug or answer is not None or answer_file is not None:
            raise _fail("--batch cannot be combined with a slug, --answer or --answer-file")
        items = _read_batch(batch, bank)
        from mlinterview.scoring import get_scorer

        results = get_scorer().score_many([(bank.get(i["slug"]), i["answer"]) for i in items])
        for item, result in zip(items, results, strict=True):
            if as_json:
                typer.echo(json.dumps({**item, "result": result.to_dict()}, ensure_ascii=False))
            else:
                _print_result(result.to_dict())
        return
    if not slug:
        raise _fail("give a question slug (or --batch FILE)")
    if (answer is None) == (answer_file is None):
        raise _fail("give exactly one of --answer TEXT or --answer-file FILE")
    if slug not in bank.questions:
        raise _fail(f"unknown question slug {slug!r}; 'mlinterview bank list' shows them")
    if answer_file is not None:
        answer = _read_input(answer_file)
    assert answer is not None
    from mlinterview.scoring import get_scorer

    result = get_scorer().score(bank.get(slug), answer).to_dict()
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        _print_result(result)


@scoring_app.command("train")
def train(
    data: Annotated[
        Path | None, typer.Option("--data", help="The shared datasets folder (default: ../shared/datasets).")
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Where to write the artifact.")] = None,
) -> None:
    """Fit the scorer's calibration on public human-graded answers and write the artifact."""
    from mlinterview.scoring import calibration, datasets, training

    data = data or datasets.DEFAULT_DATA
    target = out or calibration.ARTIFACT
    try:
        model = training.train(data, target, progress=lambda message: typer.echo(message, err=True))
    except FileNotFoundError as exc:
        raise _fail(str(exc)) from None
    counts = ", ".join(f"{name} {n}" for name, n in model.trained_on["datasets"].items())
    typer.echo(f"wrote {target} (trained on {counts})")


@scoring_app.command("train-reader")
def train_reader(
    data: Annotated[
        Path | None, typer.Option("--data", help="The shared datasets folder (default: ../shared/datasets).")
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Folder for reader.safetensors and reader.json (default: shipped)."),
    ] = None,
    epochs: Annotated[int, typer.Option("--epochs", min=1, help="Passes over the training pairs.")] = 2,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Train on this many pairs only (a quick trial).")
    ] = None,
    no_semeval: Annotated[
        bool, typer.Option("--no-semeval", help="Train on the bank's answers only.")
    ] = False,
) -> None:
    """Train the reader on the bank's graded answers (and SemEval-2013 train); seed 13."""
    from mlinterview.bank import load_bank
    from mlinterview.scoring import datasets, reader, reader_training

    data = data or datasets.DEFAULT_DATA
    semeval = None if no_semeval else data / "semeval2013_task7_sra" / "semeval2013_task7_sra.csv"
    if semeval is not None and not semeval.is_file():
        raise _fail(
            f"{semeval} not found: pass --data pointing at the shared datasets folder, or --no-semeval"
        )
    folder = out or reader.ARTIFACTS
    manifest = reader_training.train(
        load_bank(),
        semeval,
        folder / reader.WEIGHTS.name,
        folder / reader.MANIFEST.name,
        epochs=epochs,
        limit=limit,
        progress=lambda message: typer.echo(message, err=True),
    )
    typer.echo(
        f"development Spearman {manifest['development']['spearman']:.3f} (epoch {manifest['chosen_epoch']})"
    )
