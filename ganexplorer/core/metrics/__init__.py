"""Measurements of generated samples (digit classes, coverage)."""
