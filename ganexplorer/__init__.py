"""ganexplorer: see and teach Generative Adversarial Networks."""

from importlib.metadata import PackageNotFoundError, version as _version

try:  # one version number, kept in pyproject.toml; the installers carry the package metadata
    __version__ = _version("ganexplorer")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
