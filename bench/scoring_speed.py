"""Scoring speed on this machine: cold start, warm single-answer latency, batched throughput.

Answers are built from the bank's own key points and misconceptions (mixed and trimmed so no two
are the same), scored one at a time (p50/p95 latency) and in batches (answers per second).
Cold start is measured in a fresh process: import, model load, first score.

    python bench/scoring_speed.py [--answers N] [--repeats R] [--out FILE]
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import time

from _common import ROOT, parser, say, table, write

from mlinterview.bank import load_bank

BAR = {"p50_ms": 30.0, "answers_per_second": 100.0}
COLD = """
import time; t = time.perf_counter()
from mlinterview.bank import load_bank
from mlinterview.scoring import get_scorer
bank = load_bank(); q = next(iter(bank))
get_scorer().score(q, "A first answer to warm up the model.")
print(time.perf_counter() - t)
"""


def answers(n: int) -> list[tuple[object, str]]:
    rng = random.Random(7)
    questions = [q for q in load_bank() if q.key_points]
    out = []
    for i in range(n):
        q = questions[i % len(questions)]
        parts = rng.sample(q.key_points, k=min(len(q.key_points), rng.randint(1, 3)))
        if q.misconceptions and rng.random() < 0.3:
            parts.append(rng.choice(q.misconceptions).claim)
        out.append((q, " ".join(parts) + f" (answer {i})"))
    return out


def main() -> None:
    p = parser(__doc__.splitlines()[0], data=False)
    p.add_argument("--answers", type=int, default=400)
    p.add_argument("--repeats", type=int, default=3)
    args = p.parse_args()
    cold = []
    for _ in range(args.repeats):
        run = subprocess.run(
            [sys.executable, "-c", COLD], capture_output=True, text=True, cwd=ROOT, check=True
        )
        cold.append(float(run.stdout.strip().splitlines()[-1]))
    say(f"cold start median {statistics.median(cold):.2f}s")
    from mlinterview.scoring import get_scorer

    scorer = get_scorer()
    items = answers(args.answers)
    scorer.score_many(items[:20])  # warm the rubric cache and the model
    latencies = []
    for q, a in items:
        t = time.perf_counter()
        scorer.score(q, a)
        latencies.append((time.perf_counter() - t) * 1000)
    latencies.sort()
    p50 = statistics.median(latencies)
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    rates = []
    for _ in range(args.repeats):
        t = time.perf_counter()
        scorer.score_many(items)
        rates.append(len(items) / (time.perf_counter() - t))
    rate = statistics.median(rates)
    print(
        table(
            ["measure", "value", "bar"],
            [
                ["cold start, s (median)", statistics.median(cold), "-"],
                ["single answer warm, p50 ms", p50, f"<= {BAR['p50_ms']}"],
                ["single answer warm, p95 ms", p95, "-"],
                [f"batched, answers/s (median of {args.repeats})", rate, f">= {BAR['answers_per_second']}"],
            ],
        )
    )
    passed = p50 <= BAR["p50_ms"] and rate >= BAR["answers_per_second"]
    print(f"bars: {'met' if passed else 'NOT met'}")
    write(
        "scoring_speed",
        {
            "answers": len(items),
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
