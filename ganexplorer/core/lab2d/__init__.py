"""A 2-D GAN lab: targets, tiny NumPy networks, losses, a step loop as an iterator, mode coverage."""
