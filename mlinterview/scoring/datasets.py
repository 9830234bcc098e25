"""Public human-graded short-answer datasets (kept in ../shared/datasets, never in the package)."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from mlinterview import REPO_DIR
from mlinterview.scoring import text
from mlinterview.scoring.evidence import Rubric

DEFAULT_DATA = REPO_DIR.parent / "shared" / "datasets"


@dataclass(frozen=True)
class GradedAnswer:
    dataset: str
    group: str  # the unit of held-out evaluation (assignment, question, split)
    question_id: str
    rubric: Rubric
    answer: str
    grade: float  # on the dataset's scale
    grade_5: float  # rescaled to 0-5
    label: str = ""  # SemEval's 3-way label (correct, contradictory, incorrect) where it has one


def _rubric(key: str, question: str, reference: str) -> Rubric:
    points = tuple(text.sentences(reference)) or (reference,)
    return Rubric(key=key, question=question, points=points, reference=reference)


def _open(path: Path) -> csv.DictReader:
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found: pass --data pointing at the shared datasets folder")
    return csv.DictReader(path.open(encoding="utf-8", newline=""))


def mohler(root: Path = DEFAULT_DATA) -> list[GradedAnswer]:
    """The 2,273 answers of Mohler et al. 2011 used in published work (0-5, average of two graders)."""
    out = []
    rubrics: dict[str, Rubric] = {}
    for row in _open(root / "mohler2011_texas" / "mohler2011_texas.csv"):
        if row["excluded_in_published_work"] == "1":
            continue
        qid = row["question_id"]
        rubric = rubrics.setdefault(qid, _rubric(f"mohler:{qid}", row["question"], row["reference_answer"]))
        answer = row["student_answer"].replace("<br>", " ").strip()
        grade = float(row["score_avg"])
        out.append(GradedAnswer("mohler", row["assignment"], qid, rubric, answer, grade, grade))
    return out


def digiklausur(root: Path = DEFAULT_DATA) -> list[GradedAnswer]:
    """Neural-network exam answers graded 0/1/2, for questions with a reference answer."""
    out = []
    rubrics: dict[str, Rubric] = {}
    for row in _open(root / "digiklausur_nn_exam" / "digiklausur_nn_exam.csv"):
        reference = row["reference_answer_kolappan2022"].strip()
        if not reference or row["is_reference_source"] == "1":
            continue
        qid = row["question_id"]
        rubric = rubrics.setdefault(qid, _rubric(f"digi:{qid}", row["question"], reference))
        answer = "" if row["is_blank"] == "1" else row["student_answer"].strip()
        grade = float(row["grade"])
        out.append(GradedAnswer("digiklausur", qid, qid, rubric, answer, grade, grade * 2.5))
    return out


def semeval(root: Path = DEFAULT_DATA, corpus: str = "scientsbank") -> list[GradedAnswer]:
    """SemEval-2013 Task 7 answers with 2-way labels (correct = 1); every reference answer is a point."""
    out = []
    rubrics: dict[str, Rubric] = {}
    for row in _open(root / "semeval2013_task7_sra" / "semeval2013_task7_sra.csv"):
        if row["corpus"] != corpus:
            continue
        qid = row["question_id"]
        if qid not in rubrics:
            references = [r["text"] for r in json.loads(row["reference_answers_json"]) if r["text"].strip()]
            rubrics[qid] = Rubric(
                key=f"semeval:{qid}",
                question=row["question"],
                points=tuple(dict.fromkeys(references)) or (row["reference_answer"],),
                reference=row["reference_answer"],
            )
        grade = 1.0 if row["label_2way"] == "correct" else 0.0
        out.append(
            GradedAnswer(
                "semeval-" + corpus,
                row["split"],
                qid,
                rubrics[qid],
                row["student_answer"].strip(),
                grade,
                grade * 5,
                row["label_3way"],
            )
        )
    return out
