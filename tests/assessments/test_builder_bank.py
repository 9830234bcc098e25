"""The builder at the scale of the bank (issue 15, point 3): the question list uses the bank's ranked
word search with set, level and skill filters and pages with a visible count (never a silent cap);
the filter survives adding and removing items; items show titles and a running total of minutes
against the time limit; saving settings confirms and keeps what was typed on an error; a question
page adds the question to one of the user's draft assessments; a preview shows what a candidate
sees and nothing of the rubrics, reference answers or hidden tests."""

from __future__ import annotations

import re
from html import escape

import pytest

from mlinterview.exercises import load_exercise
from mlinterview.exercises.model import default_exercises_dir
from mlinterview.web.assessments import services
from tests.assessments.conftest import _staff
from tests.assessments.small_bank import import_small_bank, small_bank
from tests.shipped import shipped_bank

pytestmark = pytest.mark.django_db

ROC = "roc-curve"
# Both have "pROCessing" in their titles: a substring filter for "ROC" offered them.
PROCESSING = ["large-dataframe-memory", "preprocessing-techniques"]
SLUGS = sorted({*sorted(shipped_bank().questions)[:46], ROC, *PROCESSING})  # 49 questions


@pytest.fixture
def draft(client, recruiter):
    import_small_bank(SLUGS)
    client.force_login(recruiter)
    return services.create_assessment("Built", recruiter, time_limit_minutes=30)


def _offered(page: str) -> list[str]:
    return re.findall(r'data-add="question:([a-z0-9-]+)"', page)


def _get(client, draft, query: str = "") -> str:
    response = client.get(f"/assessments/{draft.pk}/{query}")
    assert response.status_code == 200
    return response.content.decode()


def test_the_title_search_matches_words_ranked_not_substrings(client, draft):
    offered = _offered(_get(client, draft, "?q=ROC"))
    assert offered[0] == ROC
    assert not set(PROCESSING) & set(offered)


def test_the_list_pages_with_a_visible_count_and_no_silent_cap(client, draft):
    first = _get(client, draft)
    assert "1–40 of 49" in first
    assert len(_offered(first)) == 40
    second = _get(client, draft, "?page=2")
    assert "41–49 of 49" in second
    assert len(_offered(second)) == 9
    assert set(_offered(first)) | set(_offered(second)) == set(SLUGS)
    assert 'href="?page=2#bank"' in first and 'href="?page=1#bank"' in second


def test_set_level_and_skill_filter_the_questions(client, draft):
    bank = small_bank(tuple(SLUGS))
    expected = {s for s, q in bank.questions.items() if q.level == "mid" and "model-evaluation" in q.skills}
    assert expected  # the small bank has some
    offered = _offered(_get(client, draft, "?level=mid&skill=model-evaluation"))
    assert set(offered) == expected
    a_set = bank.questions[ROC].set
    offered = _offered(_get(client, draft, f"?set={a_set}&q=curve"))
    assert ROC in offered and all(bank.questions[s].set == a_set for s in offered)


def test_the_filter_and_page_are_kept_after_adding_and_removing(client, draft):
    query = "q=ROC&level=mid&skill=model-evaluation&page=1"
    page = _get(client, draft, f"?{query}")
    assert f'action="/assessments/{draft.pk}/items/add/?{escape(query)}"' in page
    response = client.post(f"/assessments/{draft.pk}/items/add/?{query}", {"kind": "question", "slug": ROC})
    assert response["Location"] == f"/assessments/{draft.pk}/?{query}#bank"  # back at the same list
    page = _get(client, draft, f"?{query}")
    assert f'action="/assessments/{draft.pk}/items/0/remove/?{escape(query)}"' in page
    response = client.post(f"/assessments/{draft.pk}/items/0/remove/?{query}")
    assert response["Location"] == f"/assessments/{draft.pk}/?{query}#items"
    assert draft.latest.items.count() == 0


def test_items_show_titles_and_a_running_total_against_the_limit(client, draft, recruiter):
    roc = shipped_bank().questions[ROC]
    lru = load_exercise(default_exercises_dir() / "lru-cache")
    version = draft.latest
    services.update_settings(version, recruiter, time_limit_minutes=20, instructions="")
    services.add_item(version, services.ItemSpec("question", ROC), recruiter)
    page = _get(client, draft)
    items = page[page.index('id="items-h"') : page.index("</section>", page.index('id="items-h"'))]
    assert roc.title in items
    assert f"{roc.minutes} of 20 minutes" in items
    assert "over the time limit" not in items
    services.add_item(version, services.ItemSpec("exercise", "lru-cache"), recruiter)
    page = _get(client, draft)
    items = page[page.index('id="items-h"') : page.index("</section>", page.index('id="items-h"'))]
    assert lru.title in items and "lru-cache" not in items
    total = roc.minutes + lru.minutes
    assert total > 20
    assert f"{total} of 20 minutes" in items
    assert f"{total - 20} minutes over the time limit" in items


def test_save_settings_confirms_and_keeps_what_was_typed_on_an_error(client, draft):
    url = f"/assessments/{draft.pk}/settings/"
    page = client.post(url, {"minutes": "40", "instructions": "Calm."}, follow=True).content.decode()
    assert "Settings saved" in page
    assert draft.latest.time_limit_minutes == 40
    typed = "Answer in your own words; no notes."
    page = client.post(url, {"minutes": "3", "instructions": typed}, follow=True).content.decode()
    assert "The time limit must be between 5 and 480 minutes." in page
    assert "Settings saved" not in page
    assert f">{escape(typed)}</textarea>" in page
    assert 'id="set-minutes" name="minutes" type="number" min="5" max="480" value="3"' in page
    assert draft.latest.time_limit_minutes == 40 and draft.latest.instructions == "Calm."


def test_a_question_page_adds_to_a_draft_the_user_manages(client, draft, recruiter, django_user_model):
    other = _staff(django_user_model, "otto", "recruiter")
    theirs = services.create_assessment("Otto's screen", other, time_limit_minutes=30)
    published = services.create_assessment("Already out", recruiter, time_limit_minutes=30)
    services.add_item(published.latest, services.ItemSpec("question", SLUGS[0]), recruiter)
    services.publish(published.latest, recruiter)
    page = client.get(f"/bank/{ROC}/").content.decode()
    assert "Add to assessment" in page
    assert f'<option value="{draft.pk}">Built</option>' in page
    assert "Otto" not in page and "Already out" not in page
    url = "/assessments/add-question/"
    assert client.post(url, {"assessment": theirs.pk, "slug": ROC}).status_code == 404
    assert theirs.latest.items.count() == 0
    assert client.post(url, {"assessment": published.pk, "slug": ROC}).status_code == 404
    response = client.post(url, {"assessment": draft.pk, "slug": ROC}, follow=True)
    assert response.redirect_chain[-1][0] == f"/bank/{ROC}/"
    assert "added to Built" in response.content.decode()
    assert [i.slug for i in draft.latest.items.all()] == [ROC]
    # Adding it twice says so rather than failing.
    page = client.post(url, {"assessment": draft.pk, "slug": ROC}, follow=True).content.decode()
    assert "twice" in page
    # A user who manages no assessment sees no form.
    client.force_login(_staff(django_user_model, "ivy", "interviewer"))
    page = client.get(f"/bank/{ROC}/").content.decode()
    assert "Add to assessment" not in page
    assert client.post(url, {"assessment": draft.pk, "slug": ROC}).status_code == 403


def test_the_preview_shows_what_a_candidate_sees_and_nothing_secret(client, draft, recruiter):
    roc = shipped_bank().questions[ROC]
    lru = load_exercise(default_exercises_dir() / "lru-cache")
    services.update_settings(draft.latest, recruiter, time_limit_minutes=30, instructions="Take your time.")
    services.add_item(draft.latest, services.ItemSpec("question", ROC), recruiter)
    services.add_item(draft.latest, services.ItemSpec("exercise", "lru-cache"), recruiter)
    page = _get(client, draft)
    assert f'href="/assessments/{draft.pk}/preview/"' in page
    response = client.get(f"/assessments/{draft.pk}/preview/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Take your time." in page
    assert roc.title in page and escape(roc.prompt.split("\n")[0][:60]) in page
    assert lru.title in page
    assert escape(lru.starter.splitlines()[0]) in page
    public = [c for c in lru.cases if c.public]
    hidden = [c for c in lru.cases if not c.public]
    assert public and hidden
    assert escape(lru.public_view()["examples"][0]["call"][:40]) in page
    secrets = [
        roc.reference_answer[:60],
        *roc.key_points,
        *roc.rating_anchors.as_dict().values(),
        *(c.name for c in hidden),
        *(m.claim for m in roc.misconceptions),
    ]
    for secret in secrets:
        assert secret not in page and escape(secret) not in page, secret
    assert "class LRUCache" not in page or "class LRUCache" in lru.starter


def test_the_preview_is_for_those_who_may_read_the_assessment(client, draft, django_user_model):
    client.force_login(_staff(django_user_model, "otto", "recruiter"))
    assert client.get(f"/assessments/{draft.pk}/preview/").status_code == 404


def test_the_exercises_page_too_so_the_invitations_stay_near(client, draft):
    from mlinterview.web.assessments.exercises import exercise_choices

    every = [e["slug"] for e in exercise_choices()]
    assert len(every) > 20
    seen: list[str] = []
    for number in range(1, (len(every) + 19) // 20 + 1):
        page = _get(client, draft, f"?xpage={number}&q=ROC")
        offered = re.findall(r'data-add="exercise:([a-z0-9-]+)"', page)
        assert len(offered) <= 20
        last = min(number * 20, len(every))
        assert f"Exercises {(number - 1) * 20 + 1}–{last} of {len(every)}" in page
        assert _offered(page)[0] == ROC  # the question search is kept while paging exercises
        seen += offered
    assert seen == every


def test_what_is_already_in_the_assessment_is_marked_not_offered_again(client, draft, recruiter):
    services.add_item(draft.latest, services.ItemSpec("question", ROC), recruiter)
    services.add_item(draft.latest, services.ItemSpec("exercise", "lru-cache"), recruiter)
    page = _get(client, draft, "?q=ROC&kind=algorithms")
    assert ROC not in _offered(page) and 'data-added="question:roc-curve"' in page
    assert 'data-add="exercise:lru-cache"' not in page and 'data-added="exercise:lru-cache"' in page


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keeps the roles (groups)
def test_adds_arriving_at_once_all_land(recruiter):
    """Two quick clicks on "Add" send two requests that overlap on the server; each must add its
    item (a read-modify-write of the item list without a lock kept only one of them on PostgreSQL,
    which is how the browser test lost an item in CI)."""
    import threading

    from django.db import connection

    import_small_bank(SLUGS)
    assessment = services.create_assessment("Raced", recruiter, time_limit_minutes=30)
    wanted = SLUGS[:12]
    start = threading.Barrier(len(wanted))
    errors: list[BaseException] = []

    def add(slug: str) -> None:
        try:
            version = services.editable_version(assessment, recruiter)
            start.wait()
            services.add_item(version, services.ItemSpec("question", slug), recruiter)
        except BaseException as exc:  # reported below with the others
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=add, args=(slug,)) for slug in wanted]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    version = services.editable_version(assessment, recruiter)
    assert sorted(spec.slug for spec in services.current_specs(version)) == sorted(wanted)
    assert [i.position for i in version.items.order_by("position")] == list(range(len(wanted)))
