"""The code's layout rules, checked on every run.

- The import rules of `.importlinter` hold: no cycle anywhere, the command line above the web apps
  above the pure cores, no Django in a core.
- No hand-written module is over 600 lines (migrations are generated and left out).
- Every package says in its docstring what it is for and what it may import, and the README's
  layout table has a line for it.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "mlinterview"
MAX_LINES = 600
# Folders Django finds by name; they hold no code of their own to describe.
DJANGO_FOLDERS = {"migrations", "management", "commands", "templatetags"}


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.relative_to(PACKAGE).parts)


def _packages() -> list[Path]:
    found = []
    for init in sorted(PACKAGE.rglob("__init__.py")):
        folder = init.parent
        if DJANGO_FOLDERS.isdisjoint(folder.relative_to(ROOT).parts):
            found.append(folder)
    return found


def test_import_contracts_hold():
    script = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(script), "--config", str(ROOT / ".importlinter"), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "Contracts: 4 kept, 0 broken." in done.stdout, done.stdout[-2000:]


def test_no_hand_written_module_is_over_600_lines():
    too_long = {}
    for path in _modules():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            too_long[str(path.relative_to(ROOT))] = lines
    assert not too_long, f"split these by concern (at most {MAX_LINES} lines each): {too_long}"


def test_the_modules_are_found():
    # The checks above would pass on an empty list; the tree really is there.
    names = {str(p.relative_to(ROOT)) for p in _modules()}
    assert "mlinterview/bank/loader.py" in names
    assert len(names) > 100
    assert all("migrations" not in n for n in names)


@pytest.mark.parametrize("folder", _packages(), ids=lambda p: str(p.relative_to(ROOT)))
def test_each_package_says_what_it_is_for_and_what_it_may_import(folder):
    docstring = ast.get_docstring(ast.parse((folder / "__init__.py").read_text(encoding="utf-8")))
    assert docstring, f"{folder.relative_to(ROOT)}/__init__.py has no docstring"
    first_paragraph = docstring.split("\n\n")[0]
    assert re.search(r"^May import: \S.+", docstring, re.MULTILINE), (
        f"{folder.relative_to(ROOT)}: add a line \"May import: ...\" to the docstring"
    )
    assert len(first_paragraph) >= 30, first_paragraph


def _layout_table() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Layout\n", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([^`]+)` \|", section, re.MULTILINE))


def test_readme_layout_table_has_a_line_for_every_package():
    listed = _layout_table()
    missing = [f"{p.relative_to(ROOT)}/" for p in _packages() if f"{p.relative_to(ROOT)}/" not in listed]
    assert not missing, f"add to the README's layout table: {missing}"
    # And no line for a package that is gone.
    stale = [path for path in listed if path.startswith("mlinterview/") and not (ROOT / path).exists()]
    assert not stale, f"the README's layout table lists what no longer exists: {stale}"
