"""Jobs still queued when an install upgrades keep working: their stored task paths are re-pointed.

A job of the database task backend stores its task's dotted path. The tasks lived in
``mlinterview.assessments.tasks`` and then ``mlinterview.web.assessments.tasks``, with one scoring
task for both the "scoring" and the "judging" queue; they now live in
``mlinterview.web.assessments.jobs.tasks``, one task per queue. Rows not yet finished are rewritten
(finished rows keep the path they ran under). The paths are copied here on purpose: a migration
must not change meaning when the code moves again. Jobs queued on RQ live in Redis, not in this
database; a worker moves them when it starts (``jobs/former.py``).
"""

from django.db import migrations

FORMER_MODULES = ("mlinterview.assessments.tasks", "mlinterview.web.assessments.tasks")
CURRENT_MODULE = "mlinterview.web.assessments.jobs.tasks"
# The module the tasks had right before this migration, for going back.
PREVIOUS_MODULE = "mlinterview.web.assessments.tasks"
UNFINISHED = ("READY", "RUNNING")


def current_path(path, queue):
    module, _, name = path.rpartition(".")
    if module not in FORMER_MODULES:
        return None
    if name == "score_answer_task":
        return f"{CURRENT_MODULE}.{'judge_answer_task' if queue == 'judging' else 'score_answer_task'}"
    if name == "trial_run_task":
        return f"{CURRENT_MODULE}.trial_run_task"
    return None


def previous_path(path, queue):
    module, _, name = path.rpartition(".")
    if module != CURRENT_MODULE:
        return None
    if name in ("score_answer_task", "judge_answer_task"):
        return f"{PREVIOUS_MODULE}.score_answer_task"
    if name == "trial_run_task":
        return f"{PREVIOUS_MODULE}.trial_run_task"
    return None


def _rewrite(apps, schema_editor, new_path):
    results = apps.get_model("django_tasks_database", "DBTaskResult").objects.using(
        schema_editor.connection.alias
    )
    unfinished = results.filter(status__in=UNFINISHED, task_path__startswith="mlinterview.")
    for pk, path, queue in unfinished.values_list("pk", "task_path", "queue_name"):
        path_now = new_path(path, queue)
        if path_now is not None:
            results.filter(pk=pk).update(task_path=path_now)


def forwards(apps, schema_editor):
    _rewrite(apps, schema_editor, current_path)


def backwards(apps, schema_editor):
    _rewrite(apps, schema_editor, previous_path)


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0003_trial_runs"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
