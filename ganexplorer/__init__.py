"""ganexplorer: see and teach Generative Adversarial Networks."""

__version__ = "0.1.0"
