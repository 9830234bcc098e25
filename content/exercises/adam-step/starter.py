import numpy as np


def adam_step(param, grad, m, v, t, lr, beta1, beta2, eps) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (param_new, m_new, v_new) after one bias-corrected Adam update at step t (from 1)."""
    raise NotImplementedError
