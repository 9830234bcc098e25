"""The web tests of the similarity check use the assessment loop's staff users."""

from tests.assessments.conftest import interviewer, recruiter  # noqa: F401
