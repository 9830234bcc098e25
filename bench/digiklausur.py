"""DigiKlausur neural-network exam (grades 0/1/2): leave one question out.

For each question the calibration is fitted on the answers to every other question (plus all of
Mohler/Texas, as the shipped artifact is), then predicts the held-out answers on 0-5, mapped back
to 0/1/2 by rounding. Reports quadratic weighted kappa, accuracy and macro-F1, pooled and per
question. There are no published numbers for this data; these are ours to beat.

    python bench/digiklausur.py [DATA_DIR] [--out FILE]
"""

from __future__ import annotations

import time

import numpy as np
from _common import parser, say, table, write
from sklearn.metrics import accuracy_score, cohen_kappa_score, f1_score

from mlinterview.scoring import calibration, datasets
from mlinterview.scoring.engine import Scorer
from mlinterview.scoring.training import feature_matrix


def main() -> None:
    args = parser(__doc__.splitlines()[0]).parse_args()
    started = time.perf_counter()
    scorer = Scorer()
    exam = datasets.digiklausur(args.data)
    extra = datasets.mohler(args.data)
    say(f"{len(exam)} exam answers ({len({a.group for a in exam})} questions) + {len(extra)} Mohler answers")
    x = feature_matrix(scorer, exam, progress=say)
    x_extra = feature_matrix(scorer, extra, progress=say)
    y5 = np.array([a.grade_5 for a in exam])
    y_extra = np.array([a.grade_5 for a in extra])
    grades = np.array([int(a.grade) for a in exam])
    groups = np.array([a.group for a in exam])
    predicted = np.zeros(len(exam), dtype=int)
    for group in sorted(set(groups)):
        held = groups == group
        model = calibration.fit(np.vstack([x[~held], x_extra]), np.concatenate([y5[~held], y_extra]))
        predicted[held] = np.clip(np.rint(model.predict_many(x[held]) / 2.5), 0, 2).astype(int)
    per_question = []
    for group in sorted(set(groups)):
        held = groups == group
        per_question.append([group, int(held.sum()), float(accuracy_score(grades[held], predicted[held]))])
    result = {
        "answers": len(exam),
        "questions": len(per_question),
        "qwk": float(cohen_kappa_score(grades, predicted, weights="quadratic")),
        "accuracy": float(accuracy_score(grades, predicted)),
        "macro_f1": float(f1_score(grades, predicted, average="macro")),
        "majority_class_accuracy": float(np.bincount(grades).max() / len(grades)),
    }
    print(
        table(
            ["answers", "questions", "QWK", "accuracy", "macro F1", "majority-class accuracy"],
            [
                [
                    result["answers"],
                    result["questions"],
                    result["qwk"],
                    result["accuracy"],
                    result["macro_f1"],
                    result["majority_class_accuracy"],
                ]
            ],
        )
    )
    print(table(["question", "answers", "accuracy"], per_question))
    write(
        "digiklausur",
        {**result, "per_question": per_question, "seconds": time.perf_counter() - started},
        args.out,
    )


if __name__ == "__main__":
    main()
