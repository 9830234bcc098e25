from pathlib import Path

import pytest
import yaml

from tests.shipped import shipped_bank

HERE = Path(__file__).resolve().parent
# What the default scorer's result holds (ReaderResult.to_dict): `mlinterview grade --json` prints it.
RESULT_FIELDS = frozenset(
    ("slug", "score", "band", "key_points", "misconceptions", "confidence", "feedback")
    + ("contradicted", "off_topic", "caps")
)


@pytest.fixture(scope="session")
def bank():
    return shipped_bank()


@pytest.fixture(scope="session")
def scorer():
    from mlinterview.scoring import get_scorer

    return get_scorer()


@pytest.fixture(scope="session")
def similarity():
    from mlinterview.scoring.engine import get_similarity_scorer

    return get_similarity_scorer()


def written_answers() -> dict[str, dict[str, str]]:
    return yaml.safe_load((HERE / "answers.yaml").read_text())
