"""The Train tab: the setup form, run controls, live plots, and the worker that drives a training session."""
