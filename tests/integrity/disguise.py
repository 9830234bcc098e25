"""How a candidate hides a copy: the disguises the similarity tests apply to real answers.

Code: every identifier renamed (consistently, attributes and builtins left alone), comments added
above and beside statements, and independent neighbouring statements swapped. Text: sentences
shuffled, a few words swapped for synonyms, an opening sentence of the copier's own.
"""

from __future__ import annotations

import ast
import builtins
import io
import keyword
import random
import re
import tokenize

_KEEP = set(keyword.kwlist) | set(keyword.softkwlist) | set(dir(builtins)) | {"self", "cls"}


def rename_identifiers(source: str, seed: int) -> str:
    rng = random.Random(seed)
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    names: dict[str, str] = {}
    lines = source.splitlines(keepends=True)
    edits = []
    for i, tok in enumerate(tokens):
        if tok.type != tokenize.NAME or tok.string in _KEEP:
            continue
        if i and tokens[i - 1].string == ".":
            continue
        if tok.string not in names:
            names[tok.string] = f"{rng.choice(['val', 'tmp', 'item', 'q', 'zz'])}_{len(names)}"
        edits.append((tok.start, tok.end, names[tok.string]))
    for (row, col), (_, end_col), new in reversed(edits):
        line = lines[row - 1]
        lines[row - 1] = line[:col] + new + line[end_col:]
    return "".join(lines)


def _reads_writes(node: ast.stmt) -> tuple[set[str], set[str]]:
    reads: set[str] = set()
    writes: set[str] = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name):
            (writes if isinstance(sub.ctx, ast.Store) else reads).add(sub.id)
    return reads, writes


def swap_independent_statements(source: str, rng: random.Random | None = None) -> str:
    """Swap, in every block, each first pair of neighbouring one-line statements that share no name.

    Given ``rng``, each such swap is made or not at random (a coin per block).
    """
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    swaps = []
    for node in ast.walk(tree):
        for body_name in ("body", "orelse"):
            body = getattr(node, body_name, None)
            if not isinstance(body, list):
                continue
            for a, b in zip(body, body[1:], strict=False):
                simple = (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Expr, ast.Import, ast.ImportFrom)
                if not (isinstance(a, simple) and isinstance(b, simple)):
                    continue
                if a.lineno != a.end_lineno or b.lineno != b.end_lineno or b.lineno != a.lineno + 1:
                    continue
                ra, wa = _reads_writes(a)
                rb, wb = _reads_writes(b)
                if wa & (rb | wb) or wb & ra:
                    continue
                if rng is None or rng.random() < 0.5:
                    swaps.append(a.lineno - 1)
                break
    for row in swaps:
        lines[row], lines[row + 1] = lines[row + 1], lines[row]
    return "".join(lines)


def add_comments(source: str, seed: int) -> str:
    rng = random.Random(seed)
    notes = ["# handle this case", "# compute the value", "# TODO tidy", "# main step", "# edge case"]
    out = []
    for line in source.splitlines(keepends=True):
        stripped = line.strip()
        if stripped and not stripped.startswith(("#", '"', "'", ")", "]", "}")) and rng.random() < 0.3:
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}{rng.choice(notes)}\n")
        if stripped.endswith(":") and rng.random() < 0.3:
            line = line.rstrip("\n") + "  # my note\n"
        out.append(line)
    return "".join(out)


def disguise_code(source: str, seed: int) -> str:
    return add_comments(rename_identifiers(swap_independent_statements(source), seed), seed)


SYNONYMS = {
    "because": "since",
    "use": "apply",
    "large": "big",
    "small": "tiny",
    "important": "key",
    "usually": "typically",
    "often": "frequently",
    "example": "instance",
    "model": "estimator",
    "data": "dataset",
}
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def disguise_text(text: str, seed: int) -> str:
    rng = random.Random(seed)
    sentences = [s for s in _SENTENCE.split(" ".join(text.split())) if s]
    rng.shuffle(sentences)
    words = " ".join(sentences).split(" ")
    swapped = [SYNONYMS.get(w, w) if rng.random() < 0.5 else w for w in words]
    return "Here is how I would put it. " + " ".join(swapped)
