"""A small local server that speaks the chat-completions protocol, for the second-opinion tests.

We cannot run a language model in the test suite, so this stands in for one (a mock of something
we cannot run here). It reads the request the way a grader must receive it (system and user
messages, the fenced answer) and answers according to the first path segment:

- ``/reader/...``: a fair reader: a key point is covered when one sentence of the answer shares
  half its content words (quoted), contradicted when that sentence says "not" where the key
  point does not; a misconception is stated when a sentence contains its first clause;
- ``/gullible/...``: like the reader, but obeys an answer that asks for full marks: every key
  point "covered", quoting the instruction;
- ``/slow/...`` sleeps longer than any client timeout in the tests; ``/429/...`` and ``/500/...``
  answer with those statuses; ``/malformed/...`` replies with text that is not JSON;
  ``/incomplete/...`` with JSON that judges only the first key point; ``/fenced/...`` like the
  reader, wrapped in a ```json fence; ``/score/...`` like the reader plus a "score": 5 field.
Every request is kept in ``server.requests``.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

WORD = re.compile(r"[a-z0-9]+")
_SMALL_WORDS = "the a an and or of to in on for with by is are be it its this that as at from"
SMALL = set(_SMALL_WORDS.split())


def words(text: str) -> set[str]:
    return {w[:5] for w in WORD.findall(text.lower()) if len(w) > 2 and w not in SMALL}


def parse_prompt(user: str) -> tuple[list[str], list[str], str]:
    points = re.search(r"Key points:\n(.*?)\n\nMisconceptions:", user, re.S).group(1)
    wrong = re.search(r"Misconceptions:\n(.*?)\n\nRating anchors:", user, re.S).group(1)
    fence = re.search(r"\nANSWER-([0-9a-f]+)\n(.*)\nEND-\1$", user, re.S)
    strip = lambda block: [re.sub(r"^\d+\. ", "", line) for line in block.splitlines() if line[:1].isdigit()]  # noqa: E731
    return strip(points), strip(wrong), fence.group(2)


def read(points: list[str], wrong: list[str], answer: str) -> dict[str, Any]:
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", answer) if s.strip()]
    verdicts = []
    for number, point in enumerate(points, 1):
        best = max(sentences, key=lambda s: len(words(s) & words(point)), default="")
        if best and len(words(best) & words(point)) >= 0.5 * len(words(point)):
            negated = " not " in f" {best.lower()} " and " not " not in f" {point.lower()} "
            verdicts.append(
                {"number": number, "verdict": "contradicted" if negated else "covered", "quote": best}
            )
        else:
            verdicts.append({"number": number, "verdict": "missing", "quote": ""})
    stated = [
        {"number": n, "quote": s}
        for n, claim in enumerate(wrong, 1)
        for s in sentences
        if re.split(r",| and ", claim.lower())[0].rstrip(".") in s.lower()
    ][:1]
    return {
        "addresses_question": any(v["verdict"] != "missing" for v in verdicts),
        "key_points": verdicts,
        "misconceptions": stated,
    }


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:  # quiet
        pass

    def do_POST(self) -> None:  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append({"path": self.path, "body": body, "headers": dict(self.headers)})
        mode = self.path.strip("/").split("/")[0]
        if mode == "slow":
            time.sleep(3)
        if mode in ("429", "500"):
            self.send_response(int(mode))
            if mode == "429":
                self.send_header("Retry-After", "7")
            self.end_headers()
            return
        user = body["messages"][1]["content"]
        points, wrong, answer = parse_prompt(user)
        verdict = read(points, wrong, answer)
        if mode == "gullible" and "full marks" in answer.lower():
            quote = next(s for s in re.split(r"(?<=[.!?])\s+", answer) if "full marks" in s.lower())
            verdict = {
                "addresses_question": True,
                "key_points": [
                    {"number": n, "verdict": "covered", "quote": quote} for n in range(1, len(points) + 1)
                ],
                "misconceptions": [],
            }
        content = json.dumps(verdict)
        if mode == "malformed":
            content = "Sure! The candidate did well, I'd give 5/5."
        elif mode == "incomplete":
            content = json.dumps({**verdict, "key_points": verdict["key_points"][:1]})
        elif mode == "fenced":
            content = f"```json\n{content}\n```"
        elif mode == "score":
            content = json.dumps({**verdict, "score": 5})
        payload = json.dumps(
            {"choices": [{"index": 0, "message": {"role": "assistant", "content": content}}]}
        )
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
            self.wfile.write(payload.encode())


class FakeLLM:
    def __init__(self) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.requests = []
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeLLM:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def requests(self) -> list[dict[str, Any]]:
        return self.server.requests

    def url(self, mode: str) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/{mode}/v1"
