"""What each training setting means, written once next to ``TrainConfig``'s fields.

A field declared with :func:`setting` carries its help text, valid range, the model families it
applies to and (optionally) its CLI flag in ``dataclasses.field(metadata=...)``; the CLI ``train``
options and the Train tab's form read their defaults, ranges and help from here, so the three
cannot drift apart again.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

META_KEY = "ganexplorer.setting"


@dataclass(frozen=True)
class Setting:
    """One training setting as the CLI and the GUI see it."""

    name: str
    default: Any
    help: str
    minimum: float | None = None
    maximum: float | None = None
    families: tuple[str, ...] = ()      # empty = every family
    flag: str | None = None             # CLI flag, e.g. "--batch"; None = not on the command line
    choices: tuple[str, ...] = ()


def setting(default: Any, help: str, *, minimum: float | None = None, maximum: float | None = None,
            families: tuple[str, ...] = (), flag: str | None = None, choices: tuple[str, ...] = ()) -> Any:
    """A dataclass field whose metadata describes it (see :class:`Setting`)."""
    meta = dict(help=help, minimum=minimum, maximum=maximum, families=families, flag=flag, choices=choices)
    return dataclasses.field(default=default, metadata={META_KEY: meta})


def settings_of(config_cls: type) -> dict[str, Setting]:
    """Every described field of a dataclass, by field name, in declaration order."""
    out = {}
    for f in dataclasses.fields(config_cls):
        meta = f.metadata.get(META_KEY)
        if meta is not None:
            out[f.name] = Setting(name=f.name, default=f.default, **meta)
    return out
