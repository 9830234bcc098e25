"""The quoted failures of issue 13 as regression cases: each answer checked against its expectation.

Reads ``tests/scoring/regression_cases.yaml`` (a list of cases: the kind of failure, the question's
slug, the variant, the expectation and the answer), scores every answer with a grader from the
registry and checks the expectation. The expectation keys:

- ``score_at_most`` / ``score_at_least``: bounds on the score (0-5 scale, the grade's value times 5);
- ``no_misconception: true``: the result reports no misconception at all;
- ``each_misconception_once: true``: the answer states exactly one misconception (in two sentences),
  so the result may report at most one: no claim listed twice, no sentence of the answer quoted
  under two claims, and not two claims for the one misconception;
- ``off_topic: true``: the score is 0 and, when the result carries an off-topic flag (an
  ``off_topic`` field, or a gate that says the answer did not address the question), it is set.

Prints a table of every answer (case, question, variant, score, expectation, pass or fail, and why)
and a summary by case, and writes the JSON results.

    python bench/regression_cases.py [CASES] [--grader local-text] [--content DIR] [--out FILE]

The cases are never training data or evidence for a scorer; questions of the frozen evaluation split
are refused.
"""

from __future__ import annotations

import re
import statistics
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml
from _common import ROOT, add_grader_options, parser, register_graders, say, table, write

from mlinterview.bank.loader import default_content_dir, load_bank
from mlinterview.scoring import graders
from mlinterview.scoring.graders import GradeRequest

DEFAULT_CASES = ROOT / "tests" / "scoring" / "regression_cases.yaml"
EXPECT_KEYS = frozenset(
    {"score_at_most", "score_at_least", "no_misconception", "each_misconception_once", "off_topic"}
)
CASE_ORDER = (
    "correct-caveat-flagged",
    "correct-taxonomy-flagged",
    "correction-flagged-as-misconception",
    "misconception-reported-twice",
    "terse-weak-outscores",
    "off-topic-fluent",
    "swapped-concept",
    "correct-definition-underscored",
)
OFF_TOPIC_GATE = re.compile(r"off[- ]topic|did not address|does not address|different question", re.I)


def load_cases(path: Path) -> list[dict[str, Any]]:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(cases, list) or not cases:
        raise SystemExit(f"{path}: expected a non-empty list of cases")
    for i, case in enumerate(cases, 1):
        missing = {"case", "question", "variant", "expect", "answer"} - set(case)
        if missing:
            raise SystemExit(f"{path}: case {i} lacks {', '.join(sorted(missing))}")
        unknown = set(case["expect"]) - EXPECT_KEYS
        if unknown:
            raise SystemExit(f"{path}: case {i} has unknown expectation keys {sorted(unknown)}")
    return cases


def misconception_id(report: dict[str, Any]) -> str:
    """What names a reported misconception: its claim (``text`` in the local scorer's evidence)."""
    return str(report.get("text") or report.get("claim") or report.get("id") or report)


def off_topic_flag(evidence: dict[str, Any]) -> bool | None:
    """True or False when the result says whether the answer was off topic; None if it cannot say."""
    if "off_topic" in evidence:
        return bool(evidence["off_topic"])
    if "gates" in evidence:
        return any(OFF_TOPIC_GATE.search(str(g)) for g in evidence["gates"] or [])
    return None


def check(expect: dict[str, Any], score: float, evidence: dict[str, Any]) -> list[str]:
    """The expectations the result breaks, each with the reason (empty: the case passes)."""
    reports = list(evidence.get("misconceptions") or [])
    broken = []
    if "score_at_most" in expect and score > expect["score_at_most"]:
        broken.append(f"score {score:.2f} > {expect['score_at_most']}")
    if "score_at_least" in expect and score < expect["score_at_least"]:
        broken.append(f"score {score:.2f} < {expect['score_at_least']}")
    if expect.get("no_misconception") and reports:
        broken.append(f"{len(reports)} misconception(s) reported")
    if expect.get("each_misconception_once"):
        claims = Counter(misconception_id(r) for r in reports)
        quoted = Counter(str(r.get("evidence", "")) for r in reports if r.get("evidence"))
        if any(n > 1 for n in claims.values()):
            broken.append("a claim reported more than once")
        if any(n > 1 for n in quoted.values()):
            broken.append("one sentence quoted under several claims")
        if len(reports) > 1:
            broken.append(f"one stated misconception reported {len(reports)} times")
    if expect.get("off_topic"):
        if score != 0:
            broken.append(f"off-topic answer scores {score:.2f}, not 0")
        if off_topic_flag(evidence) is False:
            broken.append("off-topic flag not set")
    return broken


def describe(expect: dict[str, Any]) -> str:
    short = {
        "score_at_most": "<=",
        "score_at_least": ">=",
        "no_misconception": "no misc",
        "each_misconception_once": "misc once",
        "off_topic": "off topic",
    }
    parts = []
    for key, value in expect.items():
        parts.append(f"{short[key]} {value}" if key.startswith("score") else short[key])
    return ", ".join(parts)


def main() -> None:
    p = parser(__doc__.splitlines()[0], data=False)
    p.add_argument("cases", nargs="?", type=Path, default=DEFAULT_CASES, help="the cases file")
    add_grader_options(p)
    args = p.parse_args()
    register_graders(args)
    bank = load_bank(args.content or default_content_dir())
    cases = load_cases(args.cases)
    held = sorted({c["question"] for c in cases} & bank.held_out)
    if held:
        raise SystemExit(f"cases use held-out questions of the evaluation split: {', '.join(held)}")
    say(f"scoring {len(cases)} regression cases from {args.cases} with {args.grader}")
    rows, failures, seconds, versions = [], 0, [], set()
    for case in cases:
        started = time.perf_counter()
        try:
            request = GradeRequest.text(bank.get(case["question"]), case["answer"])
            grade = graders.grade(request, grader=args.grader)
        except Exception as exc:  # an endpoint's failure is a result too
            failures += 1
            say(f"  {case['case']}/{case['question']}: {type(exc).__name__}: {exc}")
            continue
        seconds.append(time.perf_counter() - started)
        versions.add(grade.version)
        score = round(grade.value * 5, 2)
        broken = check(case["expect"], score, grade.evidence)
        rows.append(
            {
                "case": case["case"],
                "question": case["question"],
                "variant": case["variant"],
                "score": score,
                "expect": case["expect"],
                "passed": not broken,
                "broken": broken,
                "misconceptions": [
                    {"claim": misconception_id(r), "evidence": r.get("evidence", "")}
                    for r in grade.evidence.get("misconceptions") or []
                ],
                "off_topic_flag": off_topic_flag(grade.evidence),
            }
        )
    print(
        table(
            ["case", "question", "variant", "score", "expect", "result", "why"],
            [
                [
                    r["case"],
                    r["question"],
                    r["variant"],
                    f"{r['score']:.2f}",
                    describe(r["expect"]),
                    "pass" if r["passed"] else "FAIL",
                    "; ".join(r["broken"]),
                ]
                for r in rows
            ],
        )
    )
    by_case: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_case[r["case"]].append(r)
    order = [c for c in CASE_ORDER if c in by_case] + sorted(set(by_case) - set(CASE_ORDER))
    summary = {
        case: {
            "n": len(by_case[case]),
            "passed": sum(r["passed"] for r in by_case[case]),
            "failed": sum(not r["passed"] for r in by_case[case]),
            "questions": sorted({r["question"] for r in by_case[case]}),
            "original": sum(r["variant"].startswith("original") for r in by_case[case]),
            "other_questions": len({r["question"] for r in by_case[case] if r["variant"] == "other"}),
        }
        for case in order
    }
    print()
    print(
        table(
            ["case", "answers", "original", "other questions", "pass", "fail"],
            [
                [case, s["n"], s["original"], s["other_questions"], s["passed"], s["failed"]]
                for case, s in summary.items()
            ],
        )
    )
    total_pass = sum(r["passed"] for r in rows)
    print(f"\n{total_pass} of {len(rows)} cases pass; {len(rows) - total_pass} fail; errors {failures}")
    if seconds:
        print(f"seconds per answer: p50 {statistics.median(seconds):.3f}")
    write(
        "regression_cases",
        {
            "grader": args.grader,
            "grader_versions": sorted(versions),
            "cases_file": str(args.cases),
            "n": len(rows),
            "passed": total_pass,
            "failed": len(rows) - total_pass,
            "errors": failures,
            "by_case": summary,
            "rows": rows,
        },
        args.out,
    )


if __name__ == "__main__":
    main()
