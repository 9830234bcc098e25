"""Property tests of the content loader: whatever a question file holds, the loader either returns a
complete bank of valid questions or raises ``BankError`` naming the file (and the field) of every
problem. Never another exception, never a half-loaded bank, never an error pinned on a good file.

Every example writes a scratch content folder of its own: the shipped sets.yaml and
role-profile.yaml, the shipped exemplar question (valid, must never be blamed), and one file
hypothesis made up or mutated.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from mlinterview.bank import Bank, BankError, ContentError, load_bank
from mlinterview.bank.schema import Question
from tests.conftest import CONTENT, EXEMPLAR

NAME = "made-up"  # the slug the made-up question file is named after
SHOWN = f"content/questions/fundamentals/{NAME}.yaml"
GOOD = f"content/questions/fundamentals/{EXEMPLAR.name}"
FIELDS = tuple(Question.model_fields)
FILE_LEVEL = ("malformed YAML", "cannot read file", "expected a mapping of fields, found", "file is empty")

# Derandomised (the same examples on every run, chosen per test) so that CI is repeatable, and no
# example database written into the checkout; raise max_examples locally to search harder.
PROPERTY = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@contextmanager
def scratch_content() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="mlinterview-loader-") as folder:
        root = Path(folder) / "content"
        (root / "questions" / "fundamentals").mkdir(parents=True)
        shutil.copy(CONTENT / "sets.yaml", root / "sets.yaml")
        shutil.copy(CONTENT / "role-profile.yaml", root / "role-profile.yaml")
        shutil.copy(EXEMPLAR, root / "questions" / "fundamentals" / EXEMPLAR.name)
        yield root


def load_with(content: bytes) -> tuple[Bank | None, list[ContentError], dict[str, Any] | None]:
    """Load a scratch bank with the made-up file; (bank, errors, what YAML reads in the file)."""
    with scratch_content() as root:
        path = root / "questions" / "fundamentals" / f"{NAME}.yaml"
        path.write_bytes(content)
        try:
            bank = load_bank(root)
        except BankError as exc:
            return None, exc.errors, None
        return bank, [], read(path.read_text(encoding="utf-8"))


# libyaml when PyYAML has it: huge strings dump and read fast.
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read(text: str) -> Any:
    return yaml.load(text, Loader=LOADER)  # noqa: S506 (a safe loader)


def dump(data: Any) -> bytes:
    return yaml.dump(data, Dumper=DUMPER, sort_keys=False, allow_unicode=True).encode("utf-8")


SETS = {s["slug"]: s for s in yaml.safe_load((CONTENT / "sets.yaml").read_text())}
SKILLS = {s["slug"] for s in yaml.safe_load((CONTENT / "role-profile.yaml").read_text())["core_skills"]}


def valid(data: Any, stem: str) -> bool:
    """Whether a question file's data meets every rule, judged here independently of the loader:
    the schema, the file name, a declared set, open-endedness as the set says, known skills."""
    if not isinstance(data, dict):
        return False
    try:
        question = Question.model_validate(data)
    except ValueError:  # pydantic's ValidationError is a ValueError
        return False
    return (
        question.slug == stem
        and question.set in SETS
        and question.open_ended == bool(SETS[question.set].get("open_ended"))
        and set(question.skills) <= SKILLS
    )


def assert_valid_bank(bank: Bank, data: dict[str, Any]) -> None:
    """The loaded bank is complete and holds exactly the question the file describes."""
    assert valid(data, NAME), data
    assert set(bank.questions) == {EXEMPLAR.stem, NAME}
    assert bank.get(NAME) == Question.model_validate(data)


def assert_errors_name_the_file(errors: list[ContentError]) -> None:
    assert errors, "a BankError with no errors"
    for error in errors:
        assert error.file == SHOWN, error  # never the good exemplar, never another path
        if error.field == "":
            assert error.message.startswith(FILE_LEVEL), error
        assert str(error).startswith(f"{SHOWN}: ")


# -- strategies ---------------------------------------------------------------------------------

# Text YAML can carry (no lone surrogates, which cannot be written as UTF-8).
text = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False),
    text,
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
)
yaml_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.dictionaries(st.one_of(text, st.integers(0, 9)), inner, max_size=5),
    ),
    max_leaves=20,
)
huge_text = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=8).map(
    lambda s: s * 40_000
)


def exemplar() -> dict[str, Any]:
    data = yaml.safe_load(EXEMPLAR.read_text())
    data["slug"] = NAME
    return data


@st.composite
def mutated_questions(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """The exemplar (renamed) with one field deleted, retyped, enlarged or replaced; and that field."""
    data = exemplar()
    field = draw(st.sampled_from(FIELDS))
    how = draw(st.sampled_from(["delete", "value", "huge", "text", "list-of", "same-type"]))
    if how == "delete":
        data.pop(field, None)
    elif how == "value":
        data[field] = draw(yaml_values)
    elif how == "huge":
        data[field] = draw(huge_text)
    elif how == "text":
        data[field] = draw(text)
    elif how == "list-of":
        data[field] = draw(st.lists(st.one_of(text, huge_text, yaml_values), max_size=6))
    else:  # a value of the type the field holds, with other content
        current = data.get(field)
        if isinstance(current, list):
            data[field] = draw(st.lists(text, max_size=8))
        elif isinstance(current, dict):
            data[field] = draw(st.dictionaries(text, text, max_size=5))
        elif isinstance(current, int):
            data[field] = draw(st.integers(min_value=-1000, max_value=1000))
        else:
            data[field] = draw(text)
    return data, field


slugs = st.from_regex(r"\A[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}\Z")
signals = st.fixed_dictionaries(
    {"strong": st.lists(text.filter(str.strip), min_size=3, max_size=4, unique_by=str.casefold),
     "weak": st.lists(text.filter(str.strip), min_size=3, max_size=4, unique_by=str.casefold)}
)
# Values an author might really write, valid or just wrong: the rules across fields and files
# (file name, declared set, open-ended sets, known skills) are what they exercise. Each choice is
# between a right and a wrong kind of value, so that both come up often.
OPEN_SETS = sorted(slug for slug, s in SETS.items() if s.get("open_ended"))
CLOSED_SETS = sorted(slug for slug, s in SETS.items() if not s.get("open_ended"))
PLAUSIBLE: dict[str, st.SearchStrategy[Any]] = {
    "slug": st.one_of(st.just(NAME), st.just(EXEMPLAR.stem), slugs),
    "set": st.one_of(st.sampled_from(CLOSED_SETS), st.sampled_from(OPEN_SETS), st.just("astrology")),
    "skills": st.one_of(
        st.lists(st.sampled_from(sorted(SKILLS)), min_size=1, max_size=3, unique=True),
        st.lists(st.sampled_from([*sorted(SKILLS), "juggling"]), min_size=1, max_size=3, unique=True).map(
            lambda skills: [*skills, "knitting"]
        ),
    ),
    "signals": st.one_of(st.none(), signals),
    "level": st.one_of(st.sampled_from(["junior", "mid", "senior"]), st.sampled_from(["guru", "Senior"])),
    "minutes": st.one_of(st.integers(min_value=1, max_value=60), st.integers(min_value=-2, max_value=70)),
    "tags": st.one_of(st.lists(slugs, min_size=1, max_size=4, unique=True), st.lists(text, max_size=4)),
}


@st.composite
def plausible_edits(draw: st.DrawFn) -> dict[str, Any]:
    data = exemplar()
    for field in draw(st.lists(st.sampled_from(sorted(PLAUSIBLE)), min_size=1, max_size=2, unique=True)):
        value = draw(PLAUSIBLE[field])
        if value is None:
            data.pop(field, None)
        else:
            data[field] = value
    return data


# The fields a broken value may be reported under: the field itself, or the rule that uses it.
REPORTED_AS = {
    "set": {"set", "signals"},
    "signals": {"signals", "reference_answer", "key_points", "misconceptions"},
}


# -- properties ---------------------------------------------------------------------------------


@PROPERTY
@given(mutated_questions())
def test_a_mutated_question_loads_valid_or_names_its_field(mutation):
    data, field = mutation
    bank, errors, data_read = load_with(dump(data))
    if bank is not None:
        assert data_read is not None
        assert_valid_bank(bank, data_read)
        return
    assert not valid(read(dump(data).decode()), NAME), ("a valid question was refused", errors)
    assert_errors_name_the_file(errors)
    reported = {error.field.split(".")[0] for error in errors}
    assert reported & REPORTED_AS.get(field, {field}), (field, errors)


@PROPERTY
@given(plausible_edits())
def test_plausible_edits_load_exactly_when_every_rule_holds(data):
    """Wrong set, a set that is open-ended, unknown skills, a slug that is not the file name..."""
    bank, errors, data_read = load_with(dump(data))
    if bank is not None:
        assert data_read is not None
        assert_valid_bank(bank, data_read)
        return
    assert not valid(read(dump(data).decode()), NAME), ("a valid question was refused", errors)
    assert_errors_name_the_file(errors)


@PROPERTY
@given(st.dictionaries(text.filter(lambda k: k.strip() not in FIELDS), yaml_values, min_size=1, max_size=3))
def test_unknown_fields_are_named(extra):
    data = {**exemplar(), **extra}
    bank, errors, _ = load_with(dump(data))
    assert bank is None
    assert_errors_name_the_file(errors)
    assert {e.field for e in errors} == {key if key.strip() else repr(key) for key in extra}, errors
    assert {e.message for e in errors} == {"is not a known field"}


@PROPERTY
@given(yaml_values)
def test_any_yaml_document_loads_valid_or_is_refused_with_the_file_named(document):
    bank, errors, data_read = load_with(dump(document))
    if bank is not None:
        assert isinstance(data_read, dict)
        assert_valid_bank(bank, data_read)
        return
    assert_errors_name_the_file(errors)
    if not isinstance(document, dict):
        kind = "empty" if document is None else type(document).__name__
        expected = "file is empty" if document is None else f"expected a mapping of fields, found {kind}"
        assert errors == [ContentError(SHOWN, "", expected)], errors


@PROPERTY
@given(
    st.one_of(
        st.text(max_size=200).map(lambda s: s.encode("utf-8", "surrogatepass")),
        st.binary(max_size=200),
    )
)
def test_any_bytes_are_loaded_or_refused_with_the_file_named(content):
    bank, errors, data_read = load_with(content)
    if bank is not None:
        assert isinstance(data_read, dict)
        assert_valid_bank(bank, data_read)
        return
    assert_errors_name_the_file(errors)


@PROPERTY
@given(
    st.lists(
        st.sampled_from(["fundamentals", "coding", "algorithms", "nlp", "extra/deeper"]),
        min_size=1,
        max_size=4,
        unique=True,
    )
)
def test_duplicate_slugs_are_all_named_and_nothing_loads(folders):
    """The exemplar's slug again in other folders: one error per copy, naming both files."""
    with scratch_content() as root:
        for folder in folders:
            if folder == "fundamentals":
                continue
            path = root / "questions" / folder / EXEMPLAR.name
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(EXEMPLAR, path)
        copies = sorted(f"content/questions/{f}/{EXEMPLAR.name}" for f in folders if f != "fundamentals")
        assume(copies)
        with pytest.raises(BankError) as info:
            load_bank(root)
    errors = info.value.errors
    slug = EXEMPLAR.stem
    # The loader reads files in path order: the first one wins, every later one is a duplicate.
    first, *later = sorted([*copies, GOOD])
    assert errors == [
        ContentError(file, "slug", f"duplicate slug {slug!r} (also in {first})") for file in later
    ]


@PROPERTY
@given(st.lists(mutated_questions(), min_size=1, max_size=3))
def test_never_half_a_bank(mutations):
    """Several made-up files beside a good one: all valid and all load, or nothing loads and exactly
    the invalid files are named."""
    with scratch_content() as root:
        written: dict[str, Any] = {}
        for n, (data, _) in enumerate(mutations):
            slug = f"{NAME}-{n}"
            if data.get("slug") == NAME:
                data = {**data, "slug": slug}
            path = root / "questions" / "fundamentals" / f"{slug}.yaml"
            path.write_bytes(dump(data))
            written[f"content/questions/fundamentals/{slug}.yaml"] = read(path.read_text())
        invalid = {file for file, data in written.items() if not valid(data, Path(file).stem)}
        try:
            bank = load_bank(root)
        except BankError as exc:
            assert {error.file for error in exc.errors} == invalid
            return
    assert not invalid, invalid
    assert set(bank.questions) == {EXEMPLAR.stem} | {Path(f).stem for f in written}


# -- what the properties found ------------------------------------------------------------------


def test_a_misnamed_copy_does_not_blame_the_file_it_copies():
    """Copying a question to a new file and forgetting to change its slug: the copy is wrong, the
    original is not (the copy sorts first, so it used to claim the slug and the original was
    reported as its duplicate)."""
    bank, errors, _ = load_with(EXEMPLAR.read_bytes())
    assert bank is None
    assert errors == [
        ContentError(SHOWN, "slug", f"'{EXEMPLAR.stem}' does not match the file name '{NAME}.yaml'")
    ]


@pytest.mark.parametrize("key", ["", "  "])
def test_an_empty_key_is_named_as_a_field(key):
    bank, errors, _ = load_with(dump({**exemplar(), key: "stray"}))
    assert bank is None
    assert errors == [ContentError(SHOWN, repr(key), "is not a known field")]
