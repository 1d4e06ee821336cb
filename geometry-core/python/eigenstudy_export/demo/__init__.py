"""The demo generator: a procedural shapes data set and a small DCGAN trained on it."""
