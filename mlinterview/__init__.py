"""mlinterview: interview and vet machine-learning engineers, and practise for it.

Pure cores (no Django) sit at the top: bank, scoring, sandbox, exercises, kits, practice, embedding,
charts. The Django project and its apps live under web/, the command line under cli/.
May import: nothing of its own package (each part imports what it needs; see .importlinter)."""

from pathlib import Path

__version__ = "0.1.0"

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent
