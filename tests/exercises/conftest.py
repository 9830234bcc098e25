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
