"""SemEval-2013 Task 7, 2-way (correct / not): train on train, report test_ua, test_uq, test_ud.

The features are the scorer's similarity features plus the reader's judgements of the answer
against the reference answers (``--no-reader`` leaves them out). The reader was trained on the
Beetle train split only (3-way labels), never on a test split. Where 3-way labels exist (Beetle)
a 3-way classifier on the same features is reported too.

Two classifiers, both logistic regression fitted on the train split only:
- "rubric" uses the scorer's features against the reference answers; it is the one for unseen
  questions and domains (test_uq, test_ud), where no graded answers to the question exist;
- "rubric + graded examples" adds the nearest graded training answers to the same question
  (mlinterview/scoring/examples.py), which the protocol allows for unseen answers (test_ua).
Training rows use leave-one-out neighbours, so no answer is its own example.

    python bench/semeval.py [DATA_DIR] [--out FILE]
"""

from __future__ import annotations

import time

import numpy as np
from _common import parser, say, table, write
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from mlinterview.scoring import datasets
from mlinterview.scoring.engine import Scorer
from mlinterview.scoring.examples import GradedExamples
from mlinterview.scoring.training import feature_matrix

BAR = {"corpus": "scientsbank", "split": "test_ua", "weighted_f1": 0.75}
PUBLISHED = {"scientsbank": 0.773, "beetle": 0.845}  # best 2013 systems, weighted F1 on test_ua
SPLITS = ("test_ua", "test_uq", "test_ud")


def evaluate(corpus: str, data, use_reader: bool = True) -> list[dict]:
    answers = datasets.semeval(data, corpus)
    say(f"{corpus}: {len(answers)} answers; computing features")
    scorer = Scorer()
    x = feature_matrix(scorer, answers, progress=say)
    if use_reader:
        say(f"{corpus}: the reader's judgements of each answer against the reference answers")
        x = np.hstack([x, reader_columns(answers)])
    vectors = scorer.embed([a.answer or "." for a in answers])
    y = np.array([int(a.grade > 0) for a in answers])
    split = np.array([a.group for a in answers])
    questions = [a.question_id for a in answers]
    train = split == "train"
    examples = GradedExamples()
    for i in np.flatnonzero(train):
        examples.add(questions[i], vectors[i], float(y[i]), example_id=i)
    ex = examples.features_many(questions, vectors, exclude=list(range(len(answers))))
    with_examples = np.hstack([x, ex])
    rows = []
    for name, features in (("rubric", x), ("rubric + graded examples", with_examples)):
        model = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=5000))
        model.fit(features[train], y[train])
        for part in SPLITS:
            held = split == part
            if not held.any():
                continue
            if name != "rubric" and not any(questions[i] in examples for i in np.flatnonzero(held)):
                continue  # unseen questions have no graded examples: the rubric model is the one to use
            predicted = model.predict(features[held])
            rows.append(
                {
                    "corpus": corpus,
                    "model": name,
                    "split": part,
                    "answers": int(held.sum()),
                    "accuracy": float(accuracy_score(y[held], predicted)),
                    "macro_f1": float(f1_score(y[held], predicted, average="macro")),
                    "weighted_f1": float(f1_score(y[held], predicted, average="weighted")),
                }
            )
    labels = np.array([a.label for a in answers])
    if (labels != "").all():  # 3-way labels (Beetle): correct, contradictory, incorrect
        model = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=5000))
        model.fit(x[train], labels[train])
        for part in SPLITS:
            held = split == part
            if not held.any():
                continue
            predicted = model.predict(x[held])
            rows.append(
                {
                    "corpus": corpus,
                    "model": "rubric, 3-way",
                    "split": part,
                    "answers": int(held.sum()),
                    "accuracy": float(accuracy_score(labels[held], predicted)),
                    "macro_f1": float(f1_score(labels[held], predicted, average="macro")),
                    "weighted_f1": float(f1_score(labels[held], predicted, average="weighted")),
                }
            )
    return rows


def reader_columns(answers) -> np.ndarray:
    from mlinterview.scoring.reader import get_reader
    from mlinterview.scoring.reading import public_features

    return public_features(
        get_reader(),
        [a.rubric.points for a in answers],
        [a.rubric.question for a in answers],
        [a.answer for a in answers],
    )


def main() -> None:
    p = parser(__doc__.splitlines()[0])
    p.add_argument("--corpus", choices=["scientsbank", "beetle", "both"], default="both")
    p.add_argument(
        "--no-reader", action="store_true", help="similarity features only (the scorer before issue 13)"
    )
    args = p.parse_args()
    started = time.perf_counter()
    corpora = ["scientsbank", "beetle"] if args.corpus == "both" else [args.corpus]
    rows = [r for corpus in corpora for r in evaluate(corpus, args.data, not args.no_reader)]
    print(
        table(
            ["corpus", "model", "split", "answers", "accuracy", "macro F1", "weighted F1"],
            [
                [
                    r["corpus"],
                    r["model"],
                    r["split"],
                    r["answers"],
                    r["accuracy"],
                    r["macro_f1"],
                    r["weighted_f1"],
                ]
                for r in rows
            ],
        )
    )
    print("best 2013 systems, weighted F1 on test_ua: " + ", ".join(f"{k} {v}" for k, v in PUBLISHED.items()))
    best = max(
        (r["weighted_f1"] for r in rows if r["corpus"] == BAR["corpus"] and r["split"] == BAR["split"]),
        default=float("nan"),
    )
    passed = best >= BAR["weighted_f1"]
    print(
        f"bar weighted F1 >= {BAR['weighted_f1']} on {BAR['corpus']} {BAR['split']}: "
        f"{'met' if passed else 'NOT met'} ({best:.3f})"
    )
    write(
        "semeval",
        {
            "rows": rows,
            "bar": BAR,
            "bar_met": passed,
            "best_on_bar_split": best,
            "published": PUBLISHED,
            "seconds": time.perf_counter() - started,
        },
        args.out,
    )


if __name__ == "__main__":
    main()
