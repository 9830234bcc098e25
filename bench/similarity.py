"""Similarity checking speed (issue 16, point 1): 1,000 candidates on one written and one code item.

Each candidate's answer is added to the item's index in turn, as the background job will do,
and every ``add`` is timed (it tokenizes, fingerprints, finds candidates and checks them):

- written item: each synthetic answer is 4 to 8 sentences drawn from the graded answers of the
  item's topic, with a few words dropped or swapped; one in twenty is instead a disguised copy
  of an earlier candidate (sentences shuffled, synonyms, an opening of its own);
- code item: each synthetic answer is the exercise's reference (the shape most correct answers
  converge on; our wrong solutions would be copies of one another, not independent work) with
  identifiers renamed, comments added, independent statements swapped or not (a coin per
  block) and most assignments written its own way (``x = a`` as ``x = a * 1.0``, ``a + 0.0``,
  ...); one in twenty is a disguised copy of an earlier candidate. The index knows the starter
  and the reference, as in production. The edits come from a short list, so unrelated
  candidates often share some: the flagged count says more about this generator than about
  real candidates; the timing is the point.

The disguises are the tests' (tests/integrity/disguise.py). Reported: the total time for all
candidates, per-answer latency (p50, p95, max), the pairs checked exactly (against all pairs),
answers flagged (with an earlier candidate),
planted copies found among the returned matches, and (code) answers flagged as our reference.

    python bench/similarity.py [--candidates 1000] [--question bootstrap] [--exercise adam-step] [--out FILE]

With ``--web``, the same candidates go through the web app's check instead
(``mlinterview/web/integrity/index.py``, as the scoring job runs it) on a fresh SQLite database:
the index lives in the database, and written answers are also embedded for the paraphrase check,
which dominates their latency. ``cpu_s`` is this process's CPU time and ``load_average`` the
machine's: on a shared machine the wall time says as much about the others as about the check.
Measured with 1,000 candidates and OMP_NUM_THREADS=1 on the 2-core machine shared with other
sessions (median of 3 runs): written 52 s (p50 51 ms, p95 74 ms per answer, 1,709 pairs checked
exactly of 499,500), code 9.6 s (p50 9 ms, p95 16.5 ms), every planted written copy found.
"""

from __future__ import annotations

import random
import re
import statistics
import time

import yaml
from _common import ROOT, parser, say, table, write

from mlinterview.integrity import CodeIndex, TextIndex
from tests.integrity.disguise import (
    add_comments,
    disguise_text,
    rename_identifiers,
    swap_independent_statements,
)

CONTENT = ROOT / "content"
BAR_SECONDS = 60.0
COPY_EVERY = 20
SENTENCE = re.compile(r"(?<=[.!?])\s+")


def topic_sentences(question: str) -> list[str]:
    [path] = list((CONTENT / "graded").glob(f"*/{question}.yaml"))
    sentences = []
    for other in sorted(path.parent.glob("*.yaml")):
        for answer in yaml.safe_load(other.read_text(encoding="utf-8"))["answers"]:
            sentences += [s for s in SENTENCE.split(" ".join(answer["text"].split())) if len(s.split()) >= 6]
    return sentences


def written_answers(question: str, n: int, rng: random.Random) -> tuple[list[str], set[tuple[int, int]]]:
    sentences = topic_sentences(question)
    answers: list[str] = []
    planted = set()
    for i in range(n):
        if i >= COPY_EVERY and i % COPY_EVERY == 0:
            source = rng.randrange(i)
            answers.append(disguise_text(answers[source], seed=i))
            planted.add((i, source))
            continue
        words = " ".join(rng.sample(sentences, rng.randint(4, 8))).split(" ")
        kept = [w for w in words if rng.random() > 0.05]
        for _ in range(len(kept) // 30):
            a, b = rng.randrange(len(kept)), rng.randrange(len(kept))
            kept[a], kept[b] = kept[b], kept[a]
        answers.append(" ".join(kept))
    return answers, planted


SUFFIXES = [" * 1.0", " + 0.0", " - 0", " / 1", " ** 1", " * 1"]


def own_touches(source: str, rng: random.Random) -> str:
    """Each candidate writes most assignments its own way (a harmless suffix)."""
    lines = []
    for line in source.splitlines():
        code = line.split("#", 1)[0].rstrip()
        if (
            re.match(r"^\s+\w+ = [^=]", code)
            and not code.endswith((",", "(", "[", "{", ":"))
            and rng.random() < 0.6
        ):
            line = f"{code}{rng.choice(SUFFIXES)}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def code_answers(
    exercise: str, n: int, rng: random.Random
) -> tuple[list[str], set[tuple[int, int]], str, str]:
    folder = CONTENT / "exercises" / exercise
    reference = (folder / "solution.py").read_text(encoding="utf-8")
    answers: list[str] = []
    planted = set()
    for i in range(n):
        if i >= COPY_EVERY and i % COPY_EVERY == 0:
            source = rng.randrange(i)
            answers.append(add_comments(rename_identifiers(answers[source], seed=i), seed=i))
            planted.add((i, source))
            continue
        swapped = swap_independent_statements(reference, rng)
        answers.append(own_touches(add_comments(rename_identifiers(swapped, seed=i), seed=i), rng))
    return answers, planted, (folder / "starter.py").read_text(encoding="utf-8"), reference


def run(index, answers: list[str], planted: set[tuple[int, int]], matches_of) -> dict:
    latencies, flagged, found, leaks = [], 0, 0, 0
    started = time.perf_counter()
    for i, answer in enumerate(answers):
        t = time.perf_counter()
        result = index.add(str(i), answer)
        latencies.append(time.perf_counter() - t)
        ids = [int(m.other_id) for m in matches_of(result)]
        flagged += bool(ids)
        leaks += bool(getattr(result, "matches_reference", False))
        found += any((i, j) in planted for j in ids)
    total = time.perf_counter() - started
    latencies.sort()
    return {
        "candidates": len(answers),
        "total_s": round(total, 3),
        "p50_ms": round(1000 * statistics.median(latencies), 3),
        "p95_ms": round(1000 * latencies[int(0.95 * (len(latencies) - 1))], 3),
        "max_ms": round(1000 * latencies[-1], 3),
        "checked_pairs": index.checked,
        "all_pairs": len(answers) * (len(answers) - 1) // 2,
        "flagged": flagged,
        "reference_matches": leaks,
        "planted_copies": len(planted),
        "planted_found": found,
        "under_bar": total < BAR_SECONDS,
    }


def run_web(question: str, exercise: str, texts: list[str], sources: list[str], planted: dict) -> dict:
    """Each candidate's two answers through ``index_answer`` in submission order, on a new SQLite
    database in a temporary data folder; the rows are written in bulk first (not timed)."""
    import dataclasses
    import os
    import secrets
    import tempfile
    from datetime import timedelta

    os.environ["MLINTERVIEW_DATA_DIR"] = tempfile.mkdtemp(prefix="similarity-bench-")
    os.environ.pop("DATABASE_URL", None)
    from mlinterview.web.setup import setup_django

    setup_django()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.utils import timezone

    from mlinterview.bank import load_bank
    from mlinterview.web.assessments import models as m
    from mlinterview.web.assessments import services
    from mlinterview.web.integrity.index import index_answer
    from mlinterview.web.integrity.models import Finding
    from mlinterview.web.questions.importer import import_bank

    call_command("migrate", verbosity=0)
    bank = load_bank()
    import_bank(dataclasses.replace(bank, questions={question: bank.questions[question]}))
    user = get_user_model().objects.create_superuser("bench", password=secrets.token_hex(8))
    assessment = services.create_assessment("Bench", user, time_limit_minutes=30)
    items = [services.ItemSpec("question", question), services.ItemSpec("exercise", exercise)]
    services.set_items(assessment.latest, items, user)
    version = services.publish(assessment.latest, user)
    now = timezone.now()
    n = len(texts)
    candidates = m.Candidate.objects.bulk_create(
        [m.Candidate(name=f"Candidate {i}", email=f"c{i}@example.com") for i in range(n)]
    )
    invitations = m.Invitation.objects.bulk_create(
        [
            m.Invitation(
                version=version,
                candidate=c,
                token_hash=secrets.token_hex(32),
                expires_at=now + timedelta(days=9),
            )
            for c in candidates
        ]
    )
    attempts = m.Attempt.objects.bulk_create(
        [m.Attempt(invitation=v, started_at=now, deadline=now, submitted_at=now) for v in invitations]
    )
    written_item, code_item = version.items.order_by("position")
    results = {}
    for label, item, contents in (("written", written_item, texts), ("code", code_item, sources)):
        answers = m.Answer.objects.bulk_create(
            [m.Answer(attempt=a, item=item, content=c) for a, c in zip(attempts, contents, strict=True)]
        )
        ids = [a.pk for a in answers]
        index_answer(ids[0])  # loads the encoder and the exercise once: not a candidate's latency
        latencies, checked = [], 0
        started, cpu = time.perf_counter(), time.process_time()
        for answer_id in ids[1:]:
            t = time.perf_counter()
            checked += index_answer(answer_id).checked
            latencies.append(time.perf_counter() - t)
        total, cpu = time.perf_counter() - started, time.process_time() - cpu
        latencies.sort()
        found = Finding.objects.filter(answer_id__in=ids)
        pairs = set(found.exclude(other=None).values_list("answer_id", "other_id"))
        position = {pk: i for i, pk in enumerate(ids)}
        pairs = {(position[a], position[b]) for a, b in pairs}
        results[label] = {
            "candidates": n,
            "total_s": round(total, 3),
            # CPU time of this process (all its threads): what the wall time would be on an idle
            # machine with one thread, when other work shares the cores.
            "cpu_s": round(cpu, 3),
            "load_average": os.getloadavg()[0],
            "p50_ms": round(1000 * statistics.median(latencies), 3),
            "p95_ms": round(1000 * latencies[int(0.95 * (len(latencies) - 1))], 3),
            "max_ms": round(1000 * latencies[-1], 3),
            "checked_pairs": checked,
            "all_pairs": n * (n - 1) // 2,
            "flagged": len({a for a, _ in pairs}),
            "reference_matches": found.filter(other=None).count(),
            "planted_copies": len(planted[label]),
            "planted_found": len(planted[label] & pairs),
            "under_bar": total < BAR_SECONDS,
        }
    return results


def main() -> None:
    p = parser(__doc__.splitlines()[0], data=False)
    p.add_argument("--candidates", type=int, default=1000)
    p.add_argument("--question", default="bootstrap")
    p.add_argument("--exercise", default="adam-step")
    p.add_argument("--seed", type=int, default=16)
    p.add_argument("--web", action="store_true", help="through the web app's check, on SQLite")
    args = p.parse_args()
    rng = random.Random(args.seed)
    if args.web:
        texts, text_planted = written_answers(args.question, args.candidates, rng)
        sources, code_planted, _, _ = code_answers(args.exercise, args.candidates, rng)
        say(f"{args.candidates} candidates through the web check (SQLite) ...")
        web = run_web(
            args.question, args.exercise, texts, sources, {"written": text_planted, "code": code_planted}
        )
        rows = [
            [
                f"{label} (web): {name}",
                *(web[label][k] for k in KEYS[:2]),
                web[label]["cpu_s"],
                *(web[label][k] for k in KEYS[2:]),
            ]
            for label, name in (("written", args.question), ("code", args.exercise))
        ]
        print(table(["item", *KEYS[:2], "cpu_s", *KEYS[2:]], rows))
        write("similarity-web", {"bar_seconds": BAR_SECONDS, **web}, args.out)
        return

    say(f"building {args.candidates} written answers to {args.question} ...")
    texts, text_planted = written_answers(args.question, args.candidates, rng)
    say("indexing them ...")
    written = run(TextIndex(), texts, text_planted, lambda matches: matches)

    say(f"building {args.candidates} code answers to {args.exercise} ...")
    sources, code_planted, starter, reference = code_answers(args.exercise, args.candidates, rng)
    say("indexing them ...")
    code = run(CodeIndex(starter=starter, reference=reference), sources, code_planted, lambda r: r.matches)

    rows = [
        [f"written: {args.question}", *(written[k] for k in KEYS)],
        [f"code: {args.exercise}", *(code[k] for k in KEYS)],
    ]
    print(table(["item", *KEYS], rows))
    print(f"bar: all {args.candidates} candidates of one item in under {BAR_SECONDS:.0f} s")
    write("similarity", {"bar_seconds": BAR_SECONDS, "written": written, "code": code}, args.out)


KEYS = [
    "candidates",
    "total_s",
    "p50_ms",
    "p95_ms",
    "max_ms",
    "checked_pairs",
    "flagged",
    "planted_copies",
    "planted_found",
    "reference_matches",
]

if __name__ == "__main__":
    main()
