"""Everything that runs without Qt: models, checkpoint formats, rendering.

An import-linter contract in pyproject.toml keeps Qt out of this package.
"""
