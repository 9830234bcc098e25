"""Mohler/Texas 2011: leave one assignment out, pooled Pearson r and RMSE (0-5 scale).

The published protocol: 12 folds, one per assignment; for each fold the calibration is fitted on
the other eleven only, then scores the held-out answers; r and RMSE are computed on all 2,273
answers pooled. The features are the similarity features (mlinterview/scoring/features.py) plus
the reader's judgements of the answer against the reference answer's sentences (``--no-reader``
leaves them out; the reader never saw Mohler). The calibration's ridge fits the similarity
features with their squares and products, and the reader's five columns as they are
(``--reader-quadratic`` multiplies them too, the protocol before: 150 more cross terms for about
2,000 answers per fold).

    python bench/mohler.py [DATA_DIR] [--out FILE]
"""

from __future__ import annotations

import time

import numpy as np
from _common import parser, say, table, write
from scipy.stats import pearsonr

from mlinterview.scoring import calibration, datasets
from mlinterview.scoring.engine import Scorer
from mlinterview.scoring.training import feature_matrix

BAR = {"pearson_r": 0.62, "rmse": 0.90}
PUBLISHED = [
    ["Mohler et al. 2011 (best r / best RMSE)", 0.518, 0.978],
    ["Sultan, Salazar, Sumner 2016", 0.592, 0.887],
]


def main() -> None:
    p = parser(__doc__.splitlines()[0])
    p.add_argument(
        "--no-reader", action="store_true", help="similarity features only (the scorer before issue 13)"
    )
    p.add_argument(
        "--reader-quadratic",
        action="store_true",
        help="give the reader's columns squares and products too (the protocol before)",
    )
    args = p.parse_args()
    started = time.perf_counter()
    answers = datasets.mohler(args.data)
    say(f"{len(answers)} answers; computing features")
    x = feature_matrix(Scorer(), answers, progress=say)
    quadratic = None
    if not args.no_reader:
        from mlinterview.scoring.reader import get_reader
        from mlinterview.scoring.reading import public_features

        say("the reader's judgements of each answer against the reference answer's sentences")
        reader_x = public_features(
            get_reader(),
            [a.rubric.points for a in answers],
            [a.rubric.question for a in answers],
            [a.answer for a in answers],
        )
        quadratic = None if args.reader_quadratic else x.shape[1]
        x = np.hstack([x, reader_x])
    y = np.array([a.grade_5 for a in answers])
    groups = np.array([a.group for a in answers])
    predictions = np.zeros(len(y))
    folds = []
    for group in sorted(set(groups), key=lambda g: int(g) if g.isdigit() else g):
        held_out = groups == group
        model = calibration.fit(x[~held_out], y[~held_out], quadratic=quadratic)
        predictions[held_out] = model.predict_many(x[held_out])
        r_fold = pearsonr(predictions[held_out], y[held_out])[0] if held_out.sum() > 2 else float("nan")
        folds.append({"assignment": group, "answers": int(held_out.sum()), "pearson_r": float(r_fold)})
    r = float(pearsonr(predictions, y)[0])
    rmse = float(np.sqrt(np.mean((predictions - y) ** 2)))
    rows = [["mlinterview (this run)", r, rmse], *PUBLISHED]
    print(table(["system", "pearson r", "RMSE"], rows))
    print(
        table(
            ["assignment", "answers", "r"], [[f["assignment"], f["answers"], f["pearson_r"]] for f in folds]
        )
    )
    passed = r >= BAR["pearson_r"] and rmse <= BAR["rmse"]
    print(f"bar r >= {BAR['pearson_r']} and RMSE <= {BAR['rmse']}: {'met' if passed else 'NOT met'}")
    write(
        "mohler",
        {
            "answers": len(answers),
            "reader": not args.no_reader,
            "reader_columns": "quadratic" if args.reader_quadratic else "linear",
            "folds": folds,
            "pearson_r": r,
            "rmse": rmse,
            "bar": BAR,
            "bar_met": passed,
            "published": PUBLISHED,
            "seconds": time.perf_counter() - started,
        },
        args.out,
    )


if __name__ == "__main__":
    main()
