"""Projection: find the latent a generator would need to draw a given picture (a photo, a drawing).

``target`` reads and prepares the picture through bounded guards, ``distance`` says how far two
pictures are, ``projector`` is the optimisation as a plain iterator of events, ``files`` reads and
writes ``projected_w.npz`` / ``projected_z.npz`` as NVIDIA's projector.py does.
"""
