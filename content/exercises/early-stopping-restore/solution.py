import torch
import torch.nn.functional as F


def early_stopping_fit(W, b, X_train, y_train, X_val, y_val, lr, max_epochs, patience, min_delta=0.0):
    if patience < 1 or max_epochs < 0:
        raise ValueError("patience must be >= 1 and max_epochs >= 0")
    W = W.detach().clone().requires_grad_(True)
    b = b.detach().clone().requires_grad_(True)

    def val_loss():
        with torch.no_grad():
            return F.mse_loss(X_val @ W + b, y_val).item()

    history = [val_loss()]
    best_loss, best_epoch = history[0], 0
    best_W, best_b = W.detach().clone(), b.detach().clone()  # copies, not views of W and b
    waited = 0
    for epoch in range(1, max_epochs + 1):
        loss = F.mse_loss(X_train @ W + b, y_train)
        W.grad = b.grad = None
        loss.backward()
        with torch.no_grad():
            W -= lr * W.grad
            b -= lr * b.grad
        history.append(val_loss())
        if history[-1] < best_loss - min_delta:
            best_loss, best_epoch, waited = history[-1], epoch, 0
            best_W, best_b = W.detach().clone(), b.detach().clone()
        else:
            waited += 1
            if waited == patience:
                break
    return best_W, best_b, best_epoch, history
