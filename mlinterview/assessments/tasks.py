"""Background tasks (Django Tasks API): the app never depends on which backend runs them."""

from django_tasks import task

from mlinterview.assessments import services


@task(queue_name="scoring")
def score_answer_task(score_id: int) -> str:
    return services.run_scoring(score_id)


@task(queue_name="trials", priority=50)
def trial_run_task(run_id: int) -> str:
    return services.run_trial(run_id)
