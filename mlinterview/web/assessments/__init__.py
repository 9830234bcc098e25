"""Remote assessments: builder, invitations, timed attempts, scoring, shortlist and review."""
