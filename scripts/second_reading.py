"""Blind second reading of the graded answers (issue 13): export, merge, agreement.

Every graded answer in ``content/graded/`` (training) and ``content/evaluation/answers/`` (the
frozen evaluation split) is read a second time by a reader who did not write it. The reader must
not see the writer's grade, kind, key points covered, note or even the answer's id (ids such as
``swapped-l1-l2`` give the kind away), so the export gives each answer an opaque code and shuffles
the answers of a question.

    python scripts/second_reading.py export --part training --batches 4 --out DIR
        writes DIR/batch-<n>.md (what the reader sees) and DIR/codes.json (code -> file and id,
        which readers must not open)
    python scripts/second_reading.py merge --codes DIR/codes.json --by "reader R1" READINGS.jsonl ...
        writes each reading into its answer as ``second_reading`` (refuses to overwrite one)
    python scripts/second_reading.py report [--json PATH]
        quadratic weighted kappa between the two readings, by part and by kind, and the answers
        whose grades differ by 2 or more that are not yet reconciled

A reading is one JSON object per line: {"code": "...", "grade": 3.5, "covers": [1, 3]}.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

from sklearn.metrics import cohen_kappa_score

from mlinterview.bank.graded import GradedAnswer, GradedAnswers
from mlinterview.bank.loader import Bank, load_bank
from mlinterview.bank.schema import Question

PARTS = ("training", "evaluation")


def _answers(bank: Bank, part: str) -> dict[str, GradedAnswers]:
    return dict(bank.graded if part == "training" else bank.evaluation)


def _file(bank: Bank, part: str, slug: str) -> Path:
    question = bank.get(slug)
    folder = "graded" if part == "training" else "evaluation/answers"
    return bank.root / folder / question.set / f"{slug}.yaml"


def code_for(part: str, slug: str, answer_id: str) -> str:
    return hashlib.sha256(f"{part}/{slug}/{answer_id}".encode()).hexdigest()[:10]


def _rubric(question: Question) -> list[str]:
    lines = [f"## Question `{question.slug}`", "", question.prompt.strip(), ""]
    if question.signals is not None:
        lines.append('Open-ended: "covers" numbers the signals of a strong answer below.')
        lines.append("")
        lines.append("Signals of a strong answer:")
        lines += [f"{n}. {text}" for n, text in enumerate(question.signals.strong, 1)]
        lines.append("")
        lines.append("Signals of a weak answer:")
        lines += [f"- {text}" for text in question.signals.weak]
    else:
        lines.append("Key points:")
        lines += [f"{n}. {text}" for n, text in enumerate(question.key_points, 1)]
    if question.misconceptions:
        lines.append("")
        lines.append("Misconceptions (wrong claims, with the correction):")
        lines += [
            f"{n}. claim: {m.claim} / correction: {m.correction}"
            for n, m in enumerate(question.misconceptions, 1)
        ]
    lines.append("")
    lines.append("Rating anchors:")
    lines += [f"- {grade}: {text}" for grade, text in question.rating_anchors.as_dict().items()]
    lines.append("")
    return lines


def export(bank: Bank, part: str, batches: int, out: Path, seed: int, unread: bool = False) -> None:
    answers = _answers(bank, part)
    if unread:  # only answers that have no second reading yet (a new batch of answers)
        answers = {
            slug: GradedAnswers(
                question=graded.question, answers=[a for a in graded.answers if a.second_reading is None]
            )
            for slug, graded in answers.items()
            if any(a.second_reading is None for a in graded.answers)
        }
    slugs = sorted(answers)
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    codes: dict[str, dict[str, str]] = {}
    groups: list[list[str]] = [slugs[i::batches] for i in range(batches)]
    for number, group in enumerate(groups, 1):
        lines = [
            f"# Second reading, {part}, batch {number} of {batches}: {len(group)} questions, "
            f"{sum(len(answers[s].answers) for s in group)} answers",
            "",
        ]
        for slug in group:
            lines += _rubric(bank.get(slug))
            shuffled = list(answers[slug].answers)
            rng.shuffle(shuffled)
            for answer in shuffled:
                code = code_for(part, slug, answer.id)
                codes[code] = {"part": part, "question": slug, "id": answer.id}
                lines += [f"### Answer {code}", "", answer.text.strip(), ""]
        (out / f"batch-{number}.md").write_text("\n".join(lines), encoding="utf-8")
    (out / "codes.json").write_text(json.dumps(codes, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{len(codes)} answers to {len(slugs)} questions in {batches} batches under {out}")


def _insert_reading(text: str, answer_id: str, by: str, grade: float, covers: list[int]) -> str:
    """Add ``second_reading`` to one answer of a graded file, keeping the file's layout."""
    pattern = re.compile(rf"^(\s*)- id: {re.escape(answer_id)}\s*$", re.MULTILINE)
    match = pattern.search(text)
    if match is None:
        raise ValueError(f"answer {answer_id} not found")
    indent = match.group(1) + "  "
    # The answer's block ends at the next "- id:" at the same indent, or at the end of the file.
    following = re.compile(rf"^{re.escape(match.group(1))}- id: ", re.MULTILINE).search(text, match.end())
    block_end = following.start() if following else len(text)
    if re.search(rf"^{indent}second_reading:", text[match.end() : block_end], re.MULTILINE):
        raise ValueError(f"answer {answer_id} already has a second reading")
    written = re.compile(rf"^{indent}written_by:.*\n", re.MULTILINE).search(text, match.end(), block_end)
    if written is None:
        raise ValueError(f"answer {answer_id} has no written_by line")
    shown_grade = int(grade) if float(grade).is_integer() else grade
    block = (
        f"{indent}second_reading:\n"
        f"{indent}  by: {by}\n"
        f"{indent}  grade: {shown_grade}\n"
        f"{indent}  covers: [{', '.join(str(n) for n in covers)}]\n"
    )
    return text[: written.end()] + block + text[written.end() :]


def merge(bank: Bank, codes_path: Path, by: str, readings: list[Path]) -> None:
    codes = json.loads(codes_path.read_text(encoding="utf-8"))
    by_file: dict[Path, list[tuple[str, float, list[int]]]] = defaultdict(list)
    seen: set[str] = set()
    for path in readings:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            record = json.loads(line)
            code = record["code"]
            if code not in codes:
                raise SystemExit(f"{path}:{number}: unknown code {code}")
            if code in seen:
                raise SystemExit(f"{path}:{number}: code {code} read twice")
            seen.add(code)
            where = codes[code]
            grade = float(record["grade"])
            covers = sorted({int(n) for n in record.get("covers", [])})
            by_file[_file(bank, where["part"], where["question"])].append((where["id"], grade, covers))
    for path, entries in sorted(by_file.items()):
        text = path.read_text(encoding="utf-8")
        for answer_id, grade, covers in entries:
            text = _insert_reading(text, answer_id, by, grade, covers)
        path.write_text(text, encoding="utf-8")
    print(f"merged {len(seen)} readings into {len(by_file)} files")


def _units(grade: float) -> int:
    return round(grade * 2)


def agreement(pairs: list[tuple[float, float]]) -> float | None:
    if len(pairs) < 2:
        return None
    first = [_units(a) for a, _ in pairs]
    second = [_units(b) for _, b in pairs]
    if len(set(first) | set(second)) < 2:
        return None
    return float(cohen_kappa_score(first, second, weights="quadratic"))


def report(bank: Bank, json_path: Path | None) -> int:
    result: dict[str, object] = {}
    print(f"{'part':<11} {'kind':<22} {'read':>6} {'of':>6} {'QWK':>6} {'|diff|>=2':>10} {'open':>5}")
    for part in PARTS:
        pairs_by_kind: dict[str, list[tuple[float, float]]] = defaultdict(list)
        total = 0
        wide: list[dict[str, object]] = []
        for slug, graded in sorted(_answers(bank, part).items()):
            for answer in graded.answers:
                total += 1
                if answer.second_reading is None:
                    continue
                pairs_by_kind[answer.kind.value].append((answer.grade, answer.second_reading.grade))
                if abs(answer.grade - answer.second_reading.grade) >= 2:
                    wide.append(_wide(slug, answer))
        every = [pair for pairs in pairs_by_kind.values() for pair in pairs]
        rows = {kind: pairs for kind, pairs in sorted(pairs_by_kind.items())}
        part_result: dict[str, object] = {"answers": total, "read": len(every), "qwk": agreement(every)}
        for kind, pairs in rows.items():
            kappa = agreement(pairs)
            shown = f"{kappa:.3f}" if kappa is not None else "-"
            print(f"{part:<11} {kind:<22} {len(pairs):>6} {'':>6} {shown:>6}")
            part_result[kind] = {"read": len(pairs), "qwk": kappa}
        kappa = agreement(every)
        open_count = sum(1 for item in wide if not item["reconciled"])
        print(
            f"{part:<11} {'all':<22} {len(every):>6} {total:>6} "
            f"{(f'{kappa:.3f}' if kappa is not None else '-'):>6} {len(wide):>10} {open_count:>5}"
        )
        part_result["wide"] = wide
        result[part] = part_result
    if json_path is not None:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(result, indent=1), encoding="utf-8")
        print(f"wrote {json_path}")
    return 0


def _wide(slug: str, answer: GradedAnswer) -> dict[str, object]:
    assert answer.second_reading is not None
    return {
        "question": slug,
        "id": answer.id,
        "grade": answer.grade,
        "second": answer.second_reading.grade,
        "reconciled": answer.reconciled is not None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=None, help="content folder (default: the bank's)")
    commands = parser.add_subparsers(dest="command", required=True)
    to_export = commands.add_parser("export", help="write blind reading batches")
    to_export.add_argument("--part", choices=PARTS, required=True)
    to_export.add_argument("--batches", type=int, default=1)
    to_export.add_argument("--seed", type=int, default=13)
    to_export.add_argument("--unread", action="store_true", help="only answers not read a second time yet")
    to_export.add_argument("--out", type=Path, required=True)
    to_merge = commands.add_parser("merge", help="write readings into the graded files")
    to_merge.add_argument("--codes", type=Path, required=True)
    to_merge.add_argument("--by", required=True, help='the reader, e.g. "reader R1"')
    to_merge.add_argument("readings", type=Path, nargs="+")
    to_report = commands.add_parser("report", help="agreement between the readings")
    to_report.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    bank = load_bank(args.content)
    if args.command == "export":
        export(bank, args.part, args.batches, args.out, args.seed, unread=args.unread)
    elif args.command == "merge":
        merge(bank, args.codes, args.by, args.readings)
    else:
        return report(bank, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
