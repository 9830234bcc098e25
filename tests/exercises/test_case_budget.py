"""A PyTorch solution's first test pays for PyTorch's one-off warm-ups.

The first ``torch.optim`` optimizer a process builds imports ``torch._dynamo``: about 1.3 s of CPU,
and 5 to 7 s of wall-clock time on a busy machine. With the judge's default of 2 s per test, a
correct ``torch.optim.SGD`` solution of sgd-linear-step lost its first test to a timeout. PyTorch
exercises therefore give each test a larger budget; other exercises keep the tight default, which
ends an endless loop quickly.
"""

from __future__ import annotations

import pytest

from mlinterview.exercises.judge import CASE_SECONDS, case_budget

pytestmark = pytest.mark.sandbox

# The reference's arithmetic, after a one-off pause in the first call: the shape of a warm-up that
# costs more than the default budget (sleeping keeps the test's CPU cost at nothing).
WARM_UP_FIRST = """
import time

import torch

_warm = []


def sgd_step(W, b, X, y, lr):
    if not _warm:
        time.sleep(3.0)
        _warm.append(True)
    W = W.detach().clone().requires_grad_(True)
    b = b.detach().clone().requires_grad_(True)
    loss = ((X @ W + b - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        return W - lr * W.grad, b - lr * b.grad, float(loss)
"""


def test_a_one_off_warm_up_in_the_first_pytorch_test_costs_no_points(judge, exercises):
    exercise = exercises["sgd-linear-step"]
    result = judge.judge(exercise, WARM_UP_FIRST, public_only=True)
    assert [t.message for t in result.tests if not t.passed] == []
    assert result.score == 1.0


def test_pytorch_exercises_get_the_larger_budget_and_the_others_the_default(exercises):
    budgets = {slug: case_budget(e) for slug, e in exercises.items()}
    assert {budgets[s] for s, e in exercises.items() if e.meta.kind == "pytorch"} == {10.0}
    assert {budgets[s] for s, e in exercises.items() if e.meta.kind != "pytorch"} == {CASE_SECONDS}
