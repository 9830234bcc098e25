"""Adapter from assessments to the coding exercises and the judge (mlinterview.exercises).

Candidates see only what ``public_exercise`` returns (statement, starter code, public examples);
hidden tests and expected values stay inside the judge.
"""

from __future__ import annotations

import hashlib
import json
import threading
from functools import lru_cache
from typing import Any

from mlinterview.web.assessments.errors import AssessmentError

_judge_lock = threading.Lock()
_judge: Any = None


@lru_cache(maxsize=1)
def _exercises() -> dict[str, Any]:
    from mlinterview.exercises import load_exercises

    return {exercise.slug: exercise for exercise in load_exercises()}


def _get(slug: str) -> Any:
    try:
        return _exercises()[slug]
    except KeyError:
        raise AssessmentError(f"There is no coding exercise {slug!r}.") from None


def exercise_exists(slug: str) -> bool:
    return slug in _exercises()


def exercise_choices(
    kind: str = "", skill: str = "", *, leave_out: set[str] | None = None
) -> list[dict[str, Any]]:
    """The exercises of ``kind`` giving evidence of ``skill`` (empty: any), by title, each as what a
    list of them shows (title, kind, level, minutes, skills); slugs in ``leave_out`` are left out."""
    from mlinterview.exercises.catalogue import select

    chosen = [e for e in select(_exercises().values(), kind, skill) if e.slug not in (leave_out or ())]
    return [
        {
            "slug": e.slug,
            "title": e.title,
            "kind": e.kind.value,
            "level": str(e.level),
            "minutes": e.minutes,
            "skills": e.skills,
        }
        for e in sorted(chosen, key=lambda e: e.title.casefold())
    ]


def exercise_filters() -> dict[str, list[tuple[str, str]]]:
    """The choices of the kind and skill filters, as (value, label): every kind, and the core
    skills exercises give evidence of (named as the role profile names them, once imported)."""
    from mlinterview.exercises.catalogue import KINDS, skills_in_use
    from mlinterview.web.questions.models import RoleProfile

    profile = RoleProfile.current()
    names = {s.slug: s.name for s in profile.content.core_skills} if profile is not None else {}
    return {
        "kinds": [(k, "PyTorch" if k == "pytorch" else k.replace("-", " ").capitalize()) for k in KINDS],
        "skills": [(s, names.get(s, s)) for s in skills_in_use(_exercises().values())],
    }


def exercises_for_level(level: str) -> list[tuple[str, int]]:
    same = [e for e in _exercises().values() if str(e.level) == level]
    return [(e.slug, e.minutes) for e in sorted(same, key=lambda e: e.slug)]


def exercise_fingerprint(slug: str) -> str:
    """A short hash of what the candidate sees, to tell later edits of the exercise apart."""
    view = json.dumps(public_exercise(slug), sort_keys=True, default=str)
    return hashlib.sha256(view.encode()).hexdigest()[:16]


def public_exercise(slug: str) -> dict[str, Any]:
    exercise = _get(slug)
    return exercise.public_view()


def get_judge() -> Any:
    global _judge
    if _judge is None:
        with _judge_lock:
            if _judge is None:
                from mlinterview.exercises import Judge
                from mlinterview.sandbox import Sandbox

                _judge = Judge(Sandbox(slots=2))
    return _judge


def judge(slug: str, source: str) -> dict[str, Any]:
    result = get_judge().judge(_get(slug), source)
    return dict(result.to_dict())


def run_public_examples(slug: str, source: str) -> dict[str, Any]:
    result = get_judge().judge(_get(slug), source, public_only=True)
    data = result.to_dict()
    tests = [t for t in data["tests"] if t.get("public")]
    passed = sum(1 for t in tests if t["passed"])
    return {"summary": f"{passed} of {len(tests)} public examples pass.", "tests": tests}
