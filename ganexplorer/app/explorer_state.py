"""What the user chose in the Explore tab, as one immutable value, and the request it renders.

The state is the single source of truth: widgets show it, edits replace it, a saved state file is
its JSON form, and ``build_request`` turns it (with a few facts about the loaded model) into the
core ``RenderRequest``. w-direction edits are kept as (component index, amount in sigma, layers),
never as direction vectors, so they survive a recomputed PCA whose signs differ.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

from ganexplorer.core.models.stylegan2 import NOISE_MODES
from ganexplorer.core.render.directions import Directions
from ganexplorer.core.render.request import RenderRequest, WEdit

STATE_VERSION = 2          # 1: the file held a RenderRequest; 2: it holds an ExplorerState
WALK_SPACES = ("w", "z")


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
        if self.noise_mode not in NOISE_MODES:
            raise ValueError(f"noise mode must be one of {', '.join(NOISE_MODES)}, not {self.noise_mode!r}")
        if self.walk.space not in WALK_SPACES:
            raise ValueError(f"walk space must be 'z' or 'w', not {self.walk.space!r}")

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
            "ablations": lambda v: tuple((str(n), tuple(int(c) for c in ch)) for n, ch in v),
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
        """A version-1 file's request as a state; its w edits wait in ``legacy_w_edits`` for the directions."""
        start = req.w_edits[0].layer_start if req.w_edits else 0
        end = req.w_edits[0].layer_end if req.w_edits else None
        return cls(seed=req.seed, label=req.label, force_fp32=req.force_fp32, psi=req.psi, cutoff=req.cutoff or 0,
                   noise_mode=req.noise_mode, noise_strength=req.noise_strength, noise_seed=req.noise_seed,
                   mix_on=req.mix_seed is not None, mix_seed=req.mix_seed if req.mix_seed is not None else 1,
                   mix_start=req.mix_start, mix_end=req.mix_end if req.mix_end is not None else 0,
                   z_offsets=req.z_offsets, legacy_w_edits=req.w_edits, w_start=start,
                   w_end=end if end is not None else 0, blend=req.w_blend, z=req.z, ablations=req.ablations,
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
        return state
    if version == STATE_VERSION:
        return ExplorerState.from_dict(data["state"])
    raise ValueError(f"unknown state file version {version!r}")


def state_file(state: ExplorerState, checkpoint: str | None) -> dict[str, Any]:
    """The JSON of a saved state file: version, the checkpoint it was made on, the state."""
    return {"ganexplorer_state": STATE_VERSION, "checkpoint": checkpoint, "state": state.to_dict()}


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
