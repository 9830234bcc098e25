"""A run request and its result cross the wire to the helper unchanged; an unsafe file name is refused
before anything runs (no sandbox needed)."""

from __future__ import annotations

import pytest

from mlinterview.sandbox import Limits, RunRequest, RunResult, Verdict
from mlinterview.sandbox.wire import request_from_wire, request_to_wire, result_from_wire, result_to_wire


def test_a_request_crosses_the_wire_unchanged():
    request = RunRequest(
        {"main.py": "print(1)", "data/raw.bin": b"\x00\xff"},
        "main.py",
        args=["--fast"],
        limits=Limits(memory_mb=128, cpu_seconds=1.5, max_collect_bytes=10),
        stdin=b"\x01input",
        collect=["out/result.json"],
    )
    back = request_from_wire(request_to_wire(request))
    assert back.files == {"main.py": b"print(1)", "data/raw.bin": b"\x00\xff"}
    assert (back.entrypoint, back.args, back.limits, back.stdin, back.collect) == (
        "main.py",
        ("--fast",),
        request.limits,
        b"\x01input",
        ("out/result.json",),
    )


def test_a_result_crosses_the_wire_unchanged():
    result = RunResult(
        Verdict.memory_limit, None, 9, 0.25, 1.5, 2**20, b"out\xff", b"err", True, False,
        outputs={"r.json": b"{}"}, message="the program used more than 16 MB of memory",
    )  # fmt: skip
    assert result_from_wire(result_to_wire(result)) == result


@pytest.mark.parametrize("name", ["", "/etc/passwd", "../up.py", "a/../../b", "nul\x00.py"])
@pytest.mark.parametrize("where", ["files", "entrypoint", "collect"])
def test_unsafe_names_are_refused(name, where):
    fields = {"files": {"main.py": ""}, "entrypoint": "main.py", "collect": ()}
    fields[where] = {name: ""} if where == "files" else name if where == "entrypoint" else [name]
    with pytest.raises(ValueError, match="relative paths inside the scratch folder"):
        RunRequest(**fields)


def test_the_request_keeps_its_own_copies():
    files, collect = {"main.py": "print(1)"}, ["a.json"]
    request = RunRequest(files, collect=collect)
    files["extra.py"], collect[0] = "", "b.json"
    assert set(request.files) == {"main.py"} and request.collect == ("a.json",)
