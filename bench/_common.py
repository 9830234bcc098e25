"""Shared bits of the benchmarks: argument parsing, a plain table printer, JSON results."""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mlinterview.scoring.datasets import DEFAULT_DATA  # noqa: E402

RESULTS = ROOT / "bench" / "results"
LOCAL_SIMILARITY = "local-similarity"


def parser(description: str, data: bool = True) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=description)
    if data:
        p.add_argument(
            "data",
            nargs="?",
            type=Path,
            default=DEFAULT_DATA,
            help=f"the shared datasets folder (default: {DEFAULT_DATA})",
        )
    p.add_argument("--out", type=Path, default=None, help="where to write the JSON results")
    return p


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def table(headers: list[str], rows: list[list[Any]]) -> str:
    def cell(v: Any) -> str:
        return f"{v:.3f}" if isinstance(v, float) else str(v)

    body = [[cell(v) for v in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in body)) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in body]
    return "\n".join(lines)


def write(name: str, results: dict[str, Any], out: Path | None) -> Path:
    path = out or RESULTS / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    results = {
        "benchmark": name,
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {"python": platform.python_version(), "cpu": platform.processor() or platform.machine()},
        **results,
    }
    path.write_text(json.dumps(results, indent=2) + "\n")
    say(f"results written to {path}")
    return path


def add_grader_options(p: argparse.ArgumentParser) -> None:
    """--grader and the options of the graders a benchmark registers itself (reader, language model)."""
    from mlinterview.scoring import graders

    p.add_argument(
        "--grader",
        default=graders.LOCAL_TEXT,
        help=f"a registered grader's name (the reader: {graders.LOCAL_TEXT}), or {LOCAL_SIMILARITY} "
        "(the similarity scorer, the default before issue 13)",
    )
    p.add_argument("--content", default=None, help="content folder (default: the configured one)")
    p.add_argument("--url", default=None, help="for llm-second-opinion: the endpoint")
    p.add_argument("--model", default="default", help="for llm-second-opinion: the model name")
    p.add_argument("--hosted", action="store_true", help="allow an endpoint outside this network")


def register_graders(args: argparse.Namespace) -> None:
    """Register the similarity scorer or the language-model grader when the options ask for them."""
    from mlinterview.scoring import graders

    if args.grader == LOCAL_SIMILARITY:
        graders.register(graders.similarity_grader(LOCAL_SIMILARITY))
    if args.url:
        from mlinterview.scoring import llm

        settings = llm.LLMSettings(url=args.url, model=args.model, hosted_ok=args.hosted)
        graders.register(llm.LLMGrader(settings))
