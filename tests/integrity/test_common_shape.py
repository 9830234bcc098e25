"""The exercise's obvious solution shape is not evidence (issue 16): a fingerprint that many of the
exercise's earlier answers hold is common and left out when a pair is judged (MOSS's rule,
``mlinterview.integrity.code.common_fingerprints``), in the in-memory index and in the web check
alike; a copy of a distinctive answer is still found among many answers.

Real content: the independent solutions of tests/integrity/independent."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlinterview import REPO_DIR
from mlinterview.integrity import CodeIndex
from mlinterview.integrity.code import COMMON_FROM, common_fingerprints
from mlinterview.web.integrity.index import index_answer
from mlinterview.web.integrity.models import Finding
from tests.assessments.small_bank import import_small_bank
from tests.integrity.disguise import disguise_code
from tests.integrity.test_web_similarity import QUESTION, _answer, _screen, _submitted

INDEPENDENT = Path(__file__).parent / "independent"
EXERCISES = REPO_DIR / "content" / "exercises"


def _index(exercise: str) -> CodeIndex:
    folder = EXERCISES / exercise
    return CodeIndex(
        starter=(folder / "starter.py").read_text(encoding="utf-8"),
        reference=(folder / "solution.py").read_text(encoding="utf-8"),
        limit=20,
    )


def _solutions(exercise: str) -> list[Path]:
    return sorted((INDEPENDENT / exercise).glob("*.py"))


def test_common_means_held_by_enough_earlier_answers_and_a_share_of_them():
    held_by = {1: 2, 2: 1, 3: 5}
    assert common_fingerprints(held_by, 10) == {1, 3}
    assert common_fingerprints(held_by, 20) == {3}  # 2 of 20 is under the share
    assert common_fingerprints(held_by, COMMON_FROM - 1) == frozenset()  # too few answers to tell


def test_the_shape_many_authors_write_is_not_a_flag_once_enough_answers_show_it():
    # Two authors' one-line standardisations (c-1, d-1) are alike token for token.
    c1, d1 = (INDEPENDENT / "standardize" / name for name in ("c-1.py", "d-1.py"))
    alone = _index("standardize")
    alone.add("c-1.py", c1.read_text(encoding="utf-8"))
    assert [m.other_id for m in alone.add("d-1.py", d1.read_text(encoding="utf-8")).matches] == ["c-1.py"]
    # Among the other authors' answers, which hold the same lines, it is the exercise's shape.
    crowd = _index("standardize")
    for path in _solutions("standardize"):
        result = crowd.add(path.name, path.read_text(encoding="utf-8"))
        if path == d1:
            assert result.matches == [] and result.common > 0


def test_copies_among_many_answers_are_still_found_unless_all_they_share_is_common():
    """A disguised copy of each independent solution, added after all the exercise's solutions:
    the copy of a distinctive answer is found; a copy of the common shape is not, being no
    different from what several authors wrote."""
    found, missed, copies = 0, [], 0
    for folder in sorted(p for p in INDEPENDENT.iterdir() if p.is_dir()):
        paths = _solutions(folder.name)
        sources = {p.name: p.read_text(encoding="utf-8") for p in paths}
        for n, path in enumerate(paths):
            index = _index(folder.name)
            for name, source in sources.items():
                index.add(name, source)
            result = index.add("copy", disguise_code(sources[path.name], seed=n))
            copies += 1
            if path.name in [m.other_id for m in result.matches]:
                found += 1
            else:
                missed.append(f"{folder.name}/{path.name}")
    print(f"\ncopies among the independent solutions: {found}/{copies} found")
    assert found / copies >= 0.8, missed


@pytest.mark.django_db
def test_the_web_check_leaves_out_the_common_shape_as_the_core_does(recruiter):
    """Independent merge-intervals solutions, then a disguised copy of one, submitted as
    candidates of one assessment: the stored code findings are the in-memory index's matches."""
    import_small_bank([QUESTION])
    version = _screen(recruiter, "Screen C")
    # Up to d-1, whose lines b-1's and others' hold: alone with b-1 it would be flagged.
    paths = _solutions("merge-intervals")[:8]
    assert paths[-1].name == "d-1.py"
    sources = [(p.name, p.read_text(encoding="utf-8")) for p in paths]
    sources.append(("copy", disguise_code(sources[2][1], seed=4)))  # of b-2, a long one
    core = _index("merge-intervals")
    expected, common = set(), 0
    answers: dict[str, int] = {}
    for n, (name, source) in enumerate(sources):
        attempt = _submitted(version, recruiter, f"Person {n}", "Short answer", source)
        answers[name] = _answer(attempt, "exercise").pk
        index_answer(answers[name])
        result = core.add(name, source)
        common += result.common
        expected |= {(answers[name], answers[m.other_id]) for m in result.matches}
    stored = set(Finding.objects.filter(kind="code").values_list("answer_id", "other_id"))
    assert stored == expected | {(b, a) for a, b in expected}
    assert (answers["copy"], answers["b-2.py"]) in expected  # the copy is found
    assert (answers["d-1.py"], answers["b-1.py"]) not in expected
    assert common > 0  # and the rule was at work on the way
