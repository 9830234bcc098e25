import pytest

from mlinterview.sandbox import Limits, Sandbox

FAST = Limits(
    memory_mb=256, cpu_seconds=2, wall_seconds=4, output_bytes=200_000, max_processes=32, scratch_mb=16
)


@pytest.fixture(scope="session")
def sandbox():
    return Sandbox(slots=2)


@pytest.fixture
def run(sandbox):
    def go(code: str, limits: Limits = FAST, **kwargs):
        return sandbox.run({"main.py": code}, limits=limits, **kwargs)

    return go
