"""Step 1-3: compute need (FLOPs), delivered FLOP/s per GPU, and the GPUs a schedule needs."""
