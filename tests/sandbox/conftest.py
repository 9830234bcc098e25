import pytest

from mlinterview.sandbox import Limits, RunRequest, Sandbox

# The wall clock is generous on purpose: on a loaded two-core CI machine a short program's start-up
# (numpy, pandas) can take seconds. A test about the wall clock sets its own limit; a test about
# CPU time, memory or output sets a wall limit it must stay well under.
FAST = Limits(
    memory_mb=256, cpu_seconds=2, wall_seconds=30, output_bytes=200_000, max_processes=32, scratch_mb=16
)


@pytest.fixture(scope="session")
def sandbox():
    """Shared by the tests that only run programs; no test closes it (those that do have their own)."""
    box = Sandbox(slots=2)
    yield box
    box.close()


@pytest.fixture
def own_sandbox():
    """A sandbox of the test's own, for a test that closes it to check that nothing remains."""
    box = Sandbox(slots=2)
    yield box
    box.close()


@pytest.fixture
def run(sandbox):
    def go(code: str, limits: Limits = FAST, **kwargs):
        return sandbox.run(RunRequest({"main.py": code}, limits=limits, **kwargs))

    return go
