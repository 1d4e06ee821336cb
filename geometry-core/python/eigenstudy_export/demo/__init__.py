"""The demo generator: a procedural one-shape data set and a small DCGAN-style generator fitted to it by regression."""
