"""One exporter per public checkpoint format; each writes TorchScript modules and a card."""
