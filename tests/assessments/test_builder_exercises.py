"""The builder's coding exercises (issue 18, point 2): listed by title with kind, level, minutes and
skills, filtered by kind and skill through GET parameters, the filter kept after an exercise is
added; an exercise already in the assessment shows its title, not its slug."""

from __future__ import annotations

from html import escape

import pytest

from mlinterview.exercises import load_exercise
from mlinterview.exercises.model import default_exercises_dir
from mlinterview.web.assessments import services

pytestmark = pytest.mark.django_db

LRU, ROC_AUC, CHURN = "lru-cache", "roc-auc", "churn-model"


def _offered(page: str) -> set[str]:
    return {slug for slug in (LRU, ROC_AUC, CHURN) if f'data-add="exercise:{slug}"' in page}


@pytest.fixture
def draft(client, recruiter):
    client.force_login(recruiter)
    return services.create_assessment("Built", recruiter, time_limit_minutes=30)


def test_exercises_are_listed_by_title_with_kind_level_minutes_and_skills(client, draft):
    # The exercises come in pages (issue 15, point 3): read them all.
    page = "".join(client.get(f"/assessments/{draft.pk}/?xpage={n}").content.decode() for n in range(1, 10))
    assert _offered(page) == {LRU, ROC_AUC, CHURN}
    meta = load_exercise(default_exercises_dir() / LRU).meta
    line = (
        f'{escape(meta.title)} <span class="meta">{meta.kind.value} · {meta.level.value} · '
        f"~{meta.minutes} min · {', '.join(meta.skills)}</span>"
    )
    assert line in page


@pytest.mark.parametrize(
    ("query", "offered"),
    [
        ("kind=algorithms", {LRU}),
        ("skill=model-evaluation", {ROC_AUC, CHURN}),
        ("kind=modelling&skill=model-evaluation", {CHURN}),
        ("kind=modelling&skill=programming", set()),
    ],
)
def test_exercises_filter_by_kind_and_skill(client, draft, query, offered):
    page = client.get(f"/assessments/{draft.pk}/?{query}").content.decode()
    assert _offered(page) == offered
    for pair in query.split("&"):
        name, value = pair.split("=")
        assert f'<option value="{value}" selected>' in page  # the form shows the filter chosen


def test_the_filter_is_kept_after_adding_an_exercise_and_the_item_shows_its_title(client, draft):
    query = "kind=algorithms&skill=programming"
    page = client.get(f"/assessments/{draft.pk}/?{query}").content.decode()
    add = f'action="/assessments/{draft.pk}/items/add/?{escape(query)}"'
    assert add in page
    response = client.post(f"/assessments/{draft.pk}/items/add/?{query}", {"kind": "exercise", "slug": LRU})
    assert response.status_code == 302
    assert response["Location"] == f"/assessments/{draft.pk}/?{query}#exercises"
    assert [i.slug for i in draft.latest.items.all()] == [LRU]
    page = client.get(f"/assessments/{draft.pk}/?{query}").content.decode()
    items = page[page.index('id="items-h"') : page.index('id="gen-h"')]
    assert "LRU cache for model predictions" in items and LRU not in items
    # Only the filters travel: nothing else of the query reaches the address.
    response = client.post(
        f"/assessments/{draft.pk}/items/add/?kind=modelling&next=https://evil.example/",
        {"kind": "exercise", "slug": CHURN},
    )
    assert response["Location"] == f"/assessments/{draft.pk}/?kind=modelling#exercises"
