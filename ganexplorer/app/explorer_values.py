"""The small values an ExplorerState is made of, and the bounds every one of them is checked against.

A state comes from the user's clicks, or from a file a stranger sent: each value here refuses, with one
ValueError, anything the controls cannot show or the model cannot use, when it is made. Heavy values
(direction sets: up to 64 x 64 x 4096 numbers; a projected latent) are checked once, in their own
``__post_init__``, so a state remade on every slider step does not check them again.

- :class:`DirectionEdit` — "move w by ``sigmas`` standard deviations along direction ``component`` of the
  set named ``set_name``, on the ws [layer_start, layer_end)". ``set_name`` "pca" (the default) names the
  principal components the app computes for the loaded model (``ModelFacts.directions``), kept by index so
  a recomputed PCA whose signs differ still matches; any other name is a :class:`NamedDirections` carried
  in the state (SeFa, labels, a directions file) and saved with it.
- :class:`NamedDirections` — a named set of unit vectors in w with their sigmas, the method that made them
  ('pca', 'sefa', 'labels', 'file') and the layer range they act on.
- :class:`ProjectedLatent` — a latent found by projecting a user's picture: ``space`` 'w+' (``latent`` is
  [num_ws][w_dim]), 'w' ([w_dim], the same w on every layer) or 'z' ([z_dim]).
- :class:`WalkSettings` — the latent-walk controls.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

# What the controls can say; the widgets take their ranges from here, and a state outside them is refused.
MAX_SEED = 2 ** 31 - 1
PSI_RANGE = (-1.0, 2.0)
NOISE_STRENGTH_RANGE = (0.0, 3.0)
Z_SLIDER_RANGE = (-3.0, 3.0)
W_SIGMA_RANGE = (-5.0, 5.0)
WALK_FRAMES_RANGE = (2, 2000)
WALK_FPS_RANGE = (1, 60)
EXPORT_SIDE_RANGE = (16, 4096)
WALK_SPACES = ("w", "z")
VIEWS = 4                  # image, variation, mixing grid, layers
MAX_LAYERS = 64            # more ws than any StyleGAN2 has (1024²: 18); also "through the last layer"
MAX_DIM = 4096             # more latent dimensions than any generator here has (z, w: 512)
MAX_CHANNELS = 8192        # more channels in one layer than any generator here has (StyleGAN2: 512)
MAX_ABLATED_LAYERS = 256   # more feature layers than any generator here has
MAX_EDITS = 64 * 64        # every direction of every set at once
MAX_DIRECTION_SETS = 64
MAX_SET_DIRECTIONS = 64
MAX_NAME = 200
MAX_LATENT = 1e4           # |entry| of a projected latent or direction; w stays within a few hundred
DIRECTION_METHODS = ("pca", "sefa", "labels", "file")
PROJECTED_SPACES = ("w+", "w", "z")
PCA = "pca"                # the set name of the model's own principal components


def check_int(v: Any, name: str, low: int, high: int) -> None:
    if isinstance(v, bool) or not isinstance(v, int) or not low <= v <= high:
        raise ValueError(f"{name} must be a whole number in {low}..{high}, not {_short(v)}")


def check_bool(v: Any, name: str) -> None:
    if not isinstance(v, bool):
        raise ValueError(f"{name} must be true or false, not {_short(v)}")


def check_number(v: Any, name: str, low: float = -math.inf, high: float = math.inf) -> None:
    if (isinstance(v, bool) or not isinstance(v, (int, float)) or (isinstance(v, int) and abs(v) > 2 ** 1000)
            or not math.isfinite(v) or not low <= v <= high):
        where = "" if math.isinf(low) and math.isinf(high) else f" in [{low:g}, {high:g}]"
        raise ValueError(f"{name} must be a finite number{where}, not {_short(v)}")


def check_vector(v: Any, name: str, limit: float = math.inf, size: int = MAX_DIM) -> None:
    """A tuple of at most ``size`` finite numbers, each within ±``limit``."""
    if not isinstance(v, tuple) or len(v) > size:
        raise ValueError(f"{name} must be a list of at most {size} numbers")
    # Whole-vector checks, not one call per entry: a state with a 512-d z is remade on every slider step.
    types = set(map(type, v))
    huge = int in types and any(abs(x) > 2 ** 1000 for x in v if type(x) is int)   # isfinite() would overflow
    if not types <= {float, int} or huge or not all(map(math.isfinite, v)):
        bad = next(x for x in v if type(x) not in (float, int) or not _finite(x))
        raise ValueError(f"{name} must hold finite numbers, not {_short(bad)}")
    if limit != math.inf and v and (max(v) > limit or min(v) < -limit):
        raise ValueError(f"{name} holds numbers beyond ±{limit:g}")


def check_layers(start: Any, end: Any) -> None:
    check_int(start, "layer range start", 0, MAX_LAYERS)
    if end is not None:
        check_int(end, "layer range end", 0, MAX_LAYERS)


def check_name(v: Any, what: str) -> None:
    if not isinstance(v, str) or not 0 < len(v) <= MAX_NAME:
        raise ValueError(f"{what} must be a name of 1..{MAX_NAME} characters, not {_short(v)}")


def check_count(v: Any, limit: int, what: str) -> None:
    if not isinstance(v, tuple) or len(v) > limit:
        raise ValueError(f"{what}: at most {limit}, given {len(v) if hasattr(v, '__len__') else v!r:.40}")


def check_zoom(v: Any) -> int | str:
    if v == "fit" or (isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 16):
        return v
    raise ValueError(f"zoom must be 'fit' or a whole factor 1..16, not {v!r:.40}")


def _finite(x: float) -> bool:
    return x == x and abs(x) < math.inf if isinstance(x, float) else abs(x) < 2 ** 1000


def _short(v: Any) -> str:
    """``repr(v)`` cut short: a sentence about a hostile value must not be megabytes long."""
    text = repr(v)
    return text if len(text) <= 60 else text[:57] + "..."


@dataclass(frozen=True)
class DirectionEdit:
    """Move w by ``sigmas`` σ along direction ``component`` of set ``set_name`` on ws [layer_start, layer_end)."""

    component: int
    sigmas: float
    layer_start: int = 0
    layer_end: int | None = None
    set_name: str = PCA

    def __post_init__(self) -> None:
        check_int(self.component, "w component", 0, MAX_SET_DIRECTIONS - 1)
        check_number(self.sigmas, "w slider value", *W_SIGMA_RANGE)
        check_layers(self.layer_start, self.layer_end)
        check_name(self.set_name, "a direction set")

    @property
    def index(self) -> int:
        """The direction's row in its set (``component`` by its PCA name)."""
        return self.component

    @property
    def key(self) -> tuple[str, int]:
        """Which slider this edit is: one edit per (set, direction)."""
        return self.set_name, self.component


@dataclass(frozen=True)
class NamedDirections:
    """A named set of unit directions in w: ``vectors`` [K][w_dim], ``sigmas`` [K] (σ of w along each, the
    slider unit), the ``method`` that made it and the ws [layer_start, layer_end) it acts on by default."""

    name: str
    method: str
    vectors: tuple[tuple[float, ...], ...]
    sigmas: tuple[float, ...]
    layer_start: int = 0
    layer_end: int = MAX_LAYERS

    def __post_init__(self) -> None:
        check_name(self.name, "a direction set")
        if self.method not in DIRECTION_METHODS:
            raise ValueError(f"direction set method must be one of {', '.join(DIRECTION_METHODS)}, "
                             f"not {_short(self.method)}")
        if not isinstance(self.vectors, tuple) or not 0 < len(self.vectors) <= MAX_SET_DIRECTIONS:
            raise ValueError(f"a direction set holds 1..{MAX_SET_DIRECTIONS} directions")
        dim = len(self.vectors[0]) if isinstance(self.vectors[0], tuple) else 0
        for v in self.vectors:
            check_vector(v, "a direction", MAX_LATENT)
            if len(v) != dim or dim == 0:
                raise ValueError("the directions of a set must all have the same, non-zero length")
        check_vector(self.sigmas, "direction sigmas", MAX_LATENT, MAX_SET_DIRECTIONS)
        if len(self.sigmas) != len(self.vectors) or min(self.sigmas) <= 0:
            raise ValueError("a direction set needs one positive sigma per direction")
        check_layers(self.layer_start, self.layer_end)
        if self.layer_start >= self.layer_end:
            raise ValueError("a direction set's layer range is empty")

    @property
    def w_dim(self) -> int:
        return len(self.vectors[0])

    def __len__(self) -> int:
        return len(self.vectors)

    @classmethod
    def from_core(cls, name: str, dset: Any) -> NamedDirections:
        """From a ``core.render.directions_file.DirectionSet`` (numpy arrays) or anything shaped like one."""
        method = dset.method if dset.method in DIRECTION_METHODS else "file"
        start, end = (int(x) for x in dset.layers)
        return cls(name, method, tuple(tuple(float(x) for x in row) for row in dset.vectors),
                   tuple(float(s) for s in dset.sigmas), start, end)


@dataclass(frozen=True)
class ProjectedLatent:
    """A projected picture's latent: ``space`` 'w+' → ``latent`` [num_ws][w_dim], 'w' → [w_dim], 'z' → [z_dim]."""

    space: str
    latent: tuple

    def __post_init__(self) -> None:
        if self.space not in PROJECTED_SPACES:
            raise ValueError(f"a projected latent lives in {', '.join(PROJECTED_SPACES)}, not {_short(self.space)}")
        if self.space == "w+":
            if not isinstance(self.latent, tuple) or not 0 < len(self.latent) <= MAX_LAYERS:
                raise ValueError(f"a w+ latent has 1..{MAX_LAYERS} rows")
            for row in self.latent:
                check_vector(row, "projected w", MAX_LATENT)
            if len({len(r) for r in self.latent}) != 1 or not self.latent[0]:
                raise ValueError("the rows of a w+ latent must all have the same, non-zero length")
        else:
            check_vector(self.latent, f"projected {self.space}", MAX_LATENT)
            if not self.latent:
                raise ValueError(f"projected {self.space} is empty")

    @property
    def rows(self) -> tuple[tuple[float, ...], ...]:
        """As ws rows: [num_ws][w_dim] for 'w+', one row for 'w' (the renderer repeats it on every layer)."""
        return self.latent if self.space == "w+" else (self.latent,)

    @property
    def dim(self) -> int:
        return len(self.rows[0])


@dataclass(frozen=True)
class WalkSettings:
    """The latent-walk controls: keyframe seeds (as typed), space, frames per loop, speed, loop, export size."""

    seeds: str = "0,1,2"
    space: str = "w"
    frames: int = 60
    fps: int = 15
    loop: bool = True
    export_side: int = 512

    def __post_init__(self) -> None:
        if not isinstance(self.seeds, str) or len(self.seeds) > 10_000:
            raise ValueError(f"walk seeds must be text such as '0,1,2', not {_short(self.seeds)}")
        if self.space not in WALK_SPACES:
            raise ValueError(f"walk space must be 'z' or 'w', not {_short(self.space)}")
        check_int(self.frames, "walk frames", *WALK_FRAMES_RANGE)
        check_int(self.fps, "walk speed", *WALK_FPS_RANGE)
        check_bool(self.loop, "walk loop")
        check_int(self.export_side, "walk export size", *EXPORT_SIDE_RANGE)
