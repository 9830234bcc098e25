"""RQ's in-process worker, taking its queues in the fair order of ``queues.fair_order``.

RQ looks at a worker's queues in a fixed order, so a busy first queue (trial runs, once) could
keep the others waiting for ever; RQ's own hook for another order is ``reorder_queues``, called
after each job is taken. ``mlinterview worker`` names this class when the backend is RQ; the
database worker gets the same share from job priorities (``queues.QUEUE_PRIORITY``).
"""

from __future__ import annotations

from typing import Any

from rq import SimpleWorker

from mlinterview.web.assessments.jobs.queues import fair_order


class FairSimpleWorker(SimpleWorker):
    """``rq.SimpleWorker`` (jobs run in this process, so the text model stays loaded) whose
    queues take turns after each job, scoring first."""

    def reorder_queues(self, reference_queue: Any) -> None:
        by_name = {queue.name: queue for queue in self._ordered_queues}
        self._ordered_queues = [by_name[name] for name in fair_order(list(by_name), reference_queue.name)]
