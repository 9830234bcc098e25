import torch


def sgd_step(W, b, X, y, lr):
    W = W.detach().clone().requires_grad_(True)
    b = b.detach().clone().requires_grad_(True)
    loss = ((X @ W + b - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        W_new, b_new = W - lr * W.grad, b - lr * b.grad
        # Reports the loss of the updated parameters, not the one the step was taken on.
        after = ((X @ W_new + b_new - y) ** 2).mean()
    return W_new, b_new, float(after)
