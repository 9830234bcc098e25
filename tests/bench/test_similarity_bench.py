"""bench/similarity.py on a few candidates: it builds both items' answers, times every add and
finds the copies it planted (the 1,000-candidate run is by hand: it is a benchmark, not a test)."""

from __future__ import annotations

import importlib.util
import random
import sys

from mlinterview import REPO_DIR
from mlinterview.integrity import CodeIndex, TextIndex
from tests.integrity.disguise import disguise_code

BENCH = REPO_DIR / "bench"
sys.path.insert(0, str(BENCH))  # the bench script imports its neighbour _common
spec = importlib.util.spec_from_file_location("similarity_bench", BENCH / "similarity.py")
assert spec is not None and spec.loader is not None
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


def test_written_item_times_every_answer_and_finds_the_planted_copies():
    texts, planted = bench.written_answers("bootstrap", 80, random.Random(1))
    assert len(texts) == 80 and len(planted) == 3
    result = bench.run(TextIndex(), texts, planted, lambda matches: matches)
    assert result["candidates"] == 80 and result["all_pairs"] == 80 * 79 // 2
    assert 0 < result["p50_ms"] <= result["p95_ms"] <= result["max_ms"]
    assert result["planted_found"] == 3


def test_code_item_knows_the_starter_and_the_reference():
    sources, planted, starter, reference = bench.code_answers("merge-intervals", 80, random.Random(2))
    assert "raise NotImplementedError" in starter and "def merge_intervals" in reference
    assert len(set(sources)) == 80 and len(planted) == 3
    # The generator's candidates are all our reference with touches from a small pool: one shape,
    # whose fingerprints the index finds common, so neither they nor the generator's copies of
    # them are flagged. A disguised copy of a candidate's own solution is found among them.
    own = (REPO_DIR / "tests" / "integrity" / "independent" / "merge-intervals" / "e-2.py").read_text()
    sources[10], sources[50] = own, disguise_code(own, seed=50)
    index = CodeIndex(starter=starter, reference=reference)
    result = bench.run(index, sources, planted | {(50, 10)}, lambda r: r.matches)
    assert result["planted_found"] == result["flagged"] == 1
    assert result["reference_matches"] > 0
