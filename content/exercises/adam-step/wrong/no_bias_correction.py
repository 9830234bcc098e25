import numpy as np


def adam_step(param, grad, m, v, t, lr, beta1, beta2, eps):
    param, grad = np.asarray(param, dtype=float), np.asarray(grad, dtype=float)
    m, v = np.asarray(m, dtype=float), np.asarray(v, dtype=float)
    if t < 1 or not (param.shape == grad.shape == m.shape == v.shape):
        raise ValueError("bad input")
    m_new = beta1 * m + (1 - beta1) * grad
    v_new = beta2 * v + (1 - beta2) * grad * grad
    return param - lr * m_new / (np.sqrt(v_new) + eps), m_new, v_new
