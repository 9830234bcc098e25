def simulate_grad_scaler(
    grads, init_scale=65536.0, growth_factor=2.0, backoff_factor=0.5, growth_interval=2000
):
    """Return (scale used at each step, unscaled float32 gradient or None for a skipped step),
    replaying GradScaler's skip / back-off / growth rules over float16 gradients."""
    raise NotImplementedError
