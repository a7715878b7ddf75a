"""Version-1 explorer state files as the window wrote them before the state was a model: a ``RenderRequest``
field by field. The app only reads them (``app.state_json`` converts one once, at load); tests write one, or
read a fixture's saved request to compare it with the request the opened state makes today."""

from __future__ import annotations

from typing import Any

from ganexplorer.core.render.request import RenderRequest, WEdit


def v1_body(req: RenderRequest) -> dict[str, Any]:
    """The ``"request"`` of a version-1 file holding ``req`` (JSON-ready)."""
    return dict(seed=req.seed, z=None if req.z is None else list(req.z), z_offsets=[list(p) for p in req.z_offsets],
                w_edits=[dict(direction=list(e.direction), amount=e.amount, layer_start=e.layer_start,
                              layer_end=e.layer_end) for e in req.w_edits],
                psi=req.psi, cutoff=req.cutoff, noise_mode=req.noise_mode, noise_strength=req.noise_strength,
                noise_seed=req.noise_seed, force_fp32=req.force_fp32, mix_seed=req.mix_seed,
                mix_start=req.mix_start, mix_end=req.mix_end, label=req.label,
                w_blend=[list(p) for p in req.w_blend], ablations=[[n, list(ch)] for n, ch in req.ablations])


def v1_request(d: dict[str, Any]) -> RenderRequest:
    """The request a version-1 file's ``"request"`` held."""
    d = dict(d)
    d.pop("w", None)
    if d.get("z") is not None:
        d["z"] = tuple(float(v) for v in d["z"])
    d["z_offsets"] = tuple((int(i), float(v)) for i, v in d.get("z_offsets", ()))
    d["w_edits"] = tuple(WEdit(tuple(float(v) for v in e["direction"]), float(e["amount"]),
                               int(e.get("layer_start", 0)), e.get("layer_end")) for e in d.get("w_edits", ()))
    d["w_blend"] = tuple((int(s), float(w)) for s, w in d.get("w_blend", ()))
    d["ablations"] = tuple((str(n), tuple(int(c) for c in ch)) for n, ch in d.get("ablations", ()))
    return RenderRequest(**d)
