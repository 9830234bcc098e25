"""One row per profile that search scans instead of grouping the level rows (``search.py``).

``mask`` holds every level as bits: skill slot ``i`` (its place among the core skills in slug
order, ``SLOTS`` at most) owns bits ``4i .. 4i+3``, and bit ``4i + l - 1`` is set when the level is
at least ``l``. "Skill A at 3 or more and skill B at 2 or more" is then ``mask & R = R`` for one
number R, and the sum of the asked levels is the count of those set bits. ``v<i>`` is when slot
i's level was verified (for staleness). Years and availability are copied from the profile so
the scan needs no join. Kept in step by signals on SkillLevel and Profile (``apps.py``).
Loaded by ``models.py`` so that Django registers it with the pool app.
"""

from __future__ import annotations

from django.db import models

SLOTS = 12


class SearchEntry(models.Model):
    profile = models.OneToOneField("pool.Profile", on_delete=models.CASCADE, primary_key=True)
    mask = models.BigIntegerField(default=0)
    years_experience = models.PositiveSmallIntegerField(null=True)
    availability = models.CharField(max_length=20)
    v0 = models.DateTimeField(null=True)
    v1 = models.DateTimeField(null=True)
    v2 = models.DateTimeField(null=True)
    v3 = models.DateTimeField(null=True)
    v4 = models.DateTimeField(null=True)
    v5 = models.DateTimeField(null=True)
    v6 = models.DateTimeField(null=True)
    v7 = models.DateTimeField(null=True)
    v8 = models.DateTimeField(null=True)
    v9 = models.DateTimeField(null=True)
    v10 = models.DateTimeField(null=True)
    v11 = models.DateTimeField(null=True)

    class Meta:
        app_label = "pool"
