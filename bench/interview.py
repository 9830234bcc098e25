"""The scorer on graded interview answers: the frozen evaluation split (issue 13's bar).

Scores every answer of ``content/evaluation/answers/`` (written by authors who saw neither the
training answers nor their brief; see mlinterview.bank.evaluation) with a grader, and reports:
Spearman between scores and grades; a table by kind (count, mean grade, mean score); for the kinds
that must land low (swapped concept, off-topic, keyword list, stated misconception) the share of
answers graded 1 or less that score 1.5 or less; for answers graded 4-5 the share scoring 3.5 or
more and the share with a misconception reported; and the confusion of bands (grade and score
rounded half up). Held-out questions (no graded answers of their own anywhere) are reported apart.

    python bench/interview.py [--grader local-text] [--content DIR] [--out FILE]
    python bench/interview.py --grader llm-second-opinion --url http://127.0.0.1:11434/v1 --model qwen2.5

With ``--training`` it reads the training answers (content/graded) instead: a check of fit, not
of quality. Scores are on the 0-5 scale (a grade's value times 5).
"""

from __future__ import annotations

import statistics
import time
from collections import defaultdict
from typing import Any

from _common import add_grader_options, parser, register_graders, say, table, write

from mlinterview.bank import load_bank
from mlinterview.bank.loader import default_content_dir
from mlinterview.scoring import graders
from mlinterview.scoring.graders import GradeRequest

LOW_KINDS = ("swapped-concept", "off-topic", "keyword-list", "misconception")
KIND_ORDER = (
    "strong",
    "plain-words",
    "partial",
    "rambling",
    "terse",
    "vague",
    "non-answer",
    "misconception",
    "swapped-concept",
    "keyword-list",
    "off-topic",
)
BARS = {
    "spearman": 0.80,
    "low_kinds_at_most_1_5": 0.95,
    "graded_4_5_at_least_3_5": 0.90,
    "misconception_in_4_5": 0.02,
}


def band(value: float) -> int:
    return int(value + 0.5)


def spearman(xs: list[float], ys: list[float]) -> float:
    def ranks(values: list[float]) -> list[float]:
        order = sorted(range(len(values)), key=lambda i: values[i])
        out = [0.0] * len(values)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
                j += 1
            for k in range(i, j + 1):
                out[order[k]] = (i + j) / 2 + 1
            i = j + 1
        return out

    rx, ry = ranks(xs), ranks(ys)
    if len(xs) < 2 or statistics.pstdev(rx) == 0 or statistics.pstdev(ry) == 0:
        return float("nan")
    return statistics.correlation(rx, ry)


def reports_misconception(evidence: dict[str, Any]) -> bool:
    return bool(evidence.get("misconceptions"))


def quote_checks(evidence: dict[str, Any]) -> list[tuple[str, bool]]:
    """(verdict, whether the quoted sentence read alone bears it out) for each quote that the
    grader checked (the local reader does; a grader that does not check leaves none)."""
    checks = [
        (point.get("verdict", ""), bool(point["stands_alone"]))
        for point in evidence.get("key_points", [])
        if point.get("stands_alone") is not None
    ]
    checks += [
        ("misconception", bool(m["stands_alone"]))
        for m in evidence.get("misconceptions", [])
        if m.get("stands_alone") is not None
    ]
    return checks


def quotes_standing_alone(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    by_verdict: dict[str, list[bool]] = defaultdict(list)
    for row in rows:
        for verdict, alone in row["quotes"]:
            by_verdict[verdict].append(alone)
            by_verdict["all"].append(alone)
    return {
        verdict: {"quotes": len(flags), "standing_alone": sum(flags) / len(flags)}
        for verdict, flags in sorted(by_verdict.items())
    }


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_kind[row["kind"]].append(row)
    kinds = {}
    for kind in KIND_ORDER:
        group = by_kind.get(kind, [])
        if not group:
            continue
        low = [r for r in group if r["grade"] <= 1]
        kinds[kind] = {
            "n": len(group),
            "mean_grade": statistics.fmean(r["grade"] for r in group),
            "mean_score": statistics.fmean(r["score"] for r in group),
            "graded_at_most_1": len(low),
            "of_those_scoring_at_most_1_5": (sum(r["score"] <= 1.5 for r in low) / len(low)) if low else None,
        }
    high = [r for r in rows if r["grade"] >= 4]
    confusion = [[0] * 6 for _ in range(6)]
    for r in rows:
        confusion[band(r["grade"])][min(band(r["score"]), 5)] += 1
    low_all = [r for r in rows if r["kind"] in LOW_KINDS and r["grade"] <= 1]
    return {
        "n": len(rows),
        "spearman": spearman([r["score"] for r in rows], [r["grade"] for r in rows]),
        "by_kind": kinds,
        "low_kinds_at_most_1_5": (sum(r["score"] <= 1.5 for r in low_all) / len(low_all))
        if low_all
        else None,
        "graded_4_5_at_least_3_5": (sum(r["score"] >= 3.5 for r in high) / len(high)) if high else None,
        "misconception_in_4_5": (sum(r["misconception"] for r in high) / len(high)) if high else None,
        "confusion_grade_band_by_score_band": confusion,
        "quotes_standing_alone": quotes_standing_alone(rows),
    }


def main() -> None:
    p = parser(__doc__.splitlines()[0], data=False)
    add_grader_options(p)
    p.add_argument("--training", action="store_true", help="score the training answers instead")
    p.add_argument("--limit", type=int, default=0, help="score only the first N answers (0: all)")
    args = p.parse_args()
    register_graders(args)
    bank = load_bank(args.content or default_content_dir())
    source = bank.graded if args.training else bank.evaluation
    items = [(slug, answer) for slug, answers in sorted(source.items()) for answer in answers.answers]
    if args.limit:
        items = items[: args.limit]
    if not items:
        raise SystemExit("no answers to score: is content/evaluation/answers/ empty?")
    say(f"scoring {len(items)} answers to {len({s for s, _ in items})} questions with {args.grader}")
    rows, seconds, failures = [], [], 0
    for i, (slug, answer) in enumerate(items, 1):
        started = time.perf_counter()
        try:
            grade = graders.grade(GradeRequest.text(bank.get(slug), answer.text), grader=args.grader)
        except Exception as exc:  # an endpoint's failure is a result too
            failures += 1
            say(f"  {slug}/{answer.id}: {type(exc).__name__}: {exc}")
            continue
        seconds.append(time.perf_counter() - started)
        rows.append(
            {
                "question": slug,
                "answer": answer.id,
                "held_out": slug in bank.held_out,
                "kind": answer.kind.value,
                "grade": answer.grade,
                "score": round(grade.value * 5, 2),
                "misconception": reports_misconception(grade.evidence),
                "quotes": quote_checks(grade.evidence),
            }
        )
        if i % 100 == 0:
            say(f"  {i}/{len(items)}")
    overall = summarise(rows)
    held = summarise([r for r in rows if r["held_out"]]) if any(r["held_out"] for r in rows) else None
    print(
        table(
            ["kind", "n", "mean grade", "mean score", "graded <=1", "of those <=1.5"],
            [
                [
                    k,
                    v["n"],
                    v["mean_grade"],
                    v["mean_score"],
                    v["graded_at_most_1"],
                    "" if v["of_those_scoring_at_most_1_5"] is None else v["of_those_scoring_at_most_1_5"],
                ]
                for k, v in overall["by_kind"].items()
            ],
        )
    )
    print()
    print(
        table(
            ["measure", "all", "held-out questions", "bar"],
            [
                [m, overall[m] if overall[m] is not None else "", (held or {}).get(m, "") or "", BARS[m]]
                for m in (
                    "spearman",
                    "low_kinds_at_most_1_5",
                    "graded_4_5_at_least_3_5",
                    "misconception_in_4_5",
                )
            ],
        )
    )
    print("\nbands: rows = grade band 0-5, columns = score band 0-5")
    for b, row in enumerate(overall["confusion_grade_band_by_score_band"]):
        print(f"  {b}: " + " ".join(f"{c:4d}" for c in row))
    if overall["quotes_standing_alone"]:
        print("\nquotes that, read alone, bear out their verdict (the rest are the closest sentence)")
        print(
            table(
                ["verdict", "quotes", "standing alone"],
                [[v, q["quotes"], q["standing_alone"]] for v, q in overall["quotes_standing_alone"].items()],
            )
        )
    if seconds:
        print(f"\nseconds per answer: p50 {statistics.median(seconds):.3f}; failures {failures}")
    write(
        f"interview-{args.grader}{'-training' if args.training else ''}",
        {
            "grader": args.grader,
            "overall": overall,
            "held_out": held,
            "failures": failures,
            "rows": rows,
            "bars": BARS,
        },
        args.out,
    )


if __name__ == "__main__":
    main()
