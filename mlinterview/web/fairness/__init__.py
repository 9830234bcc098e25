"""The adverse-impact report on the web: voluntary self-identification and the auditor's report.

Candidates may say which group they belong to in categories the organisation sets up in the admin
site ("Prefer not to say" is always offered). The answers live in their own table, keyed by
invitation, apart from the answers to the assessment, and are deleted with the candidate's
personal data. Only the "fairness auditor" role (and superusers) may see them, through the report
of an assessment: the pure core ``mlinterview.fairness`` does the arithmetic; this app gathers the
records, draws the chart and writes the CSV (through ``csvsafe``) and the PDF.

May import: accounts and assessments (web apps), ``csvsafe``, the pure cores (fairness, charts).
"""
