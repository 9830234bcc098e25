"""Practice on the web: self-registered candidates answer questions and get feedback at once.

May import: accounts, questions and assessments (web apps), the pure cores (practice, scoring)."""
