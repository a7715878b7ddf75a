"""The explorer state file: the one schema, version 2 (the ExplorerState field by field), written and read here.

Reading is strict: each value must already be of its field's type, and every list is bounded before it is
walked, so a crafted file (1e400 in an integer field, 10^7 z offsets) is one ValueError. A version-1 file (it
held a ``RenderRequest``) is converted here, once, at load, into the version-2 body and read by the same
reader (:func:`_v1_body`); nothing else in the app knows version 1, and a request has no JSON of its own.
"""

from __future__ import annotations

import math
from dataclasses import fields, replace
from typing import Any

from ganexplorer.app.explorer_state import ExplorerState
from ganexplorer.app.explorer_values import (
    MAX_ABLATED_LAYERS,
    MAX_CHANNELS,
    MAX_DIM,
    MAX_DIRECTION_SETS,
    MAX_EDITS,
    MAX_LAYERS,
    MAX_SET_DIRECTIONS,
    PCA,
    PROJECTED_SPACES,
    WALK_SPACES,
    DirectionEdit,
    NamedDirections,
    ProjectedLatent,
    WalkSettings,
    check_zoom,
)
from ganexplorer.core.render.request import WEdit

__all__ = ["STATE_VERSION", "state_file", "state_from_dict", "state_from_file", "state_to_dict"]

STATE_VERSION = 2          # 1: the file held a RenderRequest; 2: it holds an ExplorerState

# A version-1 request's fields that a state holds under the same name and meaning (the rest are renamed below).
_V1_SAME = ("seed", "z", "z_offsets", "psi", "noise_mode", "noise_strength", "noise_seed", "force_fp32",
            "mix_start", "label", "ablations")


def state_file(state: ExplorerState, checkpoint: str | None) -> dict[str, Any]:
    """The JSON of a saved state file: version, the checkpoint it was made on, the state."""
    return {"ganexplorer_state": STATE_VERSION, "checkpoint": checkpoint, "state": state_to_dict(state)}


def state_from_file(data: Any, current: ExplorerState | None = None) -> ExplorerState:
    """The state in a saved file's JSON, version 1 or 2; ValueError if it is none.

    A version-1 file held only a request: what it never had (walk, A - B + C seeds, view tab) is
    taken from ``current``, so opening it changes those no more than it used to."""
    if not isinstance(data, dict):
        raise ValueError("not a state file")
    version = data.get("ganexplorer_state")
    try:
        if version == 1:
            state = state_from_dict(_v1_body(data["request"], data.get("zoom", "fit")))
            if current is not None:
                state = replace(state, walk=current.walk, arith=current.arith, view=current.view)
                if not state.legacy_w_edits:   # the file says no w range: the sliders keep theirs
                    state = replace(state, w_start=current.w_start, w_end=current.w_end)
            return state
        if version == STATE_VERSION:
            return state_from_dict(data["state"])
    except (KeyError, TypeError, OverflowError, AttributeError, RecursionError) as e:   # a file's wrong shapes
        raise ValueError(f"the state file's fields are not what a state holds ({type(e).__name__})") from None
    raise ValueError(f"unknown state file version {version!r:.40}")


def state_to_dict(state: ExplorerState) -> dict[str, Any]:
    """JSON-ready form: the body of a version-2 state file."""
    d = {f.name: getattr(state, f.name) for f in fields(state)}
    d["z_offsets"] = [list(p) for p in state.z_offsets]
    d["w_edits"] = [vars(e).copy() for e in state.w_edits]
    d["legacy_w_edits"] = [dict(direction=list(e.direction), amount=e.amount, layer_start=e.layer_start,
                                layer_end=e.layer_end) for e in state.legacy_w_edits]
    d["blend"] = [list(p) for p in state.blend]
    d["z"] = None if state.z is None else list(state.z)
    d["source"] = _jsonable(state.source)
    d["arith"] = list(state.arith)
    d["ablations"] = [[name, list(ch)] for name, ch in state.ablations]
    d["walk"] = vars(state.walk).copy()
    d["direction_sets"] = [dict(name=s.name, method=s.method, vectors=_jsonable(s.vectors), sigmas=list(s.sigmas),
                                layer_start=s.layer_start, layer_end=s.layer_end) for s in state.direction_sets]
    d["projected"] = None if state.projected is None else dict(space=state.projected.space,
                                                               latent=_jsonable(state.projected.latent))
    return d


def state_from_dict(d: Any) -> ExplorerState:
    """Inverse of :func:`state_to_dict`; unknown keys are ignored, missing ones take their defaults. Every number
    is taken as its field's type only if it is one ("seed": 1e400 or "7" is refused, never converted)."""
    d = {k: v for k, v in obj(d).items() if k in ExplorerState.__dataclass_fields__}
    conv = {
        "z_offsets": lambda v: tuple((whole(i), num(a)) for i, a in pairs(v, MAX_DIM)),
        "w_edits": lambda v: tuple(_edit(e) for e in items(v, MAX_EDITS)),
        "legacy_w_edits": _wedits,
        "blend": lambda v: tuple((whole(s), num(w)) for s, w in pairs(v, MAX_EDITS)),
        "z": lambda v: None if v is None else floats(v),
        "source": _source,
        "arith": lambda v: tuple(whole(x) for x in items(v, 3)),
        "ablations": lambda v: tuple((n, tuple(whole(c) for c in items(ch, MAX_CHANNELS)))
                                     for n, ch in pairs(v, MAX_ABLATED_LAYERS)),
        "walk": lambda v: WalkSettings(**{k: x for k, x in obj(v).items() if k in WalkSettings.__dataclass_fields__}),
        "label": lambda v: None if v is None else whole(v),
        "zoom": check_zoom,
        "direction_sets": lambda v: tuple(_named(x) for x in items(v, MAX_DIRECTION_SETS)),
        "projected": lambda v: None if v is None else _projected(v),
    }
    for key, fn in conv.items():
        if key in d:
            d[key] = fn(d[key])
    for f in fields(ExplorerState):   # plain numbers and switches: a file's "seed": "7" or "psi": [] is no state
        default = f.default
        if f.name in d and f.name not in conv and isinstance(default, (bool, int, float)):
            d[f.name] = _plain(type(default), d[f.name], f.name)
    return ExplorerState(**d)


def _v1_body(request: Any, zoom: Any) -> dict[str, Any]:
    """A version-1 file's request as the version-2 body of the same state (read by the one strict reader).

    Its w edits (direction vectors) wait in ``legacy_w_edits`` until the model's directions are known; their
    layer range becomes the w range boxes, "through the last layer" (None) :data:`MAX_LAYERS`, which the
    controller clamps to the model's. No mixing seed means mixing off, no cutoff truncating every layer."""
    r = obj(request)
    body = {k: r[k] for k in _V1_SAME if k in r}
    edits = [obj(e) for e in items(r.get("w_edits", []), MAX_EDITS)]
    mix_seed, mix_end = r.get("mix_seed"), r.get("mix_end")
    start = edits[0].get("layer_start", 0) if edits else 0
    end = edits[0].get("layer_end") if edits else None
    body.update(
        cutoff=0 if r.get("cutoff") is None else r["cutoff"], mix_on=mix_seed is not None, mix_seed=1 if mix_seed is None else mix_seed,
        mix_end=MAX_LAYERS if mix_end is None else mix_end, blend=r.get("w_blend", []), legacy_w_edits=edits,
        w_start=start, w_end=MAX_LAYERS if end is None else end, zoom=zoom)
    return body


# -- values, each of its type and bounded --------------------------------------------------------------
def items(v: Any, limit: int) -> list:
    if not isinstance(v, (list, tuple)) or len(v) > limit:
        raise ValueError(f"expected a list of at most {limit} entries")
    return list(v)


def pairs(v: Any, limit: int) -> list:
    out = items(v, limit)
    if not all(isinstance(p, (list, tuple)) and len(p) == 2 for p in out):
        raise ValueError("expected a list of pairs")
    return out


def obj(v: Any) -> dict:
    if not isinstance(v, dict):
        raise ValueError("expected a JSON object")
    return v


def whole(v: Any) -> int:
    """A whole number as JSON says it: 3 or 3.0, never 1e400, 2.5, "3" or true."""
    if isinstance(v, bool) or not isinstance(v, (int, float)) or (isinstance(v, float) and not v.is_integer()):
        raise ValueError(f"expected a whole number, not {v!r:.40}")
    return int(v)


def num(v: Any) -> float:
    """A finite number as JSON says it (an integer too large for a float, 1e400 = inf and NaN are refused)."""
    if isinstance(v, int) and not isinstance(v, bool) and abs(v) < 2 ** 1000:
        return float(v)
    if not isinstance(v, float) or not math.isfinite(v):
        raise ValueError(f"expected a finite number, not {v!r:.40}")
    return v


def floats(v: Any, limit: int = MAX_DIM) -> tuple[float, ...]:
    return tuple(num(x) for x in items(v, limit))


def _plain(kind: type, v: Any, name: str) -> Any:
    """``v`` as a bool / int / float field, refusing strings, lists, 1e400 and (for numbers) bools."""
    if kind is bool:
        if isinstance(v, bool):
            return v
    elif kind is int:
        if isinstance(v, (int, float)) and not isinstance(v, bool) and (isinstance(v, int) or v.is_integer()):
            return int(v)
    elif isinstance(v, (int, float)) and not isinstance(v, bool):
        return num(v)
    raise ValueError(f"{name} must be a {kind.__name__}, not {v!r:.40}")


def _edit(e: Any) -> DirectionEdit:
    e = obj(e)
    end = e.get("layer_end")
    return DirectionEdit(whole(e["component"]), num(e["sigmas"]), whole(e.get("layer_start", 0)),
                         None if end is None else whole(end), e.get("set_name", PCA))


def _wedits(v: Any) -> tuple[WEdit, ...]:
    out = []
    for e in items(v, MAX_EDITS):
        e = obj(e)
        end = e.get("layer_end")
        out.append(WEdit(floats(e["direction"]), num(e["amount"]), whole(e.get("layer_start", 0)),
                         None if end is None else whole(end)))
    return tuple(out)


def _named(v: Any) -> NamedDirections:
    v = obj(v)
    vectors = tuple(floats(row) for row in items(v["vectors"], MAX_SET_DIRECTIONS))
    return NamedDirections(v["name"], v["method"], vectors, floats(v["sigmas"], MAX_SET_DIRECTIONS),
                           whole(v.get("layer_start", 0)), whole(v.get("layer_end", MAX_LAYERS)))


def _projected(v: Any) -> ProjectedLatent:
    v = obj(v)
    space, latent = v.get("space"), v.get("latent")
    if space == "w+":
        return ProjectedLatent(space, tuple(floats(row) for row in items(latent, MAX_LAYERS)))
    return ProjectedLatent(space, floats(latent))


def _jsonable(v: Any) -> Any:
    return [_jsonable(x) for x in v] if isinstance(v, (tuple, list)) else v


def _all_ints(xs: Any) -> bool:
    return all(isinstance(x, int) and not isinstance(x, bool) for x in xs)


def _source(v: Any) -> tuple:
    """How the picture came about, as captions read it: (), ('pad',), ('arith', a, b, c),
    ('walk', k, n, seeds, space), ('projected', space)."""
    v = items(v, 5)
    ints = _all_ints
    if v in ([], ["pad"]):
        return tuple(v)
    if len(v) == 4 and v[0] == "arith" and ints(v[1:]):
        return tuple(v)
    if len(v) == 2 and v[0] == "projected" and v[1] in PROJECTED_SPACES:
        return tuple(v)
    if (len(v) == 5 and v[0] == "walk" and ints(v[1:3]) and isinstance(v[3], list) and len(v[3]) <= 10_000
            and ints(v[3]) and v[4] in WALK_SPACES):
        return ("walk", v[1], v[2], tuple(v[3]), v[4])
    raise ValueError(f"unknown picture source {v!r:.60}")
