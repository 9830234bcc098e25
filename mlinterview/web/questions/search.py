"""The bank's ranked search (``mlinterview.bank.search``) over the imported, live questions."""

from __future__ import annotations

from django.db.models import Count, Max

from mlinterview.bank.search import SearchIndex
from mlinterview.web.questions.models import Question

_index_cache: dict[str, object] = {}


def search_index() -> SearchIndex:
    """One index per imported state of the bank, rebuilt only after an import changed it."""
    live = Question.objects.filter(retired=False)
    key = repr(live.aggregate(n=Count("id"), v=Max("current_version_id")))
    if _index_cache.get("key") != key:
        rows = live.select_related("current_version")
        _index_cache["index"] = SearchIndex(row.content for row in rows)
        _index_cache["key"] = key
    index = _index_cache["index"]
    assert isinstance(index, SearchIndex)
    return index


def ranked_slugs(query: str, limit: int | None = None) -> list[str]:
    """The slugs of the live questions matching ``query``'s words, best first (all of them
    when ``limit`` is None)."""
    index = search_index()
    return [hit.slug for hit in index.search(query, limit=limit or len(index.questions))]
