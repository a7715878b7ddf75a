"""What the user chose in the Explore tab, as one immutable value, and the request it renders.

The state is the single source of truth: widgets show it, edits replace it, a saved state file is
its JSON form (the one schema, written and read in :mod:`.state_json`), and ``build_request`` turns it
(with a few facts about the loaded model) into the core ``RenderRequest``, which has no file form of its
own. The values it is made of, and their bounds, are in :mod:`.explorer_values`.

API for the features that build on it (directions, projection):

- ``w_edits``: :class:`DirectionEdit` (component, sigmas, layer_start, layer_end, set_name), several at
  once, one per (set_name, component). ``set_name`` "pca" names the model's principal components
  (``ModelFacts.directions``, recomputed at each load, kept by index so a PCA whose signs differ still
  matches); any other name is one of ``direction_sets``.
- ``direction_sets``: :class:`NamedDirections` (name, method 'pca'|'sefa'|'labels'|'file', unit
  vectors, sigmas, layer range), at most 64 sets of 64 directions of 4096 numbers, saved in state files.
  ``ExplorerController.add_direction_set`` / ``set_direction_edit`` / ``remove_direction_set``.
- ``projected``: a :class:`ProjectedLatent` ('w+' [num_ws][w_dim], 'w' [w_dim] or 'z' [z_dim]) with
  ``source = ('projected', space)``: the picture starts from it instead of the seed, and truncation,
  noise, mixing, directions and exports act on top of it (``ExplorerController.set_projected``). A 'z'
  becomes the request's ``z`` (the z sliders still add to it), a 'w'/'w+' its ``w``.
- ``source``: () typed seed, ('pad',), ('arith', a, b, c), ('walk', frame, frames, seeds, space) or
  ('projected', space).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ganexplorer.app.explorer_values import (
    DIRECTION_METHODS,
    EXPORT_SIDE_RANGE,
    MAX_ABLATED_LAYERS,
    MAX_CHANNELS,
    MAX_DIM,
    MAX_DIRECTION_SETS,
    MAX_EDITS,
    MAX_LAYERS,
    MAX_SEED,
    NOISE_STRENGTH_RANGE,
    PCA,
    PROJECTED_SPACES,
    PSI_RANGE,
    VIEWS,
    W_SIGMA_RANGE,
    WALK_FPS_RANGE,
    WALK_FRAMES_RANGE,
    WALK_SPACES,
    Z_SLIDER_RANGE,
    DirectionEdit,
    NamedDirections,
    ProjectedLatent,
    WalkSettings,
    check_bool,
    check_count,
    check_int,
    check_layers,
    check_number,
    check_vector,
    check_zoom,
)
from ganexplorer.core.render.directions import Directions
from ganexplorer.core.render.request import RenderRequest, WEdit, check_noise_mode

__all__ = ["DIRECTION_METHODS", "EXPORT_SIDE_RANGE", "MAX_DIM", "MAX_LAYERS", "MAX_SEED", "NOISE_STRENGTH_RANGE",
           "PCA", "PROJECTED_SPACES", "PSI_RANGE", "VIEWS", "W_SIGMA_RANGE", "WALK_FPS_RANGE", "WALK_FRAMES_RANGE",
           "WALK_SPACES", "Z_SLIDER_RANGE", "DirectionEdit", "ExplorerState", "ModelFacts", "NamedDirections",
           "ProjectedLatent", "WalkSettings", "build_request"]


@dataclass(frozen=True)
class ModelFacts:
    """What ``build_request`` and the controller need to know about the loaded model."""

    z_dim: int = 0
    num_ws: int = 0
    c_dim: int = 0
    style_based: bool = False
    layers: tuple[str, ...] = ()          # feature layers in forward order (ablations are kept in it)
    directions: Directions | None = None  # principal directions of w, once computed
    w_dim: int = 0                        # 0: unknown (direction sets are then not checked against it)


@dataclass(frozen=True)
class ExplorerState:
    """Every choice the Explore tab offers (see the module docstring for ``source``, edits and projection)."""

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
    direction_sets: tuple[NamedDirections, ...] = ()
    projected: ProjectedLatent | None = None

    def __post_init__(self) -> None:
        """Every state is one the controls can show and the model can use: a hand-edited or hostile file is
        refused here, with one ValueError, before any widget or the controller sees it."""
        check_noise_mode(self.noise_mode)
        for name in ("seed", "noise_seed", "mix_seed"):
            check_int(getattr(self, name), name, 0, MAX_SEED)
        if self.label is not None:
            check_int(self.label, "label", 0, MAX_SEED)
        check_bool(self.force_fp32, "force_fp32")
        check_bool(self.mix_on, "mix_on")
        check_number(self.psi, "psi", *PSI_RANGE)
        check_number(self.noise_strength, "noise strength", *NOISE_STRENGTH_RANGE)
        for name in ("cutoff", "mix_start", "mix_end", "w_start", "w_end"):
            check_int(getattr(self, name), name, 0, MAX_LAYERS)
        check_count(self.z_offsets, MAX_DIM, "z sliders")
        for i, amount in self.z_offsets:
            check_int(i, "z slider index", 0, MAX_DIM - 1)
            check_number(amount, "z slider value", *Z_SLIDER_RANGE)
        check_count(self.w_edits, MAX_EDITS, "w edits")
        for e in self.w_edits:
            if not isinstance(e, DirectionEdit):
                raise ValueError("a w edit names a direction set, a direction and an amount")
        check_count(self.legacy_w_edits, MAX_EDITS, "w edits")
        for legacy in self.legacy_w_edits:
            check_vector(legacy.direction, "w edit direction")
            check_number(legacy.amount, "w edit amount")
            check_layers(legacy.layer_start, legacy.layer_end)
        check_count(self.blend, MAX_EDITS, "blend seeds")
        for seed, weight in self.blend:
            check_int(seed, "blend seed", 0, MAX_SEED)
            check_number(weight, "blend weight", -1e3, 1e3)
        if self.z is not None:
            check_vector(self.z, "z", 1e3)
        if len(self.arith) != 3:
            raise ValueError(f"A - B + C takes three seeds, not {len(self.arith)}")
        for seed in self.arith:
            check_int(seed, "A - B + C seed", 0, MAX_SEED)
        check_count(self.ablations, MAX_ABLATED_LAYERS, "switched-off layers")
        for name, channels in self.ablations:
            if not isinstance(name, str) or len(name) > 200:
                raise ValueError(f"a switched-off layer is named by text, not {name!r:.40}")
            check_count(channels, MAX_CHANNELS, f"switched-off channels of {name}")
            for c in channels:
                check_int(c, "switched-off channel", 0, MAX_CHANNELS - 1)
        if not isinstance(self.walk, WalkSettings):
            raise ValueError("walk settings are missing")
        check_int(self.view, "view", 0, VIEWS - 1)
        check_zoom(self.zoom)
        check_count(self.direction_sets, MAX_DIRECTION_SETS, "direction sets")
        names = [d.name for d in self.direction_sets if isinstance(d, NamedDirections)]
        if len(names) != len(self.direction_sets) or len(set(names)) != len(names) or PCA in names:
            raise ValueError("direction sets need different names, none of them 'pca'")
        if self.projected is not None and not isinstance(self.projected, ProjectedLatent):
            raise ValueError("a projected latent needs its space and numbers")

    def with_(self, **changes: Any) -> ExplorerState:
        return replace(self, **changes)


def build_request(state: ExplorerState, facts: ModelFacts) -> RenderRequest:
    """The picture the state asks for, on the model ``facts`` describes (a pure function)."""
    edits = _edit_vectors(state, facts) + list(state.legacy_w_edits)
    mix = state.mix_on and facts.style_based
    z, w = state.z, None
    p = state.projected
    if p is not None and not state.blend:
        if p.space == "z":
            z = p.latent
        else:
            w = p.rows
    return RenderRequest(
        seed=state.seed, z=z, w=w, w_blend=state.blend, ablations=state.ablations,
        z_offsets=tuple((i, v) for i, v in state.z_offsets if i < facts.z_dim and v != 0),
        w_edits=tuple(edits), psi=state.psi, cutoff=state.cutoff or None,
        noise_mode=state.noise_mode, noise_strength=state.noise_strength, noise_seed=state.noise_seed,
        mix_seed=state.mix_seed if mix else None, mix_start=state.mix_start, mix_end=state.mix_end,
        label=state.label if facts.c_dim else None, force_fp32=state.force_fp32)


def _edit_vectors(state: ExplorerState, facts: ModelFacts) -> list[WEdit]:
    """Each edit as a move along a vector; edits whose set or direction the model does not have are left out."""
    sets = {s.name: s for s in state.direction_sets}
    out = []
    for e in state.w_edits:
        if e.sigmas == 0:
            continue
        if e.set_name == PCA:
            d = facts.directions
            if d is None or e.component >= len(d.vectors):
                continue
            vector, sigma = d.vectors[e.component], d.sigmas[e.component]
        else:
            s = sets.get(e.set_name)
            if s is None or e.component >= len(s) or (facts.w_dim and s.w_dim != facts.w_dim):
                continue
            vector, sigma = s.vectors[e.component], s.sigmas[e.component]
        out.append(WEdit(vector, e.sigmas * sigma, e.layer_start, e.layer_end))
    return out
