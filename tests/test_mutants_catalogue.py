"""The catalogue of broken rules (tests/mutants/*.yaml) stays usable as the code changes.

scripts/mutants.py applies each entry to a scratch copy and expects its tests to fail; that run
is slow, so CI checks here only what makes an entry meaningless: its file or text no longer
there, its guarding tests gone, or the mutation a no-op.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from mlinterview import REPO_DIR

_spec = importlib.util.spec_from_file_location("mutants_script", REPO_DIR / "scripts" / "mutants.py")
assert _spec is not None and _spec.loader is not None
mutants_script = importlib.util.module_from_spec(_spec)
sys.modules["mutants_script"] = mutants_script  # its dataclasses look their module up
_spec.loader.exec_module(mutants_script)

FILES = sorted((REPO_DIR / "tests" / "mutants").glob("*.yaml"))
MUTANTS = mutants_script.load_mutants(FILES)


def test_the_catalogue_is_not_empty():
    assert len(FILES) >= 8 and len(MUTANTS) >= 200


@pytest.mark.parametrize("mutant", MUTANTS, ids=[m.id for m in MUTANTS])
def test_each_mutation_still_applies_once_and_names_existing_tests(mutant):
    target = REPO_DIR / mutant.file
    assert target.is_file(), f"{mutant.source}: {mutant.file} does not exist"
    assert target.read_text().count(mutant.find) == 1, f"{mutant.source}: find text must occur once"
    assert mutant.find != mutant.replace
    for test in mutant.tests:
        path = Path(test.split("::")[0])
        assert (REPO_DIR / path).exists(), f"{mutant.source}: {path} does not exist"
        if "::" in test:  # the named test function is still in that file
            name = test.split("::")[-1].split("[")[0]
            assert f"def {name}(" in (REPO_DIR / path).read_text(), f"{mutant.source}: no test {name}"
