"""Remote assessments: builder, invitations, timed attempts, scoring, shortlist and review.

May import: accounts and questions (web apps), the pure cores; never api, interviews or practice."""
