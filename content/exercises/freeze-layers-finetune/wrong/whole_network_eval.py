import torch
import torch.nn.functional as F
from torch import nn

LAYERS = ("0", "1", "3", "4", "6")


def _network():
    return nn.Sequential(
        nn.Linear(4, 6),
        nn.BatchNorm1d(6),
        nn.ReLU(),
        nn.Linear(6, 6),
        nn.BatchNorm1d(6),
        nn.ReLU(),
        nn.Linear(6, 3),
    )


def finetune_step(state, frozen, X, y, lr):
    unknown = sorted(set(frozen) - set(LAYERS))
    if unknown:
        raise ValueError(f"no layer with parameters is named {unknown}")
    model = _network()
    model.load_state_dict(state)
    # The whole network in eval mode "because we are fine-tuning": the BatchNorm layers being
    # trained no longer use or update batch statistics.
    model.eval()
    for name, layer in model.named_children():
        if name in frozen:
            layer.requires_grad_(False)
    trainable = [(name, p) for name, p in model.named_parameters() if p.requires_grad]
    loss = F.cross_entropy(model(X), y)
    if trainable:
        loss.backward()
        with torch.no_grad():
            for _, p in trainable:
                p -= lr * p.grad
    return [name for name, _ in trainable], {k: v.detach().clone() for k, v in model.state_dict().items()}
