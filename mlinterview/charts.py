"""Static charts for pages and reports: matplotlib (Agg backend) drawn straight to PNG bytes."""

from __future__ import annotations

import base64
import io
from collections.abc import Callable
from typing import Any


def png(draw: Callable[[Any], None], *, size: tuple[float, float], dpi: int = 110) -> bytes:
    """Call ``draw(axis)`` on a fresh figure and return it as PNG bytes."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    figure, axis = plt.subplots(figsize=size, dpi=dpi)
    try:
        draw(axis)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
    finally:
        plt.close(figure)
    return buffer.getvalue()


def png_base64(draw: Callable[[Any], None], *, size: tuple[float, float], dpi: int = 110) -> str:
    """The same PNG, base64-encoded for a ``data:`` URL."""
    return base64.b64encode(png(draw, size=size, dpi=dpi)).decode()
