"""Eigenstudy exporters: clean-room PyTorch generators and LPIPS feature maps exported as TorchScript."""
