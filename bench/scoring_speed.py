"""Scoring speed on this machine (issue 13's bars), cycling through the whole bank.

Every question of the bank gets one answer (a graded answer to it, training or evaluation alike:
speed does not depend on which), so each answer is to a different question and every rubric is
read for the first time when its answer arrives:

- cold start: a fresh process imports, loads the model and scores one answer;
- single answer, rubric not yet seen by the process: p50 and p95 over all questions, scored one
  at a time by a scorer that has read no rubric but one unrelated warm-up question's;
- batched: a fresh scorer scores all answers in batches of ``--batch`` (different questions in
  each batch), answers per second, median of ``--repeats`` runs.

    python bench/scoring_speed.py [--scorer reader|similarity] [--batch 32] [--repeats 3] [--out FILE]
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time

from _common import ROOT, parser, say, table, write

from mlinterview.bank import load_bank

BAR = {"p95_ms_unseen": 1000.0, "answers_per_second": 10.0}
COLD = """
import time; t = time.perf_counter()
from mlinterview.bank import load_bank
from mlinterview.scoring import {getter}
bank = load_bank(); q = next(iter(bank))
{getter}().score(q, "A first answer to warm up the model.")
print(time.perf_counter() - t)
"""


GETTERS = {"reader": "get_scorer", "similarity": "Scorer"}


def one_answer_per_question() -> list[tuple[object, str]]:
    bank = load_bank()
    items = []
    for question in bank:
        graded = bank.graded.get(question.slug) or bank.evaluation.get(question.slug)
        if graded is None or not graded.answers:
            continue
        # The longest graded answer: the slowest case for the reader.
        answer = max(graded.answers, key=lambda a: len(a.text))
        items.append((question, answer.text))
    return items


def fresh_scorer(kind: str):
    """A scorer that has read no rubric yet (the encoder or reader weights are shared)."""
    if kind == "similarity":
        from mlinterview.scoring.engine import Scorer

        return Scorer()
    from mlinterview.scoring.reader_scorer import ReaderScorer

    return ReaderScorer()


def main() -> None:
    p = parser(__doc__.splitlines()[0], data=False)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument(
        "--scorer",
        choices=["reader", "similarity"],
        default="reader",
        help="reader: the default scorer; similarity: the default before issue 13",
    )
    args = p.parse_args()
    cold = []
    for _ in range(args.repeats):
        command = [sys.executable, "-c", COLD.format(getter=GETTERS[args.scorer])]
        run = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=True)
        cold.append(float(run.stdout.strip().splitlines()[-1]))
    say(f"cold start median {statistics.median(cold):.2f}s")
    items = one_answer_per_question()
    say(f"{len(items)} answers, each to a different question")

    scorer = fresh_scorer(args.scorer)
    warm_question, warm_answer = items[-1]
    scorer.score(warm_question, warm_answer)  # loads the model; this rubric is then never used
    latencies = []
    for question, answer in items[:-1]:
        started = time.perf_counter()
        scorer.score(question, answer)
        latencies.append((time.perf_counter() - started) * 1000)
    latencies.sort()
    p50 = statistics.median(latencies)
    p95 = latencies[int(0.95 * (len(latencies) - 1))]

    rates = []
    for _ in range(args.repeats):
        scorer = fresh_scorer(args.scorer)
        scorer.score(warm_question, warm_answer)
        started = time.perf_counter()
        for start in range(0, len(items), args.batch):
            scorer.score_many(items[start : start + args.batch])
        rates.append(len(items) / (time.perf_counter() - started))
    rate = statistics.median(rates)
    print(
        table(
            ["measure", "value", "bar"],
            [
                ["cold start, s (median)", statistics.median(cold), "-"],
                ["single answer, unseen rubric, p50 ms", p50, "-"],
                ["single answer, unseen rubric, p95 ms", p95, f"<= {BAR['p95_ms_unseen']:g}"],
                [
                    f"batched by {args.batch}, unseen rubrics, answers/s (median of {args.repeats})",
                    rate,
                    f">= {BAR['answers_per_second']:g}",
                ],
            ],
        )
    )
    passed = p95 <= BAR["p95_ms_unseen"] and rate >= BAR["answers_per_second"]
    print(f"bars: {'met' if passed else 'NOT met'}")
    write(
        f"scoring_speed-{args.scorer}",
        {
            "answers": len(items),
            "questions": len(items),
            "cold_start_s": cold,
            "p50_ms": p50,
            "p95_ms": p95,
            "answers_per_second": rates,
            "bar": BAR,
            "bar_met": passed,
            "args": json.loads(json.dumps(vars(args), default=str)),
        },
        args.out,
    )


if __name__ == "__main__":
    main()
