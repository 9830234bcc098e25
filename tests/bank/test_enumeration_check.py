"""Key points that bundle four or more parallel items are flagged (issue 19).

A key point such as "Remedies include ReLU, residual connections, batch normalisation, careful
initialisation and gradient clipping" leaves the grader and the scorer unsure how many items earn
it. The check counts the items of the longest list in a key point and flags four or more, unless
the point says how many earn it. Commas around clauses, inside brackets or after an opening
phrase are not list commas. The gate runs in ``mlinterview bank validate`` (an error by default,
a warning while ``bundled_key_points: warning`` is set in the policy).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from mlinterview.bank import BankError, ContentError, load_bank
from mlinterview.bank.enumeration import MIN_ITEMS, Enumeration, count_items, enumeration, is_bundled
from mlinterview.bank.quality import QualityPolicy, bundled_key_points, check_bank, load_policy
from mlinterview.bank.schema import Question
from mlinterview.cli import app
from tests.conftest import CONTENT
from tests.shipped import shipped_bank

EXEMPLAR_FILE = "content/questions/fundamentals/type-1-vs-type-2-errors.yaml"


# -- what counts as a list ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "items"),
    [
        # The example: five remedies after a verb.
        (
            "Remedies include ReLU, residual connections, batch normalisation, careful initialisation "
            "and gradient clipping.",
            5,
        ),
        # A list as the subject of the sentence.
        ("Early stopping, dropout, data augmentation and limits on tree depth are also forms of "
         "regularisation.", 4),
        # A serial (Oxford) comma and "or".
        ("High variance is reduced with more data, stronger regularisation, a simpler model, or "
         "bagging.", 4),
        # Examples after "such as" are items too; the list continues past the "such as".
        ("Unit tests should cover edge cases such as empty input, all-missing columns, unseen "
         "categories and boundary values.", 4),
        # Semicolons separate items like commas.
        ("Cold starts include node provisioning; image pulls; weight loading and warm-up.", 4),
        # After an introducer ("where"), the list starts at the introducer, not before the comma.
        ("Accuracy is misleading on imbalanced classes, where precision, recall, F1 or PR AUC are "
         "more informative.", 4),
        # An opening phrase ("Under label shift,") is not the first item.
        ("Under label shift, sensitivity, specificity and ROC AUC are unaffected by prevalence.", 3),
        # "as in" starts the list: three examples, not four.
        ("Unsupervised learning finds structure in the inputs, as in clustering, dimensionality "
         "reduction or anomaly detection.", 3),
        # Three items.
        ("Deep models need more data, more compute and more tuning than classical models.", 3),
        # Commas around clauses: each segment has a verb or is long.
        ("A batch is the set of examples behind one gradient estimate, an iteration is one update "
         "on one batch, and an epoch is one pass over the whole training set.", 0),
        ("When those factors mostly enlarge the gradient, it grows exponentially and causes huge "
         "updates, loss spikes or NaN values.", 3),
        # A long segment is a clause even when its verb is not one the check knows.
        ("Early layers receive tiny gradients, late layers receive large gradients, the weights of "
         "early layers hardly move during training, and the loss stalls.", 0),
        # Commas inside brackets and in numbers are not list commas.
        ("The output width is floor((W − K + 2P) / S) + 1 for input width W (a, b, c, d, e).", 0),
        ("An LSTM layer has 1,665,024 parameters for d = 300 and h = 512.", 0),
        # A participle phrase after the comma ("addressed with") starts a phrase of its own.
        ("The domain gap is the main difficulty, addressed with real photo pairs, augmentation and "
         "hard negatives.", 3),
        # A verb taking an object after the comma ("combining the ...") is not a list item...
        ("The review queue is ordered by expected harm, combining the probability of violation, "
         "the severity of the category and the expected reach.", 3),
        # ...unless the item before the comma has the same form.
        ("Preprocessing covers cleaning, imputing the missing values, scaling the numeric features "
         "and encoding the categories.", 4),
        # A dangling "and" before an inserted phrase ends the list.
        ("Sharded data parallelism splits optimiser state, gradients and, at its highest stage, "
         "parameters across GPUs.", 3),
        # No list at all.
        ("A type I error is a false positive.", 0),
    ],
)
def test_counts_the_items_of_the_longest_list(text, items):
    assert count_items(text) == items


@pytest.mark.parametrize(
    "text",
    [
        "Remedies include ReLU, residual connections, batch normalisation, careful initialisation and "
        "gradient clipping.",
        "Early stopping, dropout, data augmentation and limits on tree depth are forms of regularisation.",
        "Each label is stored with its reviewer, time, guideline version and sampling method.",
    ],
)
def test_four_or_more_items_without_a_count_are_bundled(text):
    assert MIN_ITEMS == 4  # the rule: four parallel items or more
    assert enumeration(text).items >= 4
    assert is_bundled(text)


@pytest.mark.parametrize(
    "text",
    [
        # The same lists, saying how many items earn the point.
        "Remedies include ReLU, residual connections, batch normalisation, careful initialisation and "
        "gradient clipping; naming any two of these earns the point.",
        "Naming at least three of early stopping, dropout, data augmentation and limits on tree depth "
        "as forms of regularisation earns the point.",
        "Two of these reduce vanishing gradients: ReLU, residual connections, normalisation and gating.",
        "Any one of cleaning, imputing, scaling, encoding or selecting features is a preprocessing step.",
    ],
)
def test_a_key_point_that_says_how_many_items_earn_it_is_not_bundled(text):
    listed = enumeration(text)
    assert listed.items >= 4 and listed.says_how_many
    assert not is_bundled(text)


@pytest.mark.parametrize(
    "text",
    [
        # Three items: below the threshold.
        "Deep models need more data, more compute and more tuning than classical models.",
        # Clauses, not items.
        "The training set fits the parameters, the validation set guides choices such as "
        "hyperparameters and model selection, and the test set gives a final estimate.",
        # "one of the" in passing is not a count of the items that earn the point, but a three-item
        # list is not bundled anyway.
        "Bagging is one of the ensemble methods, with boosting and stacking.",
    ],
)
def test_short_lists_and_clauses_are_not_bundled(text):
    assert not is_bundled(text)


def test_a_number_that_is_not_about_the_items_does_not_exempt_a_list():
    # "at least 1,000 rows" is not "at least three of these".
    text = "Checks cover schema, missing rates, value ranges and freshness on at least 1,000 rows."
    assert enumeration(text) == Enumeration(items=4, says_how_many=False)
    assert is_bundled(text)


# -- properties over generated lists ------------------------------------------------------------

# Nouns and adjectives only: none is a verb, an opening preposition or an introducer.
NOUNS = ["dropout", "clipping", "momentum", "residuals", "gating", "normalisation", "ensembles",
         "features", "labels", "kernels", "embeddings", "priors", "margins", "weights", "splits"]
ADJECTIVES = ["careful", "residual", "stronger", "smaller", "gated", "sparse", "robust", "shallow"]

item = st.builds(
    lambda adjectives, noun: " ".join([*adjectives, noun]),
    st.lists(st.sampled_from(ADJECTIVES), max_size=2),
    st.sampled_from(NOUNS),
)
items = st.lists(item, min_size=3, max_size=9)
conjunction = st.sampled_from(["and", "or"])
serial_comma = st.booleans()


def as_list(parts: list[str], word: str, serial: bool) -> str:
    head = ", ".join(parts[:-1])
    return f"{head}{',' if serial and len(parts) > 2 else ''} {word} {parts[-1]}"


@given(items, conjunction, serial_comma, st.sampled_from(["Remedies include {}.", "{} all help."]))
def test_a_generated_list_of_n_items_counts_n(parts, word, serial, template):
    text = template.format(as_list(parts, word, serial))
    text = text[0].upper() + text[1:]
    assert count_items(text) == len(parts)
    assert is_bundled(text) == (len(parts) >= 4)


@given(
    items,
    conjunction,
    serial_comma,
    st.sampled_from(
        [
            "Naming any two of {} earns the point.",
            "At least three of {} should be named.",
            "Remedies include {}; two of these earn the point.",
        ]
    ),
)
def test_saying_how_many_items_earn_the_point_is_never_bundled(parts, word, serial, template):
    text = template.format(as_list(parts, word, serial))
    assert not is_bundled(text)


@given(st.lists(st.tuples(st.sampled_from(NOUNS), st.sampled_from(ADJECTIVES)), min_size=2, max_size=8))
def test_commas_between_clauses_are_never_a_list(clauses):
    # "the dropout is careful, the weights are sparse, ... and the labels are robust"
    sentences = [f"the {noun} {'are' if noun.endswith('s') else 'is'} {adjective}" for noun, adjective
                 in clauses]
    text = as_list(sentences, "and", serial=False) + "."
    assert count_items(text) == 0
    assert not is_bundled(text)


@given(items, conjunction)
def test_a_list_inside_brackets_is_not_counted(parts, word):
    text = f"Regularisation has several forms ({as_list(parts, word, False)}) that reduce variance."
    assert count_items(text) == 0


# -- the quality gate ---------------------------------------------------------------------------

BUNDLED = (
    "Remedies include ReLU, residual connections, batch normalisation, careful initialisation and "
    "gradient clipping."
)
MESSAGE = (
    "bundles 5 items; split it into separate key points or say how many of them earn the point "
    "(e.g. 'naming any two of these earns the point')"
)


def write_policy(root: Path, **policy) -> None:
    (root / "quality.yaml").write_text(yaml.safe_dump(policy))


@pytest.fixture
def bundled_bank(content_copy, write_question, exemplar_data) -> Path:
    """The exemplar question with one bundled key point added as key point 2."""
    exemplar_data["key_points"].insert(2, BUNDLED)
    write_question(exemplar_data)
    return content_copy


def test_the_gate_names_file_field_and_count(bundled_bank):
    write_policy(bundled_bank, bundled_key_points="error")
    report = check_bank(load_bank(bundled_bank), None)
    assert report.errors == [ContentError(EXEMPLAR_FILE, "key_points.2", MESSAGE)]
    assert report.warnings == []


def test_the_gate_is_an_error_by_default(bundled_bank):
    assert QualityPolicy().bundled_key_points == "error"
    report = check_bank(load_bank(bundled_bank), None, QualityPolicy())
    assert report.errors == [ContentError(EXEMPLAR_FILE, "key_points.2", MESSAGE)]


def test_as_a_warning_the_gate_reports_without_failing(bundled_bank):
    write_policy(bundled_bank, bundled_key_points="warning")
    report = check_bank(load_bank(bundled_bank), None)
    assert report.errors == []
    assert report.warnings == [ContentError(EXEMPLAR_FILE, "key_points.2", MESSAGE)]


def test_a_key_point_that_says_how_many_passes_the_gate(content_copy, write_question, exemplar_data):
    exemplar_data["key_points"].insert(2, BUNDLED[:-1] + "; naming any two of them earns the point.")
    write_question(exemplar_data)
    write_policy(content_copy, bundled_key_points="error")
    assert check_bank(load_bank(content_copy), None).errors == []


def test_every_bundled_key_point_of_a_question_is_named(exemplar_data):
    exemplar_data["key_points"][0] = BUNDLED
    exemplar_data["key_points"][3] = "Checks cover schema, missing rates, value ranges, volume and freshness."
    found = bundled_key_points(Question.model_validate(exemplar_data), "q.yaml")
    assert [(e.field, e.message.split(";")[0]) for e in found] == [
        ("key_points.0", "bundles 5 items"),
        ("key_points.3", "bundles 5 items"),
    ]


@pytest.mark.slow  # validate runs the embedding gates too, which load the encoder
def test_validate_fails_on_a_bundled_key_point_and_warns_while_the_policy_says_so(bundled_bank):
    line = f"{EXEMPLAR_FILE}: key_points.2: {MESSAGE}"
    write_policy(bundled_bank, bundled_key_points="error")
    result = CliRunner().invoke(app, ["bank", "validate", str(bundled_bank)])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == [line]

    write_policy(bundled_bank, bundled_key_points="warning")
    result = CliRunner().invoke(app, ["bank", "validate", str(bundled_bank)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ok: ")
    assert result.stderr.splitlines() == [f"warning: {line}", "1 warning(s)"]


def test_a_misspelt_severity_in_the_policy_is_an_error_not_a_silent_default(content_copy):
    write_policy(content_copy, bundled_key_points="warn")
    with pytest.raises(BankError) as info:
        load_policy(content_copy)
    [error] = info.value.errors
    assert (error.file, error.field) == ("content/quality.yaml", "bundled_key_points")


def test_the_shipped_policy_makes_a_bundled_key_point_an_error():
    assert load_policy(CONTENT).bundled_key_points == "error"


def test_no_shipped_key_point_bundles_four_items_without_a_count():
    """The shipped bank passes the gate (issue 19 fixed 76 such key points); the list names any new one."""
    bank = shipped_bank()
    found = [str(error) for question in bank for error in bundled_key_points(question, question.slug)]
    assert found == []
