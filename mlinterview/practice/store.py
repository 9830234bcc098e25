"""Where the terminal practice keeps its deck: a JSON file, written atomically after every answer.
(The web app keeps the same JSON in its database.)"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from mlinterview.practice.deck import Deck


class LocalDeckFile:
    """A deck kept in a JSON file, written atomically after every answer."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @staticmethod
    def default_path() -> Path:
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        return Path(base) / "mlinterview" / "practice.json"

    def load(self) -> Deck:
        if not self.path.exists():
            return Deck()
        return Deck.from_json(self.path.read_text(encoding="utf-8"))

    def save(self, deck: Deck) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=self.path.parent, prefix=".practice-", suffix=".json")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(deck.to_json())
        os.replace(name, self.path)
