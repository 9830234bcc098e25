"""Torch tensors in exercises (issue 18): how the parent compares them, that the codec leaves torch
alone unless a value is a tensor, and that a tensor crosses the sandbox both ways."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import numpy as np
import pytest
import torch

from mlinterview.exercises import Judge, load_exercise
from mlinterview.exercises.codec import Tensor, decode, encode
from mlinterview.exercises.compare import category, compare


def parent(value):
    """A value as the parent decodes it from the sandbox's results."""
    return decode(json.loads(json.dumps(encode(value), allow_nan=False)))


def test_equal_tensors_match_within_the_tolerances():
    expected = parent(torch.tensor([[1.0, 2.0], [3.0, float("nan")]]))
    assert compare(expected, parent(torch.tensor([[1.0, 2.0 + 1e-9], [3.0, float("nan")]]))) == (True, "")
    assert compare(expected, parent(torch.tensor([[1.0, 2.0], [3.0, float("nan")]], dtype=torch.float64)))[0]


def test_a_numpy_array_where_a_tensor_is_due_is_a_wrong_type():
    ok, reason = compare(parent(torch.ones(2)), parent(np.ones(2)))
    assert not ok and reason == "wrong type: expected a torch tensor, got a NumPy array"
    ok, reason = compare(parent(torch.ones(2)), parent([1.0, 1.0]))
    assert not ok and category(reason) == "wrong type"


def test_a_tensor_where_a_numpy_array_is_due_is_a_wrong_type():
    ok, reason = compare(parent(np.ones(2)), parent(torch.ones(2)))
    assert not ok and reason == "wrong type: expected a NumPy array, got Tensor"


@pytest.mark.parametrize(
    ("expected", "got", "kind"),
    [
        (torch.tensor([1.0, 2.0]), torch.tensor([1, 2]), "a floating-point"),
        (torch.tensor([1, 2]), torch.tensor([1.0, 2.0]), "an integer"),
        (torch.tensor([True, False]), torch.tensor([1, 0], dtype=torch.uint8), "a bool"),
    ],
)
def test_the_kind_of_element_must_match(expected, got, kind):
    ok, reason = compare(parent(expected), parent(got))
    assert not ok and reason.startswith(f"wrong type: expected {kind} tensor, got dtype torch.")


def test_precision_may_differ_but_integer_widths_count_as_integers():
    assert compare(
        parent(torch.tensor([1, 2], dtype=torch.int64)), parent(torch.tensor([1, 2], dtype=torch.uint8))
    )[0]
    assert compare(parent(torch.tensor([0.5])), parent(torch.tensor([0.5], dtype=torch.bfloat16)))[0]


def test_shape_and_value_use_the_rules_for_arrays():
    ok, reason = compare(parent(torch.zeros(2, 3)), parent(torch.zeros(3, 2)))
    assert not ok and reason == "wrong shape: (3, 2), expected (2, 3)"
    ok, reason = compare(parent(torch.zeros(2, 2)), parent(torch.tensor([[0.0, 0.0], [0.0, 0.5]])))
    assert not ok and reason.startswith("wrong value [1, 1]: ") and "0.5" in reason
    ok, reason = compare(parent(torch.tensor([1.0])), parent(torch.tensor([1.00001])), rtol=1e-4)
    assert ok, reason


def test_tensors_inside_results_are_compared_where_they_are():
    expected = parent({"weights": [torch.ones(2), torch.zeros(1)], "loss": 0.5})
    ok, reason = compare(expected, parent({"weights": [torch.ones(2), torch.ones(1)], "loss": 0.5}))
    assert not ok and reason.startswith("wrong value at ['weights'][1] [0]: ")


def test_the_parent_shows_a_tensor_like_torch_does():
    assert repr(parent(torch.tensor([1.5, 2.0]))) == "tensor([1.5, 2.0], dtype=torch.float32)"
    assert repr(parent(torch.zeros(0, 3, dtype=torch.int64))) == "tensor([], size=(0, 3), dtype=torch.int64)"


def test_the_codec_imports_torch_only_for_a_tensor():
    """Run in a fresh interpreter: this test process has imported torch already."""
    program = textwrap.dedent(
        """
        import json, sys
        import numpy as np
        import pandas as pd
        from mlinterview.exercises.codec import decode, encode
        values = [1, 2.5, float("nan"), np.arange(3), np.float32(1), pd.Series([1]), {"a": (1, "x")}]
        document = json.loads(json.dumps(encode(values)))
        decode(document)
        decode(document, as_torch=True)
        print("torch" in sys.modules)
        """
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False"]


# -- through the sandbox ---------------------------------------------------------------------------
EXERCISE = {
    "exercise.yaml": """
        slug: tensor-echo
        title: Tensor echo
        level: junior
        kind: pytorch
        skills: [ml-libraries]
        minutes: 3
        tags: [pytorch]
        function: echo
        summary: Scale a tensor and say what arrived.
        memory_mb: 1024
        import_seconds: 20
        cpu_seconds: 20
    """,
    "statement.md": "Return `x * factor`, the dtype of `x` as text and the module of its type.\n",
    "starter.py": "def echo(x, factor):\n    raise NotImplementedError\n",
    "solution.py": """
        import torch

        def echo(x, factor):
            return x * factor, str(x.dtype), type(x).__module__, torch.is_tensor(x)
    """,
    "tests.py": """
        import torch
        from mlinterview.exercises.model import Case

        def cases():
            yield Case.of("floats", torch.tensor([[1.5, -0.0], [float("inf"), 2.0]]), 2.0, public=True)
            yield Case.of("integers", torch.tensor([1, 2, 3], dtype=torch.int32), 3, public=True)
            yield Case.of("bools", torch.tensor([True, False]), True)
    """,
    "edges.py": """
        import torch
        from mlinterview.exercises.edges import args

        EDGES = {"a tensor of bools": args(lambda x, factor: x.dtype == torch.bool)}
    """,
}
RETURNS_NUMPY = """
def echo(x, factor):
    return (x * factor).numpy(), str(x.dtype), type(x).__module__, True
"""


@pytest.fixture(scope="module")
def echo_exercise(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exercises") / "tensor-echo"
    folder.mkdir()
    for name, text in EXERCISE.items():
        (folder / name).write_text(textwrap.dedent(text).lstrip())
    return load_exercise(folder)


@pytest.mark.sandbox
def test_a_tensor_crosses_the_sandbox_both_ways(sandbox, echo_exercise):
    result = Judge(sandbox).judge(echo_exercise, echo_exercise.solution_source)
    assert result.sandboxed and result.score == 1.0, [t.message for t in result.tests]
    wrong = Judge(sandbox).judge(echo_exercise, RETURNS_NUMPY)
    assert [t.passed for t in wrong.tests] == [False, False, False]
    assert wrong.tests[0].message.endswith("wrong type at [0]: expected a torch tensor, got a NumPy array")
    assert [t.message for t in wrong.tests if not t.public] == ["wrong type"]


def test_the_reference_sees_the_same_tensors_in_the_parent(echo_exercise):
    value = echo_exercise.reference(*echo_exercise.cases[1].args)
    assert parent(value)[1:] == ("torch.int32", "torch", True)
    assert isinstance(parent(value)[0], Tensor)


def test_a_public_example_shows_its_tensors_on_one_line(echo_exercise):
    (example, *_) = echo_exercise.public_view()["examples"]
    assert example["call"] == ("echo(tensor([[1.5, -0.0], [inf, 2.0]], dtype=torch.float32), 2.0)")
    assert example["expected"] == (
        "(tensor([[3.0, -0.0], [inf, 4.0]], dtype=torch.float32), 'torch.float32', 'torch', True)"
    )
    assert repr(parent(torch.tensor([0.1]))) == "tensor([0.1], dtype=torch.float32)"
