import torch
import torch.nn.functional as F


def _logits(p, X):
    hidden = torch.relu(X @ p["0.weight"].T + p["0.bias"])
    return hidden @ p["2.weight"].T + p["2.bias"]


def train(params, X, y, steps, lr, momentum=0.0, weight_decay=0.0, max_norm=None):
    if steps < 0:
        raise ValueError("steps must be >= 0")
    if max_norm is not None and max_norm <= 0:
        raise ValueError("max_norm must be positive")
    p = {name: t.detach().clone().requires_grad_(True) for name, t in params.items()}
    buffers = {}
    losses = []
    for _ in range(steps):
        for t in p.values():
            t.grad = None  # zero_grad
        loss = F.cross_entropy(_logits(p, X), y)
        loss.backward()
        losses.append(loss.item())
        if max_norm is not None:
            torch.nn.utils.clip_grad_norm_(list(p.values()), max_norm)
        with torch.no_grad():  # torch.optim.SGD's update, written out
            for name, t in p.items():
                g = t.grad + weight_decay * t
                if momentum:
                    g = buffers[name] = g.clone() if name not in buffers else buffers[name] * momentum + g
                t -= lr * g
    return losses, {name: t.detach() for name, t in p.items()}
