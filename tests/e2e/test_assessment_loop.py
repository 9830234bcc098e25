"""The whole remote-assessment loop in a real browser, and recovery from a worker killed mid-job.

Recruiter builds and publishes an assessment and invites two candidates; candidate A answers,
reloads mid-way, runs code and submits; candidate B runs out of time; the worker scores both;
the recruiter reviews the ranked shortlist, overrides a score with a reason and exports CSV and PDF.
"""

from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.e2e.conftest import ARTIFACTS, App, shot, sign_in

pytestmark = pytest.mark.slow

QUESTIONS = ["type-1-vs-type-2-errors", "support-vector-machine"]
EXERCISE = "confusion-matrix"
ANSWER_A = (
    "A type I error is a false positive: we reject the null hypothesis although it is true, and its "
    "rate is the significance level alpha. A type II error is a false negative: we fail to reject a "
    "false null hypothesis; its rate is beta and power is one minus beta. Moving the threshold trades "
    "one for the other, while more data reduces both. In cancer screening a missed tumour (false "
    "negative) costs far more than a false alarm, so we tune for recall."
)


def _sqlite_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def test_recruiter_candidates_worker_review(app: App, browser) -> None:
    from mlinterview.exercises import load_exercises

    solution = next(e for e in load_exercises() if e.slug == EXERCISE).solution_source
    worker = app.start_worker()

    staff = browser.new_context(accept_downloads=True)
    page = staff.new_page()
    sign_in(page, app, "rita")
    page.goto(f"{app.url}/assessments/")
    page.fill("#title", "ML engineer screen")
    page.fill("#minutes", "30")
    page.click("text=Create assessment")
    for slug in QUESTIONS:
        page.click(f"[data-add='question:{slug}']")
    page.click(f"[data-add='exercise:{EXERCISE}']")
    shot(page, "01-builder")
    page.click("#publish")
    assert "is published" in page.content()
    links = {}
    for name, email in (("Ada Candidate", "ada@example.com"), ("Bob Candidate", "bob@example.com")):
        page.fill("#inv-name", name)
        page.fill("#inv-email", email)
        page.click("form[aria-label='Invite one candidate'] button")
        links[name] = page.get_attribute("a.invite-link", "href")
    shot(page, "02-invitations")

    # Candidate A answers, reloads mid-way, runs code, submits.
    ada = browser.new_context().new_page()
    ada.goto(links["Ada Candidate"])
    shot(ada, "03-candidate-landing")
    ada.click("text=Start the assessment")
    ada.fill("#content", ANSWER_A)
    ada.wait_for_selector("#save-status:has-text('Saved at')", timeout=30000)
    ada.reload()
    assert ada.input_value("#content") == ANSWER_A
    shot(ada, "04-candidate-question")
    ada.click("button[aria-label='Item 3']")
    ada.fill("#content", solution)
    ada.click("#run-code")
    ada.wait_for_selector("#run-output:has-text('public examples pass')", timeout=60000)
    assert "FAIL" not in ada.inner_text("#run-output")
    shot(ada, "05-candidate-code")
    ada.click("text=Review and submit")
    ada.click("text=Submit my answers")
    assert "your answers are submitted" in ada.content()

    # Candidate B starts, types a little, and runs out of time.
    bob = browser.new_context().new_page()
    bob.goto(links["Bob Candidate"])
    bob.click("text=Start the assessment")
    bob.fill("#content", "Not sure.")
    bob.wait_for_selector("#save-status:has-text('Saved at')", timeout=30000)
    with app.db() as conn:
        conn.execute(
            "UPDATE assessments_attempt SET deadline = ? WHERE submitted_at IS NULL",
            (_sqlite_time(datetime.now(UTC) + timedelta(seconds=4)),),
        )
    bob.reload()
    bob.wait_for_url("**/take/done/**", timeout=30000)
    assert "submitted automatically" in bob.content()
    app.wait_for("SELECT COUNT(*) FROM assessments_attempt WHERE auto_submitted = TRUE", 1, timeout=10)

    # The worker scores both attempts (three items each).
    app.wait_for("SELECT COUNT(*) FROM assessments_score WHERE status = 'done'", 6)
    assert worker.poll() is None

    page.goto(f"{app.url}/assessments/")
    page.click("text=Shortlist")
    shot(page, "06-shortlist")
    rows = page.locator("table.shortlist tbody tr")
    assert rows.count() == 2
    first = rows.nth(0).inner_text()
    assert "Candidate #" in first and "Ada" not in first  # anonymised until review is committed
    rows.nth(0).locator("a").click()
    shot(page, "07-candidate-review")
    assert "Ada Candidate" not in page.content()
    page.fill("form.override >> nth=0 >> input[name=value]", "90")
    page.fill(
        "form.override >> nth=0 >> input[name=reason]", "Clear, correct explanation with a good example"
    )
    page.click("form.override >> nth=0 >> button")
    assert "Clear, correct explanation with a good example" in page.content()
    page.click("#commit-review")
    assert "Ada Candidate" in page.content()
    with page.expect_download() as pdf_download:
        page.click("#pdf-report")
    pdf_path = ARTIFACTS / "candidate-report.pdf"
    ARTIFACTS.mkdir(exist_ok=True)
    pdf_download.value.save_as(pdf_path)
    assert pdf_path.read_bytes().startswith(b"%PDF")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", str(pdf_path), str(ARTIFACTS / "candidate-report")], check=True
    )
    page.goto(page.url.rsplit("/attempts/", 1)[0] + "/shortlist/")
    with page.expect_download() as csv_download:
        page.click("#export-csv")
    table = list(csv.reader(io.StringIO(Path(csv_download.value.path()).read_text(encoding="utf-8"))))
    assert table[0][:3] == ["rank", "candidate", "total_percent"]
    assert len(table) == 3 and table[1][1] == "Ada Candidate"
    assert int(table[1][2]) > int(table[2][2] or 0)
    with app.db() as conn:
        assert conn.execute("SELECT COUNT(*) FROM assessments_override").fetchone()[0] == 1
        assert (
            conn.execute(
                "SELECT COUNT(*) FROM assessments_auditevent WHERE action = 'score.override'"
            ).fetchone()[0]
            == 1
        )


EARLY_SCRIPT = """
from mlinterview.assessments import services
from mlinterview.accounts.models import User
rita = User.objects.get(username="rita")
a = services.create_assessment("Early typist", rita, 20)
services.set_items(a.latest, [services.ItemSpec("question", "loss-function")], rita)
services.publish(a.latest, rita)
inv, token = services.invite(a.latest, "Eve", "eve@example.com", rita)
print(token)
"""


def test_answer_typed_before_the_script_loads_is_autosaved(app: App, browser) -> None:
    """The page's script arrives late (slow network); what was typed meanwhile must still be saved."""
    token = app.cli("manage", "shell", "-c", EARLY_SCRIPT).stdout.strip().splitlines()[-1]
    eve = browser.new_context().new_page()
    eve.goto(f"{app.url}/take/{token}/")
    eve.click("text=Start the assessment")
    released = []

    def hold_script(route) -> None:
        released.append(route)

    eve.route("**/take.js", hold_script)
    eve.reload(wait_until="commit")  # deferred scripts hold back DOMContentLoaded
    eve.wait_for_selector("#content")
    typed = "A loss function turns each prediction error into a number the optimiser minimises."
    eve.fill("#content", typed)
    assert released, "the script should still be held back"
    released[0].continue_()
    eve.wait_for_selector("#save-status:has-text('Saved at')", timeout=30000)
    with app.db() as conn:
        saved = conn.execute(
            "SELECT a.content FROM assessments_answer a JOIN assessments_attempt t ON a.attempt_id = t.id "
            "JOIN assessments_invitation i ON t.invitation_id = i.id "
            "JOIN assessments_candidate c ON i.candidate_id = c.id WHERE c.email = 'eve@example.com'"
        ).fetchall()
    assert saved == [(typed,)]


KILL_SCRIPT = """
from mlinterview.assessments import services
from mlinterview.accounts.models import User
rita = User.objects.get(username="rita")
a = services.create_assessment("Kill test", rita, 20)
services.set_items(a.latest, [services.ItemSpec("question", s) for s in
    ("loss-function", "support-vector-machine", "type-1-vs-type-2-errors")], rita)
services.publish(a.latest, rita)
inv, _ = services.invite(a.latest, "Kim", "kim@example.com", rita)
attempt = services.start_attempt(inv)
for answer in attempt.answers.all():
    services.autosave(attempt, answer.item_id, "A loss function measures how wrong a prediction is.")
services.submit(attempt)
print(attempt.pk)
"""


def test_worker_killed_mid_job_is_recovered(app: App) -> None:
    for worker in app.workers:
        worker.terminate()
        worker.wait(timeout=60)  # a worker finishes its current job first; slow on a loaded machine
    attempt_id = int(app.cli("manage", "shell", "-c", KILL_SCRIPT).stdout.strip().splitlines()[-1])
    pending = (
        f"SELECT COUNT(*) FROM assessments_score s JOIN assessments_answer a ON s.answer_id = a.id "
        f"WHERE a.attempt_id = {attempt_id} AND s.status = "
    )
    victim = app.start_worker()
    app.wait_for(pending + "'running'", 1, timeout=60)
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait(timeout=60)
    time.sleep(1)
    with app.db() as conn:
        stuck = conn.execute(pending + "'running'").fetchone()[0]
        done_before = conn.execute(pending + "'done'").fetchone()[0]
    assert stuck == 1 and done_before < 3, "the kill should have landed in the middle of a job"
    app.start_worker()
    app.wait_for(pending + "'done'", 3, timeout=240)
