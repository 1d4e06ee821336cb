"""Clean-room PyTorch implementations whose state-dict layouts match the public checkpoints."""
