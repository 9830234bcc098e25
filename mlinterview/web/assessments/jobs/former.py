"""Jobs queued under a task path the code no longer has, and the task that runs them now.

A queued job stores its task's dotted path. The tasks lived in ``mlinterview.assessments.tasks``
and then ``mlinterview.web.assessments.tasks`` (one scoring task for two queues); jobs still
queued when an install upgrades carry those paths. The database backend's rows are rewritten by
the migration ``assessments/0004_task_paths`` (which keeps its own copy of this table); jobs queued
on RQ live in Redis and are moved by ``repoint_rq_jobs`` when a worker starts.
"""

from __future__ import annotations

from typing import Any

from mlinterview.web.assessments.jobs.queues import enqueue
from mlinterview.web.assessments.jobs.tasks import judge_answer_task, score_answer_task, trial_run_task

FORMER_MODULES = ("mlinterview.assessments.tasks", "mlinterview.web.assessments.tasks")


def current_task(path: str, queue: str) -> Any:
    """The task a job queued under ``path`` on ``queue`` runs now; None if the path is current
    (or not one of this app's)."""
    module, _, name = path.rpartition(".")
    if module not in FORMER_MODULES:
        return None
    if name == "score_answer_task":
        return judge_answer_task if queue == "judging" else score_answer_task
    if name == "trial_run_task":
        return trial_run_task
    return None


def repoint_rq_jobs(queue_names: list[str]) -> int:
    """Queue again, under the current task, every job waiting on these RQ queues (or scheduled on
    them for later) under a former path, then delete the old job; returns how many moved.

    A delayed retry is queued to run at once (what a retry without backoff does), and a job moved
    twice by two workers starting together runs twice, which scoring and trial runs allow: both
    leave finished work alone.
    """
    import django_rq
    from rq.job import Job
    from rq.registry import ScheduledJobRegistry

    moved = 0
    for name in queue_names:
        queue = django_rq.get_queue(name)
        ids = [*queue.get_job_ids(), *ScheduledJobRegistry(queue=queue).get_job_ids()]
        for job in Job.fetch_many(ids, connection=queue.connection):
            target = current_task(job.func_name, name) if job is not None else None
            if target is None:
                continue
            enqueue(target, *job.args)
            job.delete()
            moved += 1
    return moved
