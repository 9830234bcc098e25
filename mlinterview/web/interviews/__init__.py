"""Live interviews: kits for a candidate, independent scorecards, debrief and calibration."""
