"""Property tests (hypothesis) where the input is free-form: a recruiter's CSV of candidates, and
the text a candidate types.

pytest-django's ``db`` fixture wraps the whole test, not each hypothesis example, so every
example makes its own assessment, candidates and attempt (unique e-mail addresses per example)
and never depends on rows an earlier example left behind.
"""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from tests.assessments.small_bank import import_small_bank

# Every test imports the bank once (its examples share it; it is only read).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bank")]

_examples = itertools.count()
QUESTIONS_USED = ["loss-function"]


@pytest.fixture
def bank(db):
    """Only the questions used here (see tests/assessments/small_bank.py)."""
    return import_small_bank(QUESTIONS_USED)


def _fresh_version(recruiter) -> m.AssessmentVersion:
    assessment = services.create_assessment("Property screen", recruiter, time_limit_minutes=30)
    services.set_items(assessment.latest, [services.ItemSpec("question", "loss-function")], recruiter)
    return services.publish(assessment.latest, recruiter)


def _storable(text: str) -> str:
    """What is kept of a text: all of it but NUL characters, which PostgreSQL cannot store in a
    text column (SQLite can), dropped on every database so the rule is the same on both; and half
    of a surrogate pair, which UTF-8 cannot encode, shown as U+FFFD."""
    return re.sub("[\ud800-\udfff]", "\ufffd", text.replace("\x00", ""))


# --- CSV import of candidates -------------------------------------------------------------


def _any_case(word: str) -> st.SearchStrategy[str]:
    """The word in any mix of upper and lower case, with spaces or tabs around it."""
    pad = st.text(alphabet=" \t", max_size=2)
    flips = st.lists(st.booleans(), min_size=len(word), max_size=len(word))

    def spell(left: str, upper: list[bool], right: str) -> str:
        return left + "".join(c.upper() if u else c for c, u in zip(word, upper, strict=True)) + right

    return st.builds(spell, pad, flips, pad)


# Names: any letters, marks, digits, punctuation and symbols of any script, plus the characters
# that need quoting in a CSV (comma, double quote, line breaks) and spaces.
NAME_CHARS = st.one_of(
    st.characters(categories=["L", "M", "N", "P", "S", "Zs"]),
    st.sampled_from([",", '"', "\n", "\r\n", "\r", " ", "'", ";", "\x00"]),
)
NAMES = st.lists(NAME_CHARS, min_size=1, max_size=20).map("".join).filter(lambda s: _storable(s).strip())
BLANK_NAMES = st.text(alphabet=" \t\x00", max_size=3)
BAD_EMAILS = st.sampled_from(["", "not-an-email", "ada@", "@example.com", "ada at example.com", "a@@b.com"])
EXTRA_VALUES = st.lists(NAME_CHARS, max_size=12).map("".join)


@dataclass
class Row:
    kind: str  # valid, blank-name, bad-email or duplicate
    name: str
    email: str
    extra: str
    blank_line_before: bool


@st.composite
def candidate_csvs(draw):
    """A CSV as a recruiter might upload it, and what each of its rows should lead to."""
    example = next(_examples)
    kind = st.sampled_from(["valid", "valid", "blank-name", "bad-email", "duplicate"])
    kinds = draw(st.lists(kind, max_size=8))
    rows: list[Row] = []
    valid_emails: list[str] = []
    for i, kind in enumerate(kinds):
        if kind == "duplicate" and not valid_emails:
            kind = "valid"
        if kind == "duplicate":
            earlier = draw(st.sampled_from(valid_emails))
            email = draw(st.sampled_from([earlier, earlier.upper(), f"  {earlier} "]))
        elif kind == "bad-email":
            email = draw(BAD_EMAILS)
        else:
            local = draw(st.sampled_from(["ada", "Grace.Hopper", "o'brien", "x_y-z"]))
            email = f"{local}+{example}x{i}@Example.com"
            if kind == "valid":
                valid_emails.append(email.lower())
            email = draw(st.sampled_from([email, f" {email}", f"{email}\t"]))
        name = draw(BLANK_NAMES if kind == "blank-name" else NAMES)
        rows.append(Row(kind, name, email, draw(EXTRA_VALUES), draw(st.booleans())))
    columns = draw(st.permutations(["name", "email", "notes"]))
    headers = {"name": draw(_any_case("name")), "email": draw(_any_case("email"))}
    headers["notes"] = "Notes, free text"
    terminator = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    quote_all = draw(st.booleans())

    def record(values: list[str]) -> str:
        # As spreadsheets write CSV: a field with a comma, a quote or a line break is quoted.
        def field(v: str) -> str:
            return '"' + v.replace('"', '""') + '"' if quote_all or re.search(r'[,"\r\n]', v) else v

        return ",".join(field(v) for v in values) + terminator

    text = record([headers[c] for c in columns])
    starts = []
    for row in rows:
        if row.blank_line_before:
            text += terminator
        starts.append(len(re.findall(r"\r\n|\r|\n", text)) + 1)
        values = {"name": row.name, "email": row.email, "notes": row.extra}
        text += record([values[c] for c in columns])
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text, rows, starts


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(upload=candidate_csvs())
def test_csv_import_invites_every_valid_row_once_and_reports_every_bad_one_by_line(recruiter, upload):
    text, rows, starts = upload
    version = _fresh_version(recruiter)
    result = services.invite_csv(version, text, recruiter)

    valid = [(row, start) for row, start in zip(rows, starts, strict=True) if row.kind == "valid"]
    assert [(i.candidate.name, i.candidate.email) for i, _ in result.invited] == [
        (_storable(row.name).strip(), row.email.strip().lower()) for row, _ in valid
    ]
    assert m.Invitation.objects.filter(version=version).count() == len(valid)
    for invitation, token in result.invited:
        assert services.resolve_token(token).pk == invitation.pk

    reasons = {
        "blank-name": "Each candidate needs a name.",
        "bad-email": "is not a valid email address.",
        "duplicate": "is already invited to this assessment.",
    }
    expected = [
        (start, reasons[row.kind]) for row, start in zip(rows, starts, strict=True) if row.kind != "valid"
    ]
    assert len(result.errors) == len(expected), result.errors
    for error, (start, reason) in zip(result.errors, expected, strict=True):
        assert error.startswith(f"line {start}: ") and error.endswith(reason), (error, start, reason)


# Any text at all, or text behind a header that passes, made of the characters that matter to a
# CSV reader (separators, quotes, every kind of line break, NUL) mixed with any others.
CSV_CHARS = st.one_of(st.characters(), st.sampled_from(list(',;"\'\r\n\t\x00 @.')))
ANY_CSV = st.one_of(
    st.text(max_size=200),
    st.builds(
        str.__add__,
        st.sampled_from(["name,email\n", "Email;Name\r\n", "\ufeffNAME , email\r", '"name","email"\r\n']),
        st.text(alphabet=CSV_CHARS, max_size=200),
    ),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=ANY_CSV)
def test_csv_import_of_any_text_never_fails_other_than_with_a_message(recruiter, text):
    version = _fresh_version(recruiter)
    try:
        result = services.invite_csv(version, text, recruiter)
    except services.AssessmentError as exc:
        assert str(exc)
        assert not m.Invitation.objects.filter(version=version).exists()
        return
    assert m.Invitation.objects.filter(version=version).count() == len(result.invited)
    assert all(re.match(r"line \d+: ", error) for error in result.errors)


def test_a_csv_that_cannot_be_read_invites_nobody(recruiter):
    # A quoted field longer than the csv reader's limit (131,072 characters) stops the reader on
    # line 3; the row before it is not invited either, so a corrected upload can simply be redone.
    version = _fresh_version(recruiter)
    text = 'name,email\nAda,ada-unread@example.com\n"' + "x" * 140_000 + '",b@example.com\n'
    with pytest.raises(services.AssessmentError, match=r"^line 3: this file cannot be read as CSV"):
        services.invite_csv(version, text, recruiter)
    assert not m.Invitation.objects.filter(version=version).exists()


# --- answers of any text ------------------------------------------------------------------

SPECIAL = [
    "👩🏽‍💻",  # an emoji sequence: skin tone and zero-width joiner
    "🇫🇷",  # a flag: two regional indicators
    "مرحبا بالعالم",  # right to left
    "\u202eevil\u202c",  # a right-to-left override
    "e\u0301",  # e and a combining acute accent (not the precomposed é)
    "Z\u0351\u0352\u0353",  # stacked combining marks
    "\u200b\ufeff",  # zero-width space, byte order mark
    "\t\r\n",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",  # outside the basic plane
    "\x00",  # NUL
    "\ud83d",  # half of an emoji's surrogate pair, as JSON from a browser can carry it
    "'; DROP TABLE assessments_answer; --",
]
ANSWERS = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=300),
    st.lists(st.one_of(st.sampled_from(SPECIAL), st.text(max_size=5)), max_size=40).map("".join),
    # Long answers, up to the limit exactly.
    st.builds(
        lambda piece, n: (piece * n)[: m.Answer.MAX_CHARS],
        st.text(alphabet=st.characters(exclude_categories=["Cs"]), min_size=1, max_size=8),
        st.integers(min_value=1, max_value=m.Answer.MAX_CHARS),
    ),
)


def _fresh_attempt(recruiter) -> tuple[m.Attempt, int, str]:
    version = _fresh_version(recruiter)
    n = next(_examples)
    invitation, token = services.invite(version, "Prop", f"prop{n}@example.com", recruiter)
    attempt = services.start_attempt(invitation)
    return attempt, attempt.answers.get().item_id, token


def _stored(attempt: m.Attempt) -> m.Answer:
    return m.Answer.objects.get(attempt=attempt)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=ANSWERS)
def test_any_answer_up_to_the_limit_is_stored_and_read_back_exactly(recruiter, text):
    attempt, item_id, _ = _fresh_attempt(recruiter)
    services.autosave(attempt, item_id, "first draft")
    # The first draft's revision window ends (as if its few seconds had passed).
    m.AnswerRevision.objects.filter(answer__attempt=attempt).update(
        saved_at=timezone.now() - timedelta(minutes=1)
    )
    services.autosave(attempt, item_id, text)
    answer = _stored(attempt)
    kept = _storable(text)
    assert answer.content == kept
    revisions = list(answer.revisions.values_list("content", flat=True))
    assert revisions == (["first draft", kept] if kept != "first draft" else ["first draft"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=ANSWERS)
def test_any_answer_saved_by_the_page_is_stored_exactly(recruiter, text):
    attempt, item_id, token = _fresh_attempt(recruiter)
    response = Client().post(
        f"/take/{token}/save/",
        data=json.dumps({"item": item_id, "content": text}),
        content_type="application/json",
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["saved"] is True
    assert _stored(attempt).content == _storable(text)


def test_an_answer_with_a_nul_character_is_saved_without_it_not_lost(recruiter):
    # A NUL can come in with pasted text and is invisible in the answer box. Refused, it would
    # make every later save fail too and the rest of the answer would be lost.
    attempt, item_id, token = _fresh_attempt(recruiter)
    typed = "def f(x):\x00\n    return x  # 👩🏽‍💻 مرحبا e\u0301"
    response = Client().post(
        f"/take/{token}/save/",
        data=json.dumps({"item": item_id, "content": typed}),
        content_type="application/json",
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200 and response.json()["revision"] == 1
    answer = _stored(attempt)
    assert answer.content == "def f(x):\n    return x  # 👩🏽‍💻 مرحبا e\u0301"
    assert list(answer.revisions.values_list("content", flat=True)) == [answer.content]
    # Typing on after it saves normally.
    services.autosave(attempt, item_id, typed + " more")
    assert _stored(attempt).content == answer.content + " more"


def test_an_answer_of_exactly_the_limit_is_kept_and_one_more_character_refused(recruiter):
    attempt, item_id, _ = _fresh_attempt(recruiter)
    piece = "👩🏽‍💻مe\u0301"  # an emoji sequence, an Arabic letter, a combining accent
    longest = (piece * m.Answer.MAX_CHARS)[: m.Answer.MAX_CHARS]
    assert len(longest) == m.Answer.MAX_CHARS
    services.autosave(attempt, item_id, longest)
    with pytest.raises(services.AssessmentError, match="limit is 20,000"):
        services.autosave(attempt, item_id, longest + "!")
    assert _stored(attempt).content == longest


def test_a_broken_emoji_sent_by_the_page_is_saved_with_a_replacement_character(recruiter):
    # JSON can carry half of an emoji's surrogate pair (a browser sends "\\ud83d" for one left in
    # the answer box), which no database can store as UTF-8; the rest of the answer must be kept.
    attempt, item_id, token = _fresh_attempt(recruiter)
    body = json.dumps({"item": item_id, "content": "before \ud83d after, and a whole one: \U0001f600"})
    assert "\\ud83d after" in body  # json.dumps escapes the lone half as the browser does
    response = Client().post(
        f"/take/{token}/save/", data=body, content_type="application/json", HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 200, response.content
    assert _stored(attempt).content == "before \ufffd after, and a whole one: 😀"


def test_a_trial_run_of_code_with_a_nul_character_is_queued_without_it(recruiter):
    assessment = services.create_assessment("Code", recruiter, time_limit_minutes=30)
    services.set_items(assessment.latest, [services.ItemSpec("exercise", "roc-auc")], recruiter)
    services.publish(assessment.latest, recruiter)
    invitation, _ = services.invite(assessment.latest, "Nul", f"nul{next(_examples)}@example.com", recruiter)
    attempt = services.start_attempt(invitation)
    item_id = attempt.answers.get().item_id
    run = services.request_trial_run(attempt, item_id, "def roc_auc(y, s):\x00\n    return 0.5\n")
    run.refresh_from_db()
    assert run.source == "def roc_auc(y, s):\n    return 0.5\n" == _stored(attempt).content
