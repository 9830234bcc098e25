"""Live interviews: kits for a candidate, independent scorecards, debrief and calibration.

May import: accounts, questions and assessments (web apps), the pure cores (kits, scoring)."""
