"""What the user chose in the Explore tab, as one immutable value, and the request it renders.

The state is the single source of truth: widgets show it, edits replace it, a saved state file is
its JSON form, and ``build_request`` turns it (with a few facts about the loaded model) into the
core ``RenderRequest``. w-direction edits are kept as (component index, amount in sigma, layers),
never as direction vectors, so they survive a recomputed PCA whose signs differ.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, replace
from typing import Any

from ganexplorer.core.models.stylegan2 import NOISE_MODES
from ganexplorer.core.render.directions import Directions
from ganexplorer.core.render.request import RenderRequest, WEdit

STATE_VERSION = 2          # 1: the file held a RenderRequest; 2: it holds an ExplorerState
WALK_SPACES = ("w", "z")

# What the controls can say; the widgets take their ranges from here, and a state outside them is refused.
MAX_SEED = 2 ** 31 - 1
PSI_RANGE = (-1.0, 2.0)
NOISE_STRENGTH_RANGE = (0.0, 3.0)
Z_SLIDER_RANGE = (-3.0, 3.0)
W_SIGMA_RANGE = (-5.0, 5.0)
WALK_FRAMES_RANGE = (2, 2000)
WALK_FPS_RANGE = (1, 60)
EXPORT_SIDE_RANGE = (16, 4096)
VIEWS = 4                  # image, variation, mixing grid, layers
MAX_LAYERS = 64            # more ws than any StyleGAN2 has (1024²: 18); also "through the last layer"
MAX_DIM = 1 << 16          # more latent dimensions / channels than any generator here has


@dataclass(frozen=True)
class DirectionEdit:
    """Move w by ``sigmas`` standard deviations along principal component ``component`` on ws [start, end)."""

    component: int
    sigmas: float
    layer_start: int = 0
    layer_end: int | None = None


@dataclass(frozen=True)
class WalkSettings:
    """The latent-walk controls: keyframe seeds (as typed), space, frames per loop, speed, loop, export size."""

    seeds: str = "0,1,2"
    space: str = "w"
    frames: int = 60
    fps: int = 15
    loop: bool = True
    export_side: int = 512


@dataclass(frozen=True)
class ModelFacts:
    """What ``build_request`` and the controller need to know about the loaded model."""

    z_dim: int = 0
    num_ws: int = 0
    c_dim: int = 0
    style_based: bool = False
    layers: tuple[str, ...] = ()          # feature layers in forward order (ablations are kept in it)
    directions: Directions | None = None  # principal directions of w, once computed


@dataclass(frozen=True)
class ExplorerState:
    """Every choice the Explore tab offers. ``source`` says how ``blend`` / ``z`` came about:
    () typed seed, ('pad',), ('arith', a, b, c) or ('walk', frame, frames, seeds, space)."""

    seed: int = 0
    label: int | None = None
    force_fp32: bool = False
    psi: float = 1.0
    cutoff: int = 0                       # 0 = truncate every layer
    noise_mode: str = "const"
    noise_strength: float = 1.0
    noise_seed: int = 0
    mix_on: bool = False
    mix_seed: int = 1
    mix_start: int = 0
    mix_end: int = 0
    z_offsets: tuple[tuple[int, float], ...] = ()
    w_edits: tuple[DirectionEdit, ...] = ()
    w_start: int = 0
    w_end: int = 0
    legacy_w_edits: tuple[WEdit, ...] = ()   # from a version-1 file, until the directions are known
    blend: tuple[tuple[int, float], ...] = ()
    z: tuple[float, ...] | None = None
    source: tuple = ()
    arith: tuple[int, int, int] = (1, 2, 3)
    ablations: tuple[tuple[str, tuple[int, ...]], ...] = ()
    walk: WalkSettings = field(default_factory=WalkSettings)
    view: int = 0                         # which view tab: image, variation, grid, layers
    zoom: int | str = "fit"               # "fit" or a whole factor (1, 2), as ImageView takes it

    def __post_init__(self) -> None:
        """Every state is one the controls can show: a hand-edited or hostile file is refused here, with one
        ValueError, before any widget or the controller sees it."""
        if self.noise_mode not in NOISE_MODES:
            raise ValueError(f"noise mode must be one of {', '.join(NOISE_MODES)}, not {self.noise_mode!r}")
        for name in ("seed", "noise_seed", "mix_seed"):
            _check_int(getattr(self, name), name, 0, MAX_SEED)
        if self.label is not None:
            _check_int(self.label, "label", 0, MAX_SEED)
        _check_bool(self.force_fp32, "force_fp32")
        _check_bool(self.mix_on, "mix_on")
        _check_number(self.psi, "psi", *PSI_RANGE)
        _check_number(self.noise_strength, "noise strength", *NOISE_STRENGTH_RANGE)
        for name in ("cutoff", "mix_start", "mix_end", "w_start", "w_end"):
            _check_int(getattr(self, name), name, 0, MAX_LAYERS)
        for i, amount in self.z_offsets:
            _check_int(i, "z slider index", 0, MAX_DIM)
            _check_number(amount, "z slider value", *Z_SLIDER_RANGE)
        for e in self.w_edits:
            _check_int(e.component, "w component", 0, MAX_DIM)
            _check_number(e.sigmas, "w slider value", *W_SIGMA_RANGE)
            _check_layers(e.layer_start, e.layer_end)
        for e in self.legacy_w_edits:
            _check_vector(e.direction, "w edit direction")
            _check_number(e.amount, "w edit amount")
            _check_layers(e.layer_start, e.layer_end)
        for seed, weight in self.blend:
            _check_int(seed, "blend seed", 0, MAX_SEED)
            _check_number(weight, "blend weight")
        if self.z is not None:
            _check_vector(self.z, "z")
        if len(self.arith) != 3:
            raise ValueError(f"A - B + C takes three seeds, not {len(self.arith)}")
        for seed in self.arith:
            _check_int(seed, "A - B + C seed", 0, MAX_SEED)
        for name, channels in self.ablations:
            if not isinstance(name, str):
                raise ValueError(f"a switched-off layer is named by text, not {name!r}")
            for c in channels:
                _check_int(c, "switched-off channel", 0, MAX_DIM)
        _check_walk(self.walk)
        _check_int(self.view, "view", 0, VIEWS - 1)
        _zoom(self.zoom)

    def with_(self, **changes: Any) -> ExplorerState:
        return replace(self, **changes)

    # -- JSON ------------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: the body of a version-2 state file."""
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d["z_offsets"] = [list(p) for p in self.z_offsets]
        d["w_edits"] = [vars(e).copy() for e in self.w_edits]
        d["legacy_w_edits"] = [dict(direction=list(e.direction), amount=e.amount, layer_start=e.layer_start,
                                    layer_end=e.layer_end) for e in self.legacy_w_edits]
        d["blend"] = [list(p) for p in self.blend]
        d["z"] = None if self.z is None else list(self.z)
        d["source"] = _jsonable(self.source)
        d["arith"] = list(self.arith)
        d["ablations"] = [[name, list(ch)] for name, ch in self.ablations]
        d["walk"] = vars(self.walk).copy()
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ExplorerState:
        """Inverse of ``to_dict``; unknown keys are ignored, missing ones take their defaults."""
        d = {k: v for k, v in dict(d).items() if k in cls.__dataclass_fields__}
        conv = {
            "z_offsets": lambda v: tuple((int(i), float(a)) for i, a in v),
            "w_edits": lambda v: tuple(DirectionEdit(int(e["component"]), float(e["sigmas"]),
                                                     int(e.get("layer_start", 0)), _opt_int(e.get("layer_end")))
                                       for e in v),
            "legacy_w_edits": lambda v: _wedits(v),
            "blend": lambda v: tuple((int(s), float(w)) for s, w in v),
            "z": lambda v: None if v is None else tuple(float(x) for x in v),
            "source": _source,
            "arith": lambda v: tuple(int(x) for x in v)[:3],
            "ablations": lambda v: tuple((n, tuple(int(c) for c in ch)) for n, ch in v),
            "walk": lambda v: WalkSettings(**{k: x for k, x in dict(v).items()
                                              if k in WalkSettings.__dataclass_fields__}),
            "label": _opt_int,
            "zoom": _zoom,
        }
        for key, fn in conv.items():
            if key in d:
                d[key] = fn(d[key])
        for f in fields(cls):   # plain numbers and switches: a file's "seed": "7" or "psi": [] is no state
            default = f.default
            if f.name in d and f.name not in conv and isinstance(default, (bool, int, float)):
                d[f.name] = _plain(type(default), d[f.name], f.name)
        return cls(**d)

    @classmethod
    def from_request(cls, req: RenderRequest, zoom: int | str = "fit") -> ExplorerState:
        """A version-1 file's request as a state; its w edits wait in ``legacy_w_edits`` for the directions.
        "Through the last layer" becomes :data:`MAX_LAYERS`, which the controller clamps to the model's."""
        start = req.w_edits[0].layer_start if req.w_edits else 0
        end = req.w_edits[0].layer_end if req.w_edits else None   # None: through the last layer
        return cls(seed=req.seed, label=req.label, force_fp32=req.force_fp32, psi=req.psi, cutoff=req.cutoff or 0,
                   noise_mode=req.noise_mode, noise_strength=req.noise_strength, noise_seed=req.noise_seed,
                   mix_on=req.mix_seed is not None, mix_seed=req.mix_seed if req.mix_seed is not None else 1,
                   mix_start=req.mix_start, mix_end=req.mix_end if req.mix_end is not None else MAX_LAYERS,
                   z_offsets=req.z_offsets, legacy_w_edits=req.w_edits, w_start=start,
                   w_end=end if end is not None else MAX_LAYERS, blend=req.w_blend, z=req.z, ablations=req.ablations,
                   zoom=_zoom(zoom))


def build_request(state: ExplorerState, facts: ModelFacts) -> RenderRequest:
    """The picture the state asks for, on the model ``facts`` describes (a pure function)."""
    edits: list[WEdit] = []
    d = facts.directions
    if d is not None:
        edits = [WEdit(d.vectors[e.component], e.sigmas * d.sigmas[e.component], e.layer_start, e.layer_end)
                 for e in state.w_edits if e.component < len(d.vectors) and e.sigmas != 0]
    edits += state.legacy_w_edits
    mix = state.mix_on and facts.style_based
    return RenderRequest(
        seed=state.seed, z=state.z, w_blend=state.blend, ablations=state.ablations,
        z_offsets=tuple((i, v) for i, v in state.z_offsets if i < facts.z_dim and v != 0),
        w_edits=tuple(edits), psi=state.psi, cutoff=state.cutoff or None,
        noise_mode=state.noise_mode, noise_strength=state.noise_strength, noise_seed=state.noise_seed,
        mix_seed=state.mix_seed if mix else None, mix_start=state.mix_start, mix_end=state.mix_end,
        label=state.label if facts.c_dim else None, force_fp32=state.force_fp32)


def state_from_file(data: dict[str, Any], current: ExplorerState | None = None) -> ExplorerState:
    """The state in a saved file's JSON, version 1 or 2; ValueError/KeyError/TypeError if it is none.

    A version-1 file held only a request: what it never had (walk, A - B + C seeds, view tab) is
    taken from ``current``, so opening it changes those no more than it used to."""
    if not isinstance(data, dict):
        raise ValueError("not a state file")
    version = data.get("ganexplorer_state")
    if version == 1:
        state = ExplorerState.from_request(RenderRequest.from_dict(data["request"]), data.get("zoom", "fit"))
        if current is not None:
            state = replace(state, walk=current.walk, arith=current.arith, view=current.view)
            if not state.legacy_w_edits:   # the file says no w range: the sliders keep theirs
                state = replace(state, w_start=current.w_start, w_end=current.w_end)
        return state
    if version == STATE_VERSION:
        return ExplorerState.from_dict(data["state"])
    raise ValueError(f"unknown state file version {version!r}")


def state_file(state: ExplorerState, checkpoint: str | None) -> dict[str, Any]:
    """The JSON of a saved state file: version, the checkpoint it was made on, the state."""
    return {"ganexplorer_state": STATE_VERSION, "checkpoint": checkpoint, "state": state.to_dict()}


def _check_int(v: Any, name: str, low: int, high: int) -> None:
    if isinstance(v, bool) or not isinstance(v, int) or not low <= v <= high:
        raise ValueError(f"{name} must be a whole number in {low}..{high}, not {v!r}")


def _check_bool(v: Any, name: str) -> None:
    if not isinstance(v, bool):
        raise ValueError(f"{name} must be true or false, not {v!r}")


def _check_number(v: Any, name: str, low: float = -math.inf, high: float = math.inf) -> None:
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or not low <= v <= high:
        where = "" if math.isinf(low) and math.isinf(high) else f" in [{low:g}, {high:g}]"
        raise ValueError(f"{name} must be a finite number{where}, not {v!r}")


def _check_vector(v: Any, name: str) -> None:
    if len(v) > MAX_DIM:
        raise ValueError(f"{name} has {len(v)} entries, more than any generator takes")
    # Whole-vector checks, not one call per entry: a state with a 512-d z is remade on every slider step.
    if not set(map(type, v)) <= {float, int} or not all(map(math.isfinite, v)):
        bad = next(x for x in v if type(x) not in (float, int) or not math.isfinite(x))
        raise ValueError(f"{name} must hold finite numbers, not {bad!r}")


def _check_layers(start: Any, end: Any) -> None:
    _check_int(start, "layer range start", 0, MAX_LAYERS)
    if end is not None:
        _check_int(end, "layer range end", 0, MAX_LAYERS)


def _check_walk(w: WalkSettings) -> None:
    if not isinstance(w.seeds, str) or len(w.seeds) > 10_000:
        raise ValueError(f"walk seeds must be text such as '0,1,2', not {w.seeds!r}")
    if w.space not in WALK_SPACES:
        raise ValueError(f"walk space must be 'z' or 'w', not {w.space!r}")
    _check_int(w.frames, "walk frames", *WALK_FRAMES_RANGE)
    _check_int(w.fps, "walk speed", *WALK_FPS_RANGE)
    _check_bool(w.loop, "walk loop")
    _check_int(w.export_side, "walk export size", *EXPORT_SIDE_RANGE)


def _zoom(v: Any) -> int | str:
    if v == "fit" or (isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 16):
        return v
    raise ValueError(f"zoom must be 'fit' or a whole factor 1..16, not {v!r}")


def _plain(kind: type, v: Any, name: str) -> Any:
    """``v`` as a bool / int / float field, refusing strings, lists and (for numbers) bools."""
    if kind is bool:
        if isinstance(v, bool):
            return v
    elif isinstance(v, (int, float)) and not isinstance(v, bool) and (kind is float or float(v).is_integer()):
        return kind(v)
    raise ValueError(f"{name} must be a {kind.__name__}, not {v!r}")


def _opt_int(v: Any) -> int | None:
    return None if v is None else int(v)


def _wedits(v: Any) -> tuple[WEdit, ...]:
    return tuple(WEdit(tuple(float(x) for x in e["direction"]), float(e["amount"]), int(e.get("layer_start", 0)),
                       _opt_int(e.get("layer_end"))) for e in v)


def _jsonable(v: Any) -> Any:
    return [_jsonable(x) for x in v] if isinstance(v, (tuple, list)) else v


def _all_ints(xs: Any) -> bool:
    return all(isinstance(x, int) and not isinstance(x, bool) for x in xs)


def _source(v: Any) -> tuple:
    """How a blend came about, as captions read it: (), ('pad',), ('arith', a, b, c), ('walk', k, n, seeds, space)."""
    v = list(v)
    ints = _all_ints
    if v in ([], ["pad"]):
        return tuple(v)
    if len(v) == 4 and v[0] == "arith" and ints(v[1:]):
        return tuple(v)
    if (len(v) == 5 and v[0] == "walk" and ints(v[1:3]) and isinstance(v[3], list) and ints(v[3])
            and v[4] in WALK_SPACES):
        return ("walk", v[1], v[2], tuple(v[3]), v[4])
    raise ValueError(f"unknown picture source {v!r}")
