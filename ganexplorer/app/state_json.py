"""Reading a state file's JSON: each value must already be of its field's type, and every list is bounded
before it is walked, so a crafted file (1e400 in an integer field, 10^7 z offsets) is one ValueError.

Version-1 files (a saved RenderRequest) are converted here, once, at load (:func:`v1_request`).
"""

from __future__ import annotations

import math
from typing import Any

from ganexplorer.app.explorer_values import (
    MAX_ABLATED_LAYERS,
    MAX_CHANNELS,
    MAX_DIM,
    MAX_EDITS,
    MAX_LAYERS,
    MAX_SET_DIRECTIONS,
    PCA,
    DirectionEdit,
    NamedDirections,
    ProjectedLatent,
)
from ganexplorer.core.render.request import RenderRequest, WEdit


def v1_request(d: Any) -> RenderRequest:
    """A version-1 file's request body, checked as strictly as a version-2 state (no float seeds, no 1e400)."""
    d = dict(obj(d))
    known = RenderRequest.__dataclass_fields__
    d = {k: v for k, v in d.items() if k in known and k != "w"}
    ints = {"seed", "noise_seed", "mix_start"}
    for k in ints & d.keys():
        d[k] = whole(d[k])
    for k in ("cutoff", "mix_seed", "mix_end", "label"):
        if d.get(k) is not None:
            d[k] = whole(d[k])
    for k in ("psi", "noise_strength"):
        if k in d:
            d[k] = num(d[k])
    if d.get("z") is not None:
        d["z"] = floats(d["z"])
    d["z_offsets"] = tuple((whole(i), num(v)) for i, v in pairs(d.get("z_offsets", ()), MAX_DIM))
    d["w_edits"] = wedits(d.get("w_edits", ()))
    d["w_blend"] = tuple((whole(s), num(w)) for s, w in pairs(d.get("w_blend", ()), MAX_EDITS))
    d["ablations"] = tuple((str(n), tuple(whole(c) for c in items(ch, MAX_CHANNELS)))
                           for n, ch in pairs(d.get("ablations", ()), MAX_ABLATED_LAYERS))
    return RenderRequest(**d)


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


def edit(e: Any) -> DirectionEdit:
    e = obj(e)
    end = e.get("layer_end")
    return DirectionEdit(whole(e["component"]), num(e["sigmas"]), whole(e.get("layer_start", 0)),
                         None if end is None else whole(end), e.get("set_name", PCA))


def named(v: Any) -> NamedDirections:
    v = obj(v)
    vectors = tuple(floats(row) for row in items(v["vectors"], MAX_SET_DIRECTIONS))
    return NamedDirections(v["name"], v["method"], vectors, floats(v["sigmas"], MAX_SET_DIRECTIONS),
                           whole(v.get("layer_start", 0)), whole(v.get("layer_end", MAX_LAYERS)))


def projected(v: Any) -> ProjectedLatent:
    v = obj(v)
    space, latent = v.get("space"), v.get("latent")
    if space == "w+":
        return ProjectedLatent(space, tuple(floats(row) for row in items(latent, MAX_LAYERS)))
    return ProjectedLatent(space, floats(latent))


def plain(kind: type, v: Any, name: str) -> Any:
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


def wedits(v: Any) -> tuple[WEdit, ...]:
    out = []
    for e in items(v, MAX_EDITS):
        e = obj(e)
        end = e.get("layer_end")
        out.append(WEdit(floats(e["direction"]), num(e["amount"]), whole(e.get("layer_start", 0)),
                         None if end is None else whole(end)))
    return tuple(out)
