"""The worker loop: recovery of lost work in a thread beside the backend's own worker, which
shares itself fairly between the queues (scoring first, then trial runs and judging in turn; see
``queues.py``; ``mlinterview worker`` calls ``run``).

Django must be set up before this module is imported.
"""

from __future__ import annotations

import sys
import threading

from django.conf import settings
from django.core.management import call_command
from django.db import close_old_connections

from mlinterview.web.assessments.jobs.former import repoint_rq_jobs
from mlinterview.web.assessments.jobs.queues import TASK_QUEUES
from mlinterview.web.assessments.jobs.recovery import reconcile


class UnknownQueues(ValueError):
    """A worker was asked to serve queues that do not exist."""


def run(queues: str = "*", *, reconcile_every: float = 10.0, batch: bool = False) -> None:
    """Serve ``queues`` (separated by ',' or ':'; '*' for all) until stopped, or with ``batch``
    process what is queued and return. Recovery runs at start and then every ``reconcile_every``
    seconds."""
    stop = threading.Event()

    def recover() -> None:
        while not stop.is_set():
            try:
                found = reconcile()
                if any(found.values()):
                    print(f"recovered: {found}", flush=True)
            except Exception as exc:  # keep the worker alive; the next round retries
                print(f"reconcile failed: {exc}", file=sys.stderr, flush=True)
            finally:
                close_old_connections()
            stop.wait(reconcile_every)

    recover_thread = threading.Thread(target=recover, name="reconcile", daemon=True)
    if batch:
        reconcile()
    else:
        recover_thread.start()
    queue_names = [q.strip() for q in queues.replace(":", ",").split(",") if q.strip()]
    try:
        if settings.TASKS["default"]["BACKEND"] == "django_tasks_rq.RQBackend":
            # Queues are looked at in TASK_QUEUES order whatever the order given, scoring first,
            # and the others take turns (FairSimpleWorker): neither a judging flood nor a loop of
            # trial runs can starve the rest (nor can it when separate workers serve each queue).
            names = TASK_QUEUES if queues == "*" else queue_names
            unknown = sorted(set(names) - set(TASK_QUEUES))
            if unknown:
                known = ", ".join(TASK_QUEUES)
                raise UnknownQueues(f"unknown queue(s) {', '.join(unknown)}; known: {known}")
            order = sorted(names, key=TASK_QUEUES.index)
            moved = repoint_rq_jobs(order)
            if moved:
                print(f"re-queued {moved} job(s) stored under a former task path", flush=True)
            # A SimpleWorker runs jobs in this process: the text model is loaded once and stays
            # warm, instead of RQ's default fork per job (which reloads it for every answer).
            call_command(
                "rqworker",
                *order,
                job_class="django_tasks_rq.Job",
                worker_class="mlinterview.web.assessments.jobs.rq_worker.FairSimpleWorker",
                with_scheduler=True,
                burst=batch,
            )
        else:
            # Jobs carry their queue's priority (queues.QUEUE_PRIORITY): scoring first, then
            # trial runs and judging in the order they were queued.
            call_command(
                "db_worker",
                queue_name=",".join(queue_names) or "*",
                reload=False,
                startup_delay=False,
                batch=batch,
                verbosity=1,
            )
    finally:
        stop.set()
