"""The functions that let an index live outside the process (the web app keeps it in a database
table): a text's LSH band keys, the exact check of one pair, and a code answer's prepared
fingerprints. Each must agree with what the in-memory indexes do."""

from __future__ import annotations

import itertools

import yaml

from mlinterview import REPO_DIR
from mlinterview.integrity import CodeIndex, TextIndex, band_keys, compare_texts
from mlinterview.integrity.code import fingerprint
from mlinterview.integrity.text import MIN_SHINGLES, _lsh_params, _minhash, shingle
from tests.integrity.disguise import disguise_code, disguise_text

CONTENT = REPO_DIR / "content"


def _graded(question_file: str) -> list[str]:
    data = yaml.safe_load((CONTENT / "graded" / question_file).read_text(encoding="utf-8"))
    return [a["text"] for a in data["answers"]]


def test_band_keys_find_the_candidates_the_lsh_proposes():
    answers = _graded("algorithms/active-learning.yaml")
    copy = disguise_text(max(answers, key=len), seed=4)
    texts = [*answers, copy]
    keys = [set(band_keys(t)) for t in texts]
    bands, _ = _lsh_params(128)
    assert all(len(k) == bands for k in keys)  # one key per band, no two alike
    assert band_keys(copy) == band_keys(copy)  # the same text, the same keys (other processes too)
    index = TextIndex()
    proposed = set()
    for n, text in enumerate(texts):
        index.add(str(n), text)
    for n, text in enumerate(texts):
        proposed |= {(n, int(o)) for o in index._lsh.query(_minhash(shingle(text), 128)) if int(o) != n}
    sharing = {(a, b) for a, b in itertools.permutations(range(len(texts)), 2) if keys[a] & keys[b]}
    assert sharing == proposed
    assert (len(texts) - 1, answers.index(max(answers, key=len))) in sharing  # the copy and its original
    assert len(sharing) < len(texts) * (len(texts) - 1)  # not every pair
    assert band_keys("far too short to judge") == []
    assert all(-(1 << 63) <= k < 1 << 63 for k in keys[0])  # fits a database's bigint


def test_compare_texts_is_the_index_exact_check():
    answers = _graded("algorithms/active-learning.yaml")
    original = max(answers, key=len)
    copy = disguise_text(original, seed=2)
    index = TextIndex()
    index.add("original", original)
    [expected] = index.add("copy", copy)
    match = compare_texts(copy, original, "original")
    assert match == expected
    assert match.passages and copy[match.passages[0].start : match.passages[0].end]
    others = [a for a in answers if a != original]
    assert compare_texts(others[0], others[1]) is None  # two writers, no copy
    assert compare_texts("short", "short") is None  # under MIN_SHINGLES
    assert MIN_SHINGLES > 1


def test_prepared_code_matches_the_code_index():
    exercise = CONTENT / "exercises" / "merge-intervals"
    starter = (exercise / "starter.py").read_text(encoding="utf-8")
    reference = (exercise / "solution.py").read_text(encoding="utf-8")
    wrong = (exercise / "wrong" / "input_order.py").read_text(encoding="utf-8")
    copy = disguise_code(wrong, seed=5)
    index = CodeIndex(starter=starter, reference=reference)
    index.add("original", wrong)
    added = index.add("copy", copy)
    prepared, original = index.prepare(copy), index.prepare(wrong)
    assert (prepared.fingerprints, prepared.reference_share, prepared.matches_reference) == (
        added.fingerprints,
        added.reference_share,
        added.matches_reference,
    )
    match = index.compare(prepared, original, "original")
    assert match is not None and [match] == added.matches
    # The keys to look up leave out the starter's and the reference's fingerprints.
    assert prepared.compared and not prepared.compared & set(
        fingerprint(starter).grams + fingerprint(reference).grams
    )
    assert index.prepare(disguise_code(reference, seed=1)).matches_reference
    independent = sorted((REPO_DIR / "tests" / "integrity" / "independent" / "merge-intervals").glob("*.py"))
    a, b = (index.prepare(p.read_text(encoding="utf-8")) for p in independent[:2])
    assert index.compare(a, b) is None
