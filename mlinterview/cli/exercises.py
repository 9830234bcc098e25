"""``mlinterview judge``, ``mlinterview exercises ...`` and ``mlinterview sandbox run``.

Exit codes: 0 success (the program ran normally / every test passed), 1 the judged solution failed
some tests, 3 the sandboxed program did not finish normally (its verdict says why), 2 an error of
ours or of the command line (unknown exercise, unreadable file, sandbox not available).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from mlinterview.cli.bank import _emit_json, _fail, _read_input

exercises_app = typer.Typer(help="ML coding exercises: list, show, check the content.", no_args_is_help=True)
sandbox_app = typer.Typer(help="Run untrusted Python under the sandbox.", no_args_is_help=True)

InsecureOption = Annotated[
    bool,
    typer.Option(
        "--insecure",
        help="Development only: run without isolation (no bubblewrap, cgroups or uid); results say so.",
    ),
]


def register(app: typer.Typer) -> None:
    app.command("judge")(judge)
    app.add_typer(exercises_app, name="exercises")
    app.add_typer(sandbox_app, name="sandbox")


def _sandbox(insecure: bool, slots: int = 2) -> Any:
    from mlinterview.sandbox import Sandbox, SandboxUnavailable

    try:
        return Sandbox(slots=slots, insecure=insecure)
    except SandboxUnavailable as exc:
        raise _fail(f"the sandbox is not available: {exc}") from None


def _exercise(slug: str) -> Any:
    from mlinterview.exercises import ExerciseError, load_exercise
    from mlinterview.exercises.model import default_exercises_dir

    root = default_exercises_dir()
    folder = root / slug
    if not slug or "/" in slug or not folder.is_dir():
        known = ", ".join(sorted(p.name for p in root.iterdir() if p.is_dir())) if root.is_dir() else "none"
        raise _fail(f"no exercise {slug!r}; known exercises: {known}")
    try:
        return load_exercise(folder)
    except ExerciseError as exc:
        raise _fail(str(exc)) from None


def judge(
    exercise: Annotated[str, typer.Argument(help="Exercise slug, e.g. roc-auc.")],
    solution: Annotated[Path, typer.Argument(help="The candidate's Python file ('-' for stdin).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the full result as JSON.")] = False,
    public_only: Annotated[
        bool, typer.Option("--public-only", help="Run only the public examples (what a candidate may try).")
    ] = False,
    insecure: InsecureOption = False,
) -> None:
    """Judge SOLUTION against an exercise's tests in the sandbox: score, per-test results, timings."""
    from mlinterview.exercises import Judge

    item = _exercise(exercise)
    source = _read_input(solution)
    result = Judge(_sandbox(insecure, slots=1)).judge(item, source, public_only=public_only)
    if as_json:
        _emit_json(result.to_dict())
    else:
        typer.secho(
            f"{item.slug}: {result.score * 100:.0f}% ({result.points:g} of {result.max_points:g} points) "
            f"- {result.message}",
            bold=True,
        )
        for test in result.tests:
            mark = "✓" if test.passed else "✗"
            kind = "public" if test.public else "hidden"
            line = f"  {mark} {test.name} [{kind}, {test.points:g}/{test.max_points:g}]"
            typer.echo(line + (f": {test.message}" if test.message else ""))
        timings = result.timings
        if timings:
            typer.echo(
                f"  verdict {result.verdict}; wall {timings['wall_seconds']:.2f} s, "
                f"CPU {timings['cpu_seconds']:.2f} s, peak memory {timings['peak_memory_mb']:g} MB"
            )
        if not result.sandboxed:
            typer.secho("  INSECURE development mode: the solution was not sandboxed", fg="red")
    raise typer.Exit(0 if result.score >= 1.0 else 1)


@exercises_app.command("list")
def list_exercises(
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind", help="Only this kind: from-scratch, pytorch, data-wrangling, algorithms, modelling."
        ),
    ] = None,
    skill: Annotated[
        str | None, typer.Option("--skill", help="Only exercises giving evidence of this core skill.")
    ] = None,
) -> None:
    """List the exercises in the content folder."""
    from mlinterview.exercises import ExerciseError, load_exercises
    from mlinterview.exercises.catalogue import KINDS, select, skills_in_use

    if kind is not None and kind not in KINDS:
        raise _fail(f"unknown kind {kind!r}; kinds are: {', '.join(KINDS)}")
    try:
        items = load_exercises()
    except ExerciseError as exc:
        raise _fail(str(exc)) from None
    known = skills_in_use(items)
    if skill is not None and skill not in known:
        raise _fail(f"no exercise has the skill {skill!r}; skills in use: {', '.join(known)}")
    items = select(items, kind, skill)
    if as_json:
        rows = [
            {
                "slug": e.slug,
                "title": e.title,
                "level": e.level.value,
                "kind": e.kind.value,
                "skills": e.skills,
                "minutes": e.minutes,
                "tags": e.meta.tags,
            }
            for e in items
        ]
        _emit_json(rows)
        return
    for e in items:
        typer.echo(f"{e.slug:28} {e.kind.value:14} {e.level.value:7} {e.minutes:3} min  {e.title}")


@exercises_app.command("show")
def show_exercise(exercise: Annotated[str, typer.Argument(help="Exercise slug.")]) -> None:
    """Show what a candidate sees: statement, starter code and public examples (no hidden tests)."""
    view = _exercise(exercise).public_view()
    typer.secho(f"{view['title']} ({view['level']}, about {view['minutes']} min)", bold=True)
    typer.echo(view["statement"].rstrip())
    typer.echo("\nStarter code:\n")
    typer.echo(view["starter"].rstrip())
    typer.echo("\nExamples:")
    for example in view["examples"]:
        typer.echo(f"  {example['call']}  ->  {example['expected']}")


@exercises_app.command("check")
def check_exercises(
    sandboxed: Annotated[
        bool,
        typer.Option(
            "--sandbox",
            help="Also judge every reference and wrong solution through the sandbox: the reference "
            "scores 100%, each wrong solution fails a hidden test by its answer, as the parent found.",
        ),
    ] = False,
) -> None:
    """Check the content: each reference passes its tests, each wrong solution fails a hidden test."""
    from mlinterview.exercises import ExerciseError, Judge, load_exercises
    from mlinterview.exercises.sandboxcheck import sandbox_problems
    from mlinterview.exercises.selfcheck import self_check

    try:
        items = load_exercises()
    except ExerciseError as exc:
        raise _fail(str(exc)) from None
    judge_ = Judge(_sandbox(False)) if sandboxed else None
    problems: list[str] = []
    for item in items:
        check = self_check(item)
        found = list(check.problems)
        # The sandbox pass compares its failures with the parent's, so it needs a sound content check.
        if judge_ is not None and not found:
            found += sandbox_problems(item, judge_, check)
        typer.echo(f"{item.slug:28} {'ok' if not found else 'PROBLEMS'}")
        problems += found
    for problem in problems:
        typer.echo(f"  {problem}", err=True)
    if problems:
        raise _fail(f"{len(problems)} problem(s) in {len(items)} exercises")
    typer.echo(f"{len(items)} exercises ok")


@sandbox_app.command("run")
def sandbox_run(
    file: Annotated[Path, typer.Argument(help="The Python program to run ('-' for stdin).")],
    memory: Annotated[int, typer.Option("--memory", help="Memory cap in MB.", min=16)] = 512,
    cpu: Annotated[float, typer.Option("--cpu", help="CPU time cap in seconds.", min=0.1)] = 5.0,
    wall: Annotated[float, typer.Option("--wall", help="Wall-clock cap in seconds.", min=0.1)] = 10.0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    insecure: InsecureOption = False,
) -> None:
    """Run any Python program under the sandbox and report its verdict and captured output."""
    from mlinterview.sandbox import Limits, RunRequest, Verdict

    source = _read_input(file)
    limits = Limits(memory_mb=memory, cpu_seconds=cpu, wall_seconds=wall)
    result = _sandbox(insecure, slots=1).run(RunRequest({"main.py": source}, limits=limits))
    if as_json:
        _emit_json(result.to_dict())
    else:
        typer.echo(result.stdout.decode("utf-8", "replace"), nl=False)
        if result.stderr:
            typer.echo(result.stderr.decode("utf-8", "replace"), nl=False, err=True)
        typer.secho(
            f"verdict: {result.verdict.value} - {result.message}; exit status {result.exit_status}, "
            f"CPU {result.cpu_seconds:.2f} s, wall {result.wall_seconds:.2f} s, "
            f"peak memory {result.peak_memory_bytes / 2**20:.1f} MB",
            err=True,
            bold=True,
        )
    if result.verdict is Verdict.sandbox_error:
        raise typer.Exit(2)
    raise typer.Exit(0 if result.verdict is Verdict.ok else 3)
