"""Similar answers between candidates, found once per answer by the background scoring job.

``index.py`` is the worker's side: it keeps an inverted index of each answer's keys (text LSH
bands, code fingerprints) in the database, checks the few answers a new one shares keys with,
compares its sentence embedding with the other answers to the same item, and stores what it
finds (``Finding``). ``review.py`` is what the review page and the shortlist read. The pure
comparisons live in ``mlinterview.integrity``; this app only stores and shows.

May import: the assessments app (whose scoring job sends ``answer_scored``), the pure cores.
"""
