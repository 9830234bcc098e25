import torch


def simulate_grad_scaler(
    grads, init_scale=65536.0, growth_factor=2.0, backoff_factor=0.5, growth_interval=2000
):
    if growth_factor <= 1 or not 0 < backoff_factor < 1 or growth_interval < 1 or init_scale <= 0:
        raise ValueError("invalid scaler settings")
    scale, good_steps = float(init_scale), 0
    scales, updates = [], []
    for g in grads:
        scales.append(scale)
        scaled = (g.float() * scale).to(torch.float16)
        if not bool(torch.isfinite(scaled).all()):
            updates.append(None)
            scale *= backoff_factor
            good_steps = 0
            continue
        good_steps += 1
        if good_steps == growth_interval:
            scale *= growth_factor
            good_steps = 0
        # Unscales after updating the scale: on a growth step it divides by the new scale.
        updates.append(scaled.float() / scale)
    return scales, updates
