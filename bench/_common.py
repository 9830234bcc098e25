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
