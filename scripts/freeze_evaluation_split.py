"""Write content/evaluation/split.yaml once: the held-out questions of the frozen evaluation split.

    python scripts/freeze_evaluation_split.py [--fraction 0.2] [--seed 13] [--force]

The split is content: once written it is frozen, and this script refuses to overwrite it
without --force (changing it would let tuned-on answers into the evaluation). Questions that
already have graded answers under content/graded/ stay in training.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from mlinterview.bank import load_bank
from mlinterview.bank.evaluation import (
    DEFAULT_FRACTION,
    DEFAULT_SEED,
    SPLIT_FILE,
    choose_held_out,
    stratum_shares,
)
from mlinterview.bank.loader import default_content_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=default_content_dir())
    parser.add_argument("--fraction", type=float, default=DEFAULT_FRACTION)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--force", action="store_true", help="overwrite an existing split")
    args = parser.parse_args(argv)
    target = args.content / SPLIT_FILE
    if target.exists() and not args.force:
        print(f"{target} exists; the split is frozen (use --force to replace it)", file=sys.stderr)
        return 1
    bank = load_bank(args.content)
    held_out = choose_held_out(bank, fraction=args.fraction, seed=args.seed, keep=bank.graded)
    shares = stratum_shares(bank, held_out)
    document = {
        "fraction": args.fraction,
        "seed": args.seed,
        "method": (
            f"At least {args.fraction:.0%} of every (set, level) stratum, rounded up, drawn with seed "
            f"{args.seed} by mlinterview.bank.evaluation.choose_held_out; questions that already had "
            "graded answers stayed in training. Frozen: nothing trains or tunes on these questions."
        ),
        "held_out": held_out,
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    header = "# The frozen evaluation split (issue 13). Written by scripts/freeze_evaluation_split.py.\n"
    target.write_text(header + yaml.safe_dump(document, sort_keys=False, width=100), encoding="utf-8")
    print(
        f"{len(held_out)} of {len(bank)} questions held out ({len(held_out) / len(bank):.1%}); "
        f"smallest stratum share {min(shares.values()):.0%}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
