import numpy as np


def adam_step(param, grad, m, v, t, lr, beta1, beta2, eps):
    param = np.asarray(param, dtype=float)
    grad = np.asarray(grad, dtype=float)
    m = np.asarray(m, dtype=float)
    v = np.asarray(v, dtype=float)
    if t < 1:
        raise ValueError("the step number t counts from 1")
    if not (param.shape == grad.shape == m.shape == v.shape):
        raise ValueError("param, grad, m and v must have the same shape")
    m_new = beta1 * m + (1.0 - beta1) * grad
    v_new = beta2 * v + (1.0 - beta2) * grad**2
    m_hat = m_new / (1.0 - beta1**t)
    v_hat = v_new / (1.0 - beta2**t)
    param_new = param - lr * m_hat / (np.sqrt(v_hat) + eps)
    return param_new, m_new, v_new
