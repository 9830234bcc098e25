"""The organisation's talent pool of vetted profiles (issue 17, point 1).

A candidate who submitted an assessment or sat an interview signs in with a one-time link mailed
to them (no password, no staff account) and may opt in, with explicit consent, to a profile:
headline, experience, location, availability, links, and verified skill levels per core skill of
the role profile, made only from scores a human reviewer confirmed or changed (``levels.py``
defines the scale). Withdrawing, or deleting the candidate's personal data, deletes the profile.
Recruiters and administrators open a profile anonymously and reveal the name with an audited reason.

May import: accounts, assessments and webhooks (web apps; the interviews app's models only by
name, through the app registry), the pure core ``bank`` (for the skill coverage map).
"""
