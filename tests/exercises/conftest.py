import pytest

from mlinterview.exercises import Judge, load_exercises
from mlinterview.sandbox import Sandbox


@pytest.fixture(scope="session")
def sandbox():
    return Sandbox(slots=2)


@pytest.fixture(scope="session")
def judge(sandbox):
    return Judge(sandbox)


@pytest.fixture(scope="session")
def exercises():
    return {e.slug: e for e in load_exercises()}


def judge_side_by_side(judge, exercise, sources):
    """Judge several solutions of one exercise two at a time (the sandbox has two slots and the
    judge is thread-safe); the results come back in the order of ``sources``."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(lambda source: judge.judge(exercise, source), sources))
