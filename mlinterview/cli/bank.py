"""``mlinterview bank ...``: list, show, search, validate and import the question bank."""

from __future__ import annotations

import json
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer

from mlinterview.bank import Bank, BankError, Level, Question, UnknownQuestion, load_bank
from mlinterview.bank.loader import ContentError

bank_app = typer.Typer(help="Browse, search, validate and import the question bank.", no_args_is_help=True)

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
ContentOption = Annotated[
    Path | None,
    typer.Option("--content", help="Content folder (default: $MLINTERVIEW_CONTENT_DIR or ./content)."),
]


def register(app: typer.Typer) -> None:
    app.add_typer(bank_app, name="bank")


def question_record(question: Question, bank: Bank) -> dict[str, Any]:
    """Every field of a question, JSON-ready, plus what the bank knows about it."""
    record = question.model_dump(mode="json", by_alias=True, exclude_none=True)
    record["open_ended"] = question.open_ended
    record["set_title"] = bank.sets[question.set].title
    return record


def _emit_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def _read_input(path: Path) -> str:
    """A file's text, or standard input for '-'; a clear error (exit 2) if it cannot be read."""
    try:
        return sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(f"cannot read {path}: {exc}") from None


def _load(content: Path | None) -> Bank:
    try:
        return load_bank(content)
    except BankError as exc:
        for error in exc.errors:
            typer.echo(str(error), err=True)
        message = f"the bank has {len(exc.errors)} content error(s); run 'mlinterview bank validate'"
        raise _fail(message) from None


@bank_app.command("list")
def list_questions(
    set: Annotated[str | None, typer.Option("--set", help="Only this set.")] = None,
    level: Annotated[Level | None, typer.Option("--level", help="Only this level.")] = None,
    tag: Annotated[str | None, typer.Option("--tag", help="Only questions with this tag.")] = None,
    as_json: JsonFlag = False,
    content: ContentOption = None,
) -> None:
    """List questions, optionally filtered by set, level and tag."""
    bank = _load(content)
    if set is not None and set not in bank.sets:
        raise _fail(f"unknown set {set!r}; known sets: {', '.join(bank.sets)}")
    questions = bank.filter(set=set, level=level.value if level else None, tag=tag)
    if as_json:
        _emit_json(
            [
                {
                    "slug": q.slug,
                    "set": q.set,
                    "title": q.title,
                    "level": q.level.value,
                    "tags": q.tags,
                    "minutes": q.minutes,
                }
                for q in questions
            ]
        )
        return
    width = max((len(q.slug) for q in questions), default=4)
    for q in questions:
        typer.echo(f"{q.slug:<{width}}  {q.set:<19}  {q.level.value:<6}  {q.title}")
    typer.echo(f"{len(questions)} question(s)", err=True)


@bank_app.command("show")
def show(
    slug: Annotated[str, typer.Argument(help="The question's slug.")],
    as_json: JsonFlag = False,
    content: ContentOption = None,
) -> None:
    """Show one question with its reference answer and rubric."""
    bank = _load(content)
    try:
        question = bank.get(slug)
    except UnknownQuestion as exc:
        raise _fail(f"{exc}; try 'mlinterview bank search'") from None
    if as_json:
        _emit_json(question_record(question, bank))
        return
    typer.echo(_render_text(question, bank))


def _render_text(q: Question, bank: Bank) -> str:
    def bullets(items: list[str]) -> str:
        return "\n".join(
            textwrap.fill(item, 96, initial_indent="  - ", subsequent_indent="    ") for item in items
        )

    parts = [
        f"{q.title}  [{q.slug}]",
        f"set: {bank.sets[q.set].title} · topic: {q.topic} · level: {q.level.value} · "
        f"~{q.minutes} min · tags: {', '.join(q.tags)}",
        "",
        "Question:",
        textwrap.indent(q.prompt.strip(), "  "),
    ]
    if q.reference_answer.strip():
        title = "Interviewer guidance:" if q.open_ended else "Reference answer:"
        parts += ["", title, textwrap.indent(q.reference_answer.strip(), "  ")]
    if q.key_points:
        parts += ["", "Key points:", bullets(q.key_points)]
    if q.signals:
        parts += ["", "Signals of a strong answer:", bullets(q.signals.strong)]
        parts += ["", "Signals of a weak answer:", bullets(q.signals.weak)]
    if q.misconceptions:
        parts += ["", "Misconceptions (red flags):"]
        parts += [bullets([f"{m.claim}  → {m.correction}"]) for m in q.misconceptions]
    parts += ["", "Follow-ups:", bullets(q.follow_ups), "", "Rating anchors:"]
    parts += [
        textwrap.fill(text, 96, initial_indent=f"  {n}: ", subsequent_indent="     ")
        for n, text in q.rating_anchors.as_dict().items()
    ]
    return "\n".join(parts)


@bank_app.command("search")
def search(
    query: Annotated[str, typer.Argument(help="What you are looking for, in everyday words.")],
    limit: Annotated[int, typer.Option("--limit", min=1, max=100)] = 10,
    as_json: JsonFlag = False,
    content: ContentOption = None,
) -> None:
    """Find questions by everyday words, best match first."""
    from mlinterview.bank.search import SearchIndex

    bank = _load(content)
    hits = SearchIndex(bank).search(query, limit=limit)
    if as_json:
        _emit_json(
            [
                {
                    "rank": rank,
                    "slug": h.slug,
                    "score": h.score,
                    "title": h.question.title,
                    "set": h.question.set,
                }
                for rank, h in enumerate(hits, 1)
            ]
        )
        return
    if not hits:
        typer.echo("no matching question", err=True)
        return
    for rank, h in enumerate(hits, 1):
        typer.echo(f"{rank:>2}. {h.slug:<42} {h.score:>7.2f}  {h.question.title}")


def _content_root_for(path: Path) -> Path:
    """The content folder that holds ``path`` (a folder with sets.yaml)."""
    path = path.resolve()
    for candidate in [path, *path.parents]:
        if (candidate / "sets.yaml").is_file():
            return candidate
    raise _fail(f"{path} is not inside a content folder (no sets.yaml found above it)")


@bank_app.command("validate")
def validate(
    path: Annotated[
        Path | None,
        typer.Argument(help="Content folder or one file in it (default: the configured content)."),
    ] = None,
    quality: Annotated[
        bool,
        typer.Option(
            "--quality/--no-quality",
            help="Also run the quality gates (near-duplicates, restated points; loads the text model).",
        ),
    ] = True,
) -> None:
    """Check every content file; print one line per error and exit 1 if there is any."""
    if path is not None and not path.exists():
        raise _fail(f"{path} does not exist")
    root = _content_root_for(path) if path is not None else None
    one_file = path is not None and path.is_file()
    try:
        bank = load_bank(root)
    except BankError as exc:
        errors = exc.errors
        if one_file:
            assert path is not None
            errors = _errors_for_file(errors, path, root or path.parent)
        if errors:
            _report_errors(errors)
        typer.echo(f"ok: {path}")
        return
    if not quality:
        typer.echo(f"ok: {len(bank)} questions in {len(bank.sets)} sets (schema only)")
        return
    if one_file and path is not None and path.resolve() not in {s.resolve() for s in bank.sources.values()}:
        # A graded-answers file or a shared file: loading the bank checked it, the gates are per question.
        typer.echo(f"ok: {path}")
        return

    from mlinterview.bank import quality as gates
    from mlinterview.embedding import embed

    try:
        policy = gates.load_policy(bank.root)
    except BankError as exc:
        _report_errors(exc.errors)
    if one_file:
        assert path is not None
        slug = next(slug for slug, source in bank.sources.items() if source.resolve() == path.resolve())
        question = bank.get(slug)
        warnings = gates.question_warnings(question, policy, str(path))
        errors = gates.check_question(question, policy, embed, str(path))
        if errors:
            _report_errors(errors, warnings)
        typer.echo(f"ok: {path}")
        _report_warnings(warnings)
        return
    report = gates.check_bank(bank, embed, policy)
    if report.errors:
        _report_errors(report.errors, report.warnings)
    shares = ", ".join(f"{level} {share:.0%}" for level, share in report.level_shares.items())
    graded = sum(len(answers.answers) for answers in bank.graded.values())
    typer.echo(
        f"ok: {len(bank)} questions in {len(bank.sets)} sets (levels: {shares}), role profile with "
        f"{len(bank.role_profile.core_skills)} core skills, {graded} graded answers to {len(bank.graded)} "
        f"questions; quality gates passed ({bank.root})"
    )
    _report_warnings(report.warnings)


def _report_warnings(warnings: Sequence[ContentError]) -> None:
    """Problems the quality policy reports without failing, on standard error."""
    for warning in warnings:
        typer.echo(f"warning: {warning}", err=True)
    if warnings:
        typer.echo(f"{len(warnings)} warning(s)", err=True)


def _report_errors(errors: list[ContentError], warnings: Sequence[ContentError] = ()) -> None:
    _report_warnings(warnings)
    for error in errors:
        typer.echo(str(error))
    typer.echo(f"{len(errors)} error(s)", err=True)
    raise typer.Exit(1)


def _errors_for_file(errors: list[ContentError], path: Path, root: Path) -> list[ContentError]:
    """The errors about one question file, plus those in the shared files it depends on."""
    wanted = path.resolve()
    shared = {(root / "sets.yaml").resolve(), (root / "role-profile.yaml").resolve()}
    kept = []
    for error in errors:
        where = (root.parent / error.file).resolve()
        if where == wanted or where in shared:
            kept.append(error)
    return kept


@bank_app.command("stats")
def stats(
    coverage: Annotated[
        bool, typer.Option("--coverage", help="Also map the role's core skills to the questions.")
    ] = False,
    as_json: JsonFlag = False,
    content: ContentOption = None,
) -> None:
    """Counts by set, level and tag (and, with --coverage, by core skill)."""
    from mlinterview.bank.stats import bank_stats

    bank = _load(content)
    try:
        result = bank_stats(bank)
    except BankError as exc:  # a malformed quality.yaml
        for error in exc.errors:
            typer.echo(str(error), err=True)
        raise _fail("the quality policy has errors; run 'mlinterview bank validate'") from None
    if as_json:
        _emit_json(result.as_dict(with_coverage=coverage))
        return
    typer.echo(f"{result.total} questions ({result.open_ended} open-ended, {result.reviewed} reviewed)\n")
    typer.echo("by set:")
    for slug, count in result.by_set.items():
        typer.echo(f"  {bank.sets[slug].title:<36} {count:>4}")
    typer.echo("\nby level:           count  share  target")
    for level, count in result.by_level.items():
        typer.echo(
            f"  {level:<18} {count:>5}  {result.level_shares[level]:>5.0%}  "
            f"{result.level_targets[level]:>5.0%}"
        )
    typer.echo("\ntop tags:")
    for tag, count in list(result.by_tag.items())[:15]:
        typer.echo(f"  {tag:<36} {count:>4}")
    if coverage:
        typer.echo("\ncoverage of the role's core skills:   total  junior  mid  senior")
        for item in result.coverage:
            levels = item.by_level
            flag = "  <- not assessed" if not item.questions else ""
            typer.echo(
                f"  {item.name:<36} {item.count:>5}  {levels['junior']:>6}  {levels['mid']:>3}  "
                f"{levels['senior']:>6}{flag}"
            )
        if result.unmapped:
            typer.echo(f"\n{len(result.unmapped)} question(s) name no skill: {', '.join(result.unmapped)}")


@bank_app.command("import")
def import_bank(
    content: ContentOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Load the bank into the database (idempotent: unchanged questions are left alone)."""
    bank = _load(content)
    from mlinterview.web.setup import setup_django

    setup_django()
    from mlinterview.web.questions.importer import import_bank as run_import

    report = run_import(bank)
    if as_json:
        _emit_json(report.as_dict())
    else:
        typer.echo(report.summary())
    sys.stdout.flush()
