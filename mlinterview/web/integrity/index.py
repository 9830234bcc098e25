"""The similarity check of one submitted answer (worker side), run once its primary score is done.

The answer is compared with other candidates' answers to the same item (the same question slug
or exercise slug, in any assessment of the organisation) without comparing it with all of them:

- written answers: the LSH band keys of the answer's word shingles (``band_keys``) are looked up
  in ``IndexKey``; the answers sharing a key are checked exactly (``compare_texts``);
- code answers: the winnowed fingerprints (``CodeIndex.prepare``, the starter's and the
  reference's left out) are looked up; those that many of the exercise's answers hold are common
  (``common_fingerprints``: counted in the index) and left out; answers sharing at least
  ``MIN_SHARED`` of the rest, and enough of the smaller answer's, are checked exactly
  (``CodeIndex.compare``);
- paraphrase: the written answer's sentence embedding against the stored embeddings of the other
  answers to the item (one matrix product), for pairs the wording check did not already flag;
- the reference: our reference answer (a leaked rubric) or reference solution.

Then the answer's keys go into the index and what was found is stored, a row for each answer of
a pair. An answer is processed once (``IndexedAnswer``); running the check again adds nothing.

On a CPU that computes bfloat16 natively the sentence encoder runs in it (``_embed``). Several
answers can be checked in one call (``index_answers``, the data migration's way), one after
another: each reads only the embeddings stored since the one before it.

``index_answer`` takes the models from an app registry so the data migration that indexes the
answers stored before this check can run it with its historical models.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.apps import apps as django_apps
from django.db import transaction
from django.db.models import Count

from mlinterview.integrity import CodeIndex, band_keys, compare_texts
from mlinterview.integrity.code import MIN_SHARED, common_fingerprints, fingerprint
from mlinterview.integrity.passages import shared_passages

# Cosine similarity of two written answers' sentence embeddings (all-MiniLM-L6-v2, the scorer's
# model; scoring keeps no whole-answer embedding, so the check computes its own) at or above which
# a pair is flagged as a paraphrase. Measured on the graded and evaluation answers (content/graded,
# content/evaluation: 4,931 answers to 445 questions, several writers and kinds): their 24,930
# same-question pairs, written independently, have a median of 0.41, 99.9% are under 0.86 and
# the highest is 0.918; the threshold sits above that, so none of them would be flagged. The
# cost: whole-answer embeddings are a weak paraphrase signal (the model reads the first 256 word
# pieces, and answers to one question say similar things), so only close rewordings reach it:
# 22% of the disguised copies of tests/integrity (which the wording check finds anyway), none of
# content/claims' pairs of independent paraphrases of every key point (median 0.79), and a
# sentence-by-sentence rewording of a graded answer (0.96, tests/integrity/test_web_similarity.py).
PARAPHRASE = 0.93
# Shorter answers have embeddings too close to judge ("I don't know" and the like).
PARAPHRASE_MIN_WORDS = 20
# Key lookups go in chunks (SQLite's limit on a query's parameters).
CHUNK = 500


@dataclass
class Indexed:
    """What a check did: findings stored (rows, both directions), pairs checked exactly, answers."""

    found: int = 0
    checked: int = 0
    answers: int = 0  # answers checked and indexed (not those already done)


def _signed(value: int) -> int:
    """A 64-bit unsigned hash as the signed integer a database's bigint holds."""
    return value - (1 << 64) if value >= 1 << 63 else value


def item_key(item: Any) -> str:
    """The same item across assessments: the question's slug, or the exercise's."""
    if item.kind == "exercise":
        return f"exercise:{item.exercise_slug}"
    return f"question:{item.question_version.question.slug}"


@lru_cache(maxsize=64)
def _exercise_sources(slug: str) -> tuple[str, str]:
    """(starter, reference solution) of an exercise, or empty strings if it is gone."""
    from mlinterview.exercises.model import default_exercises_dir, load_exercise

    folder = default_exercises_dir() / slug
    if not folder.is_dir():
        return "", ""
    exercise = load_exercise(folder)
    return exercise.starter, exercise.solution_source


def reference_text(item: Any) -> str:
    """Our reference answer to the item (a written question's, or an exercise's solution)."""
    if item.kind == "exercise":
        return _exercise_sources(item.exercise_slug)[1]
    return str((item.question_version.data or {}).get("reference_answer", ""))


@lru_cache(maxsize=1)
def _native_bf16() -> bool:
    """Whether oneDNN computes bfloat16 natively on this CPU (AVX-512 BF16, AMX); elsewhere it
    would be emulated and slower than float32."""
    import torch

    try:
        return bool(torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (AttributeError, RuntimeError):
        return False


def _embed(texts: list[str]) -> list[bytes]:
    """Unit float32 sentence embeddings of written answers, encoded one by one (in batches they
    cost more on this 2-core machine: the padding, and no CPU saved on the matrix products).

    Where the CPU computes bfloat16 natively, the encoder's matrix products run in it (its layer
    norms and softmax stay in float32): a fifth less CPU per answer here (about 41 ms instead of
    52 ms on the bench's answers), and cosines within 0.004 of float32's. Measured on the 24,930
    pairs behind ``PARAPHRASE``: the largest difference is 0.0035, the median and the 99.9th
    percentile are unchanged, the highest pair is 0.9178 instead of 0.9184, so no pair crosses
    the threshold either way.
    """
    import numpy as np
    import torch

    from mlinterview.embedding import embed

    with torch.autocast("cpu", dtype=torch.bfloat16, enabled=_native_bf16()):
        vectors = np.vstack([embed([text]) for text in texts])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12
    return [v.astype("<f4").tobytes() for v in vectors]


def _vectors(blobs: list[bytes]) -> Any:
    import numpy as np

    return np.stack([np.frombuffer(bytes(b), dtype="<f4") for b in blobs])


def _lookup(models: Any, key: str, keys: list[int], candidate_id: int) -> dict[int, int]:
    """{answer id: keys shared} for other candidates' answers to the item with any of ``keys``."""
    shared: dict[int, int] = {}
    rows = models.IndexKey.objects.filter(item_key=key).exclude(
        answer__attempt__invitation__candidate_id=candidate_id
    )
    for start in range(0, len(keys), CHUNK):
        counted = (
            rows.filter(key__in=keys[start : start + CHUNK])
            .values("answer_id")
            .annotate(n=Count("id"))
            .values_list("answer_id", "n")
        )
        for answer_id, n in counted:
            shared[answer_id] = shared.get(answer_id, 0) + n
    return shared


def _common(models: Any, key: str, prepared: Any) -> frozenset[int]:
    """The answer's fingerprints that are common among the item's indexed answers (all of them,
    as the in-memory index counts its earlier answers)."""
    answers = models.IndexedAnswer.objects.filter(item_key=key).count()
    by_key = {_signed(fp): fp for fp in prepared.compared}
    keys = sorted(by_key)
    held_by: dict[int, int] = {}
    for start in range(0, len(keys), CHUNK):
        counted = (
            models.IndexKey.objects.filter(item_key=key, key__in=keys[start : start + CHUNK])
            .values("key")
            .annotate(n=Count("id"))
            .values_list("key", "n")
        )
        held_by.update((by_key[k], n) for k, n in counted)
    return common_fingerprints(held_by, answers)


class _Models:
    def __init__(self, apps: Any) -> None:
        self.Answer = apps.get_model("assessments", "Answer")
        self.IndexedAnswer = apps.get_model("integrity", "IndexedAnswer")
        self.IndexKey = apps.get_model("integrity", "IndexKey")
        self.Finding = apps.get_model("integrity", "Finding")


def _pair(models: Any, kind: str, answer_id: int, other_id: int, score: float, passages: list) -> list:
    """The two rows of a pair: each answer's passages first in its own text."""
    mine = [[p.start, p.end, p.other_start, p.other_end] for p in passages]
    theirs = [[p.other_start, p.other_end, p.start, p.end] for p in passages]
    return [
        models.Finding(answer_id=answer_id, other_id=other_id, kind=kind, score=score, passages=mine),
        models.Finding(answer_id=other_id, other_id=answer_id, kind=kind, score=score, passages=theirs),
    ]


def index_answer(answer_id: int, apps: Any = django_apps) -> Indexed:
    """Check one submitted answer, store what is found and index it. Safe to run twice."""
    return index_answers([answer_id], apps)


def _checkable(answer: Any) -> bool:
    item = answer.item
    return answer.attempt.submitted_at is not None and (
        item.kind == "exercise" or item.question_version is not None
    )


def _embedded(answer: Any) -> bool:
    return answer.item.kind != "exercise" and len((answer.content or "").split()) >= PARAPHRASE_MIN_WORDS


def index_answers(answer_ids: Sequence[int], apps: Any = django_apps) -> Indexed:
    """Check submitted answers one after another in the order given (each is compared with the
    answers indexed before it, those of the batch included). Answers already checked, or not
    submitted, are left alone. Safe to run twice."""
    models = _Models(apps)
    found = models.Answer.objects.select_related(
        "attempt__invitation", "item__question_version__question"
    ).in_bulk(list(answer_ids))
    indexed = set(
        models.IndexedAnswer.objects.filter(answer_id__in=list(found)).values_list("answer_id", flat=True)
    )
    answers = [found[i] for i in dict.fromkeys(answer_ids) if i in found and i not in indexed]
    answers = [a for a in answers if _checkable(a)]
    written = [a for a in answers if _embedded(a)]
    embeddings = (
        dict(zip([a.pk for a in written], _embed([a.content for a in written]), strict=True))
        if written
        else {}
    )
    done = Indexed()
    stored: dict[str, _Stored] = {}
    for answer in answers:
        one = _index(models, answer, embeddings.get(answer.pk), stored)
        done.found += one.found
        done.checked += one.checked
        done.answers += one.answers
    return done


class _Stored:
    """The stored embeddings of one item's answers, as a batch goes: its first written answer
    reads them all, each later one only the rows added since (``IndexedAnswer`` ids above the
    last one read), not the whole matrix again. A row another worker commits out of id order
    meanwhile can be missed by the batch's later answers, as two answers checked at the same
    moment by two workers miss each other anyway."""

    def __init__(self) -> None:
        self.last = 0
        self.answers: list[int] = []
        self.candidates: list[int] = []
        self.vectors: Any = None

    def read(self, models: Any, key: str) -> _Stored:
        import numpy as np

        new = list(
            models.IndexedAnswer.objects.filter(item_key=key, embedding__isnull=False, pk__gt=self.last)
            .order_by("pk")
            .values_list("pk", "answer_id", "answer__attempt__invitation__candidate_id", "embedding")
        )
        if new:
            self.last = new[-1][0]
            self.answers += [answer_id for _, answer_id, _, _ in new]
            self.candidates += [candidate_id for _, _, candidate_id, _ in new]
            fresh = _vectors([blob for *_, blob in new])
            self.vectors = fresh if self.vectors is None else np.vstack([self.vectors, fresh])
        return self


def _index(models: Any, answer: Any, embedding: bytes | None, stored: dict[str, _Stored]) -> Indexed:
    """The check of one answer (``embedding``: its sentence embedding, if it is written and long
    enough to have one; ``stored``: the batch's reading of each item's embeddings)."""
    done = Indexed()
    item = answer.item
    key = item_key(item)
    candidate_id = answer.attempt.invitation.candidate_id
    content = answer.content or ""
    reference = reference_text(item)
    rows: list[Any] = []
    if item.kind == "exercise":
        starter, _ = _exercise_sources(item.exercise_slug)
        code = CodeIndex(starter=starter, reference=reference)
        prepared = code.prepare(content)
        keys = sorted({_signed(fp) for fp in prepared.compared})
        common = _common(models, key, prepared)
        common_keys = {_signed(fp) for fp in common}
        uncommon = [k for k in keys if k not in common_keys]
        shared = _lookup(models, key, uncommon, candidate_id)
        sizes = dict(
            models.IndexedAnswer.objects.filter(
                answer_id__in=[a for a, n in shared.items() if n >= MIN_SHARED]
            ).values_list("answer_id", "size")
        )
        # Only answers whose shared count can reach the threshold are read and checked exactly
        # (the other answer holds at most all the common fingerprints: its size less them bounds
        # what it is judged on from below).
        likely = [
            a
            for a, size in sizes.items()
            if shared[a] / max(1, min(size - len(common), len(uncommon))) >= code.threshold
        ]
        for other_id, other_content in models.Answer.objects.filter(pk__in=likely).values_list(
            "pk", "content"
        ):
            done.checked += 1
            match = code.compare(prepared, code.prepare(other_content or ""), common=common)
            if match is not None:
                rows += _pair(models, "code", answer.pk, other_id, match.share, match.passages)
        if prepared.matches_reference:
            starter_grams = frozenset(fingerprint(starter).grams) if starter else frozenset()
            ref = fingerprint(reference)
            passages = shared_passages(
                prepared.printed.grams, prepared.printed.spans, ref.grams, ref.spans, skip=starter_grams
            )
            rows.append(
                models.Finding(
                    answer_id=answer.pk,
                    kind="reference",
                    score=prepared.reference_share,
                    passages=[[p.start, p.end, p.other_start, p.other_end] for p in passages],
                )
            )
        size = len(keys)
    else:
        keys = sorted(set(band_keys(content)))
        shared = _lookup(models, key, keys, candidate_id)
        copied: set[int] = set()
        for other_id, other_content in models.Answer.objects.filter(pk__in=list(shared)).values_list(
            "pk", "content"
        ):
            done.checked += 1
            match = compare_texts(content, other_content or "")
            if match is not None:
                copied.add(other_id)
                rows += _pair(models, "text", answer.pk, other_id, match.containment, match.passages)
        if reference and (match := compare_texts(content, reference)) is not None:
            rows.append(
                models.Finding(
                    answer_id=answer.pk,
                    kind="reference",
                    score=match.containment,
                    passages=[[p.start, p.end, p.other_start, p.other_end] for p in match.passages],
                )
            )
        if embedding is not None:
            seen = stored.setdefault(key, _Stored()).read(models, key)
            if seen.answers:
                similarity = seen.vectors @ _vectors([embedding])[0]
                for other_id, other_candidate, value in zip(
                    seen.answers, seen.candidates, similarity.tolist(), strict=True
                ):
                    if other_candidate != candidate_id and value >= PARAPHRASE and other_id not in copied:
                        rows += _pair(models, "paraphrase", answer.pk, other_id, float(value), [])
        size = len(keys)
    with transaction.atomic():
        _, created = models.IndexedAnswer.objects.get_or_create(
            answer_id=answer.pk, defaults={"item_key": key, "size": size, "embedding": embedding}
        )
        if not created:  # another worker finished this answer meanwhile
            return Indexed(checked=done.checked)
        done.answers = 1
        models.IndexKey.objects.bulk_create(
            [models.IndexKey(item_key=key, key=k, answer_id=answer.pk) for k in keys], ignore_conflicts=True
        )
        models.Finding.objects.bulk_create(rows, ignore_conflicts=True)
    done.found = len(rows)
    return done


def on_answer_scored(sender: Any, answer_id: int, **kwargs: Any) -> None:
    """Receiver of the scoring job's ``answer_scored``."""
    result = index_answer(answer_id)
    if result.found:
        logging.getLogger("mlinterview.integrity").info(
            "answer %s: %s similarity finding(s) stored", answer_id, result.found
        )
