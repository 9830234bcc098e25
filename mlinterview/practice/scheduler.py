"""The schedule: an answer's 0-5 score becomes an FSRS rating (Again, Hard, Good, Easy), and FSRS
sets the next review. Practice is about days, not minutes, so there are no same-day learning steps.
"""

from __future__ import annotations

import fsrs

SCHEDULER = fsrs.Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


def rating_for(score: float) -> fsrs.Rating:
    """Map an answer score (0-5) to how well the candidate recalled the material."""
    if score < 1.5:
        return fsrs.Rating.Again
    if score < 2.75:
        return fsrs.Rating.Hard
    if score < 4.0:
        return fsrs.Rating.Good
    return fsrs.Rating.Easy
