"""Solutions that try to cheat the judge rather than the sandbox: they must not score."""

from __future__ import annotations

import json

import pytest

from mlinterview.exercises import Judge
from mlinterview.exercises.codec import encode

pytestmark = pytest.mark.sandbox

ROC = "roc-auc"
STANDARDIZE = "standardize"


class Recording:
    """Passes runs to the real sandbox and keeps the files it was given."""

    def __init__(self, sandbox):
        self.sandbox, self.files = sandbox, []

    def run(self, request):
        self.files.append(dict(request.files))
        return self.sandbox.run(request)


def test_no_expected_value_or_test_code_enters_the_sandbox(sandbox, exercises):
    exercise = exercises[ROC]
    recorder = Recording(sandbox)
    judge = Judge(recorder)
    result = judge.judge(exercise, exercise.solution_source)
    assert result.score == 1.0
    (files,) = recorder.files
    assert set(files) == {"main.py", "codec.py", "solution.py", "cases.json"}
    shipped = "".join(files.values())
    tests_source = (exercise.folder / "tests.py").read_text()
    assert "def cases" not in shipped and tests_source not in shipped
    # Nor the edge cases the hidden tests hold (edges.py, which the parent alone loads).
    edges_source = (exercise.folder / "edges.py").read_text()
    assert exercise.edges and "EDGES" not in shipped and edges_source not in shipped
    spec = json.loads(files["cases.json"])
    assert all(set(case) == {"id", "args"} for case in spec["cases"])
    cases = [case for case in exercise.cases]
    assert [c["args"] for c in spec["cases"]] == [[encode(a) for a in case.args] for case in cases]


def _score(judge, exercises, slug, source):
    return judge.judge(exercises[slug], source)


def test_frame_inspection_finds_nothing_to_copy(judge, exercises):
    source = """
import gc, inspect, sys
def roc_auc(y_true, scores):
    seen = []
    for frame in inspect.stack():
        seen += [v for v in list(frame.frame.f_locals.values()) + list(frame.frame.f_globals.values())
                 if isinstance(v, float) and 0 <= v <= 1]
    seen += [o for o in gc.get_objects() if isinstance(o, dict) and "expected" in o]
    floats = [v for v in seen if isinstance(v, float)]
    return floats[0] if floats else 0.123
"""
    result = _score(judge, exercises, ROC, source)
    assert result.verdict == "ok" and result.score == 0.0
    # Nothing to copy was found: it fell back to its own guess, and the parent compared that.
    public = [t.message for t in result.tests if t.public]
    assert public and all(m.split(": ", 1)[1].startswith("wrong value: 0.123, expected") for m in public)


def test_patching_numpy_testing_and_builtins_changes_nothing(judge, exercises):
    source = """
import builtins, numpy.testing, math
numpy.testing.assert_allclose = lambda *a, **k: None
numpy.testing.assert_array_equal = lambda *a, **k: None
math.isclose = lambda *a, **k: True
builtins.abs = lambda x: 0
def roc_auc(y_true, scores):
    return 0.0
"""
    result = _score(judge, exercises, ROC, source)
    assert [t.name for t in result.tests if t.passed] == ["perfectly inverted"]


def test_objects_that_equal_everything_are_refused(judge, exercises):
    source = """
class Anything(float):
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __le__(self, other): return True
    def __ge__(self, other): return True
    __hash__ = float.__hash__
class Blob:
    def __eq__(self, other): return True
calls = 0
def roc_auc(y_true, scores):
    global calls
    calls += 1
    return Anything(0.37) if calls % 2 else Blob()
"""
    result = _score(judge, exercises, ROC, source)
    assert result.score == 0.0
    assert "wrong value" in {t.message for t in result.tests}  # the float's own value was compared


@pytest.mark.parametrize("value", ["float('nan')", "float('inf')", "-0.0 * float('nan')"])
def test_nan_and_infinity_do_not_pass_for_numbers(judge, exercises, value):
    result = _score(judge, exercises, ROC, f"def roc_auc(y_true, scores):\n    return {value}\n")
    assert result.score == 0.0


def test_nan_filled_arrays_do_not_pass_for_arrays(judge, exercises):
    exercise = exercises[STANDARDIZE]
    source = exercise.starter.replace(
        "raise NotImplementedError",
        "return np.full(np.shape(X_train), np.nan), np.full(np.shape(X_test), np.nan)",
    )
    result = judge.judge(exercise, source)
    assert result.score == 0.0


def test_huge_results_are_refused_without_harm(judge, exercises):
    # Eight results of 3 MB each: the results file (24 MB) is over the parent's 20 MB cap for a
    # collected file, so the parent does not read it at all (the run itself ends normally).
    source = "def roc_auc(y_true, scores):\n    return 'x' * 3_000_000\n"
    result = _score(judge, exercises, ROC, source)
    assert result.verdict == "ok" and result.score == 0.0
    assert result.message == "No results were produced."
    assert {t.message for t in result.tests} == {"No results were produced."}


HOSTILE_RESULTS = {
    "not JSON": "open('results.json', 'wb').write(b'\\xff{not json')",
    "a number": "open('results.json', 'w').write('5')",
    "a list": "open('results.json', 'w').write('[1, 2]')",
    "cases as a list": "open('results.json', 'w').write('{\"cases\": [1]}')",
    "nested beyond the parser": "open('results.json', 'w').write('[' * 100000 + ']' * 100000)",
}


@pytest.mark.parametrize("writes", HOSTILE_RESULTS.values(), ids=HOSTILE_RESULTS.keys())
def test_a_hostile_results_file_is_unreadable_not_a_crash(judge, exercises, writes):
    source = f"import os\n{writes}\nos._exit(0)\ndef roc_auc(y_true, scores):\n    return 1.0\n"
    result = _score(judge, exercises, ROC, source)
    assert result.verdict == "ok" and result.score == 0.0 and result.sandboxed
    assert result.message == "The results could not be read."
    assert {t.message for t in result.tests} == {"The results could not be read."}


HOSTILE_VALUES = {
    "an unknown tag": {"__mli__": "pickle", "data": "gASV"},
    "unsigned beyond 64 bits": {"__mli__": "array", "dtype": "u", "shape": [1], "data": [2**70]},
    "nested beyond the codec": json.loads("[" * 900 + "]" * 900),
    "a shape that does not fit": {"__mli__": "array", "dtype": "f", "shape": [3], "data": [1.0]},
}


@pytest.mark.parametrize("value", HOSTILE_VALUES.values(), ids=HOSTILE_VALUES.keys())
def test_a_hostile_value_in_the_results_is_a_wrong_type_not_a_crash(judge, exercises, value):
    results = {"cases": {str(i): {"value": value} for i in range(len(exercises[ROC].cases))}}
    source = (
        f"import os\nopen('results.json', 'w').write({json.dumps(results)!r})\nos._exit(0)\n"
        "def roc_auc(y_true, scores):\n    return 1.0\n"
    )
    result = _score(judge, exercises, ROC, source)
    assert result.verdict == "ok" and result.score == 0.0
    must_raise = {case.name for case in exercises[ROC].cases if case.raises}
    for test in result.tests:
        if test.name in must_raise:
            assert test.message == "expected an exception"
        elif test.public:
            assert test.message.endswith(": wrong type: the result could not be read"), test.message
        else:
            assert test.message == "wrong type"


def test_a_solution_that_fakes_the_results_file_gains_nothing(judge, exercises):
    source = """
import json, os
json.dump({"cases": {str(i): {"value": 1.0, "passed": True} for i in range(50)}}, open("results.json", "w"))
os._exit(0)
def roc_auc(y_true, scores):
    return 1.0
"""
    result = _score(judge, exercises, ROC, source)
    assert result.verdict == "ok" and result.score == 0.0
    # Its own "passed" flags are ignored; its values are compared like any others.
    public = [t.message for t in result.tests if t.public]
    assert public and all(m.split(": ", 1)[1].startswith("wrong value: 1.0, expected") for m in public)


def test_public_feedback_shows_values_and_hidden_feedback_does_not(judge, exercises):
    result = _score(judge, exercises, ROC, "def roc_auc(y_true, scores):\n    return 0.5\n")
    public = [t for t in result.tests if t.public and not t.passed]
    hidden = [t for t in result.tests if not t.public and not t.passed]
    assert public and all("roc_auc(" in t.message and "0.5" in t.message for t in public)
    assert hidden and all(t.message in {"wrong value", "expected an exception"} for t in hidden)


def test_encoding_while_another_thread_imports_pandas_is_safe():
    """A half-imported pandas in sys.modules (another thread importing it) must not break encoding."""
    import subprocess
    import sys

    code = (
        "import sys, types\n"
        "sys.modules['pandas'] = types.ModuleType('pandas')  # what a concurrent import looks like\n"
        "from mlinterview.exercises.codec import encode\n"
        "print(encode((1, [2.5, None], {'a': 3})))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "{'__mli__': 'tuple', 'items': [1, [2.5, None], {'a': 3}]}\n"
