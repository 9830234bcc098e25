"""The API tests reuse the assessment fixtures (bank, staff users, a published assessment)."""

from tests.assessments.conftest import bank, interviewer, invited, published, recruiter

__all__ = ["bank", "interviewer", "invited", "published", "recruiter"]
