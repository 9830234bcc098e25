"""ML coding exercises and their judge (no Django). Hidden tests never enter the sandbox.

May import: mlinterview.sandbox, mlinterview.bank, numpy/pandas (for the judge's comparisons)."""

from mlinterview.exercises.judge import Judge, JudgeResult, TestResult
from mlinterview.exercises.model import Case, Exercise, ExerciseError, load_exercise, load_exercises

__all__ = [
    "Case",
    "Exercise",
    "ExerciseError",
    "Judge",
    "JudgeResult",
    "TestResult",
    "load_exercise",
    "load_exercises",
]
