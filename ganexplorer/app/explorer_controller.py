"""The Explore tab's controller: holds the current ExplorerState, applies the user's edits, tells views.

Views (the Qt panel, or a mock in the tests) call the edit methods and implement
``ExplorerView.state_changed``; every edit makes a new state, and only a state that differs from
the old one is announced. No Qt here: the controller runs in a plain Python process.

Directions and projection (see :mod:`.explorer_state`): ``add_direction_set(NamedDirections)`` carries a
set (SeFa, labels, a file) in the state; ``set_direction_edit(set_name, index, sigmas)`` moves along one of
its directions (several at once; ``set_edit(component, sigmas)`` is the same for the model's PCA);
``set_projected(space, latent)`` makes a projected latent the picture's start.
"""

from __future__ import annotations

import math

from dataclasses import replace
from collections.abc import Sequence
from typing import Any, Protocol

from ganexplorer.app.explorer_state import (
    PCA,
    DirectionEdit,
    ExplorerState,
    ModelFacts,
    NamedDirections,
    ProjectedLatent,
    build_request,
)
from ganexplorer.core.render.directions import Directions
from ganexplorer.core.render.latents import walk_positions
from ganexplorer.core.render.request import RenderRequest, WEdit
from ganexplorer.core.render.walk import walk_latent

MATCH_TOLERANCE = 1e-4    # a version-1 direction matches a component when 1 - |cos| is below this (under 1°)


class ExplorerView(Protocol):
    def state_changed(self, state: ExplorerState, old: ExplorerState) -> None:
        """Show ``state`` (``old`` is what was shown, to skip work that did not change)."""


class ExplorerController:
    """One explorer's state and the model facts it is interpreted with."""

    def __init__(self, state: ExplorerState | None = None) -> None:
        self._state = state or ExplorerState()
        self.facts = ModelFacts()
        self._views: list[ExplorerView] = []

    @property
    def state(self) -> ExplorerState:
        return self._state

    def add_view(self, view: ExplorerView) -> None:
        self._views.append(view)

    def remove_view(self, view: ExplorerView) -> None:
        self._views.remove(view)

    def request(self) -> RenderRequest:
        """The RenderRequest for the current state on the current model."""
        return build_request(self._state, self.facts)

    def _set(self, new: ExplorerState, always: bool = False) -> None:
        """Make ``new`` current; tell the views if it differs (``always``: the model facts changed)."""
        old, self._state = self._state, new
        if always or new != old:
            for view in list(self._views):
                view.state_changed(new, old)

    # -- plain settings --------------------------------------------------------------------------
    def update(self, **changes: Any) -> None:
        """Change plain fields (psi, cutoff, noise_*, mix_*, label, force_fp32, arith, view, zoom)."""
        self._set(replace(self._state, **changes))

    def set_seed(self, seed: int) -> None:
        """A typed seed replaces any blend, walk frame, custom z or projected latent."""
        self._set(replace(self._state, seed=int(seed), blend=(), z=None, source=(), projected=None))

    def set_psi(self, psi: float) -> None:
        self.update(psi=float(psi))

    # -- z and w sliders -------------------------------------------------------------------------
    def set_z_offset(self, index: int, amount: float) -> None:
        offsets = dict(self._state.z_offsets)
        offsets[int(index)] = float(amount)
        self.update(z_offsets=tuple(sorted((i, v) for i, v in offsets.items() if v != 0)))

    def reset_z(self) -> None:
        self.update(z_offsets=())

    def set_edit(self, component: int, sigmas: float) -> None:
        """The w slider of principal component ``component`` at ``sigmas``, on the current layer range."""
        s = self._state
        self.set_direction_edit(PCA, component, sigmas, s.w_start, s.w_end)

    def set_direction_edit(self, set_name: str, index: int, sigmas: float, layer_start: int | None = None,
                           layer_end: int | None = None) -> None:
        """Move w by ``sigmas`` σ along direction ``index`` of set ``set_name`` (0 removes the edit); the layers
        default to the set's own range within the model's (PCA: the w layer boxes)."""
        s = self._state
        if layer_start is None or layer_end is None:
            start, end = s.w_start, s.w_end
            named = {d.name: d for d in s.direction_sets}.get(set_name)
            if named is not None:
                n = self.facts.num_ws or named.layer_end
                start, end = min(named.layer_start, n), min(named.layer_end, n)
            layer_start = start if layer_start is None else layer_start
            layer_end = end if layer_end is None else layer_end
        edit = DirectionEdit(int(index), float(sigmas), int(layer_start), int(layer_end), set_name)
        edits = {e.key: e for e in s.w_edits}
        edits[edit.key] = edit
        self.update(w_edits=_ordered(e for e in edits.values() if e.sigmas != 0))

    def add_direction_set(self, directions: NamedDirections) -> None:
        """Carry a direction set in the state (a set of the same name is replaced, its edits kept)."""
        if directions.name == PCA:
            raise ValueError("'pca' names the model's own principal components; pick another name")
        if self.facts.w_dim and directions.w_dim != self.facts.w_dim:
            raise ValueError(f"these directions have {directions.w_dim} numbers, this model's w has "
                             f"{self.facts.w_dim}")
        sets = [d for d in self._state.direction_sets if d.name != directions.name] + [directions]
        self.update(direction_sets=tuple(sets))

    def remove_direction_set(self, name: str) -> None:
        """Drop a set and every edit along it."""
        s = self._state
        self.update(direction_sets=tuple(d for d in s.direction_sets if d.name != name),
                    w_edits=tuple(e for e in s.w_edits if e.set_name != name))

    def set_projected(self, space: str, latent: tuple) -> None:
        """Start the picture from a projected latent ('w+' [num_ws][w_dim], 'w' [w_dim], 'z' [z_dim])."""
        if space == "w+":
            latent = tuple(tuple(float(x) for x in row) for row in latent)
        else:
            latent = tuple(float(x) for x in latent)
        p = ProjectedLatent(space, latent)
        f = self.facts
        want = f.z_dim if space == "z" else f.w_dim
        if want and p.dim != want or (space == "w+" and f.num_ws and len(p.latent) != f.num_ws):
            raise ValueError(f"this {space} latent does not fit the loaded model ({f.num_ws} x {f.w_dim} w, "
                             f"{f.z_dim} z)")
        self.update(projected=p, blend=(), z=None, source=("projected", space))

    def set_w_range(self, start: int, end: int) -> None:
        """The layers [start, end) every PCA w edit applies to (other sets keep their own ranges)."""
        s = self._state
        edits = tuple(replace(e, layer_start=int(start), layer_end=int(end)) if e.set_name == PCA else e
                      for e in s.w_edits)
        legacy = tuple(replace(e, layer_start=int(start), layer_end=int(end)) for e in s.legacy_w_edits)
        self.update(w_start=int(start), w_end=int(end), w_edits=edits, legacy_w_edits=legacy)

    def reset_w(self) -> None:
        self.update(w_edits=(), legacy_w_edits=())

    # -- blends, walks, ablations ----------------------------------------------------------------
    def set_blend(self, blend: tuple[tuple[int, float], ...], source: tuple = ("pad",)) -> None:
        """The picture's w is the weighted sum of these seeds' ws (seed grid, A - B + C, a w walk)."""
        self.update(blend=tuple((int(s), float(w)) for s, w in blend), z=None, source=tuple(source), projected=None)

    def show_arithmetic(self) -> None:
        a, b, c = self._state.arith
        self.set_blend(((a, 1.0), (b, -1.0), (c, 1.0)), ("arith", a, b, c))

    def show_walk_frame(self, seeds: Sequence[int], frame: int, frames: int, space: str) -> None:
        """Frame ``frame`` of a ``frames``-long loop through ``seeds`` in ``space`` ('w' or 'z') is the picture:
        a blend of two seeds' ws, or their slerped z (the state holds the latent; no request travels back)."""
        seeds = tuple(int(s) for s in seeds)
        i, j, t = walk_positions(len(seeds), frames)[(frame - 1) % frames]
        blend, z = walk_latent(seeds, i, j, t, space, self.facts.z_dim)
        self.update(blend=blend, z=z, source=("walk", int(frame), int(frames), seeds, space), projected=None)

    def set_walk_frame(self, req: RenderRequest, source: tuple) -> None:
        """A walk frame given as a request (``core.render.walk.walk_request``): its blend or z. The older way;
        :meth:`show_walk_frame` takes the walk's position instead."""
        self.update(blend=req.w_blend, z=req.z, source=tuple(source), projected=None)

    def set_walk(self, **changes: Any) -> None:
        self.update(walk=replace(self._state.walk, **changes))

    def set_ablation(self, layer: str, channels: tuple[int, ...]) -> None:
        """Switch off ``channels`` of ``layer`` (empty: switch it back on); kept in forward layer order."""
        abl = dict(self._state.ablations)
        if channels:
            abl[layer] = tuple(sorted(set(int(c) for c in channels)))
        else:
            abl.pop(layer, None)
        order = {name: k for k, name in enumerate(self.facts.layers)}
        self.update(ablations=tuple((n, abl[n]) for n in sorted(abl, key=lambda n: order.get(n, 0))))

    def clear_ablations(self) -> None:
        self.update(ablations=())

    # -- models and files ------------------------------------------------------------------------
    def set_model(self, facts: ModelFacts) -> None:
        """A new model: keep seed, psi, noise, walk and view; reset ranges, edits, blends and switch-offs."""
        self.facts = facts
        n = facts.num_ws
        self._set(replace(
            self._state, cutoff=0, mix_on=False, mix_start=0, mix_end=min(n, 4) if facts.style_based else n,
            w_start=0, w_end=n, z_offsets=(), w_edits=(), legacy_w_edits=(), blend=(), z=None, source=(),
            ablations=(), label=0 if facts.c_dim else None, direction_sets=(), projected=None), always=True)

    def set_directions(self, directions: Directions) -> None:
        """The model's principal directions arrived: version-1 edits become component edits if they match."""
        self.facts = replace(self.facts, directions=directions)
        s = self._state
        resolved, left = _resolve(s.legacy_w_edits, directions)
        edits = {e.key: e for e in s.w_edits}
        edits.update({e.key: e for e in resolved})
        # announced even when the state is equal: the request changes once directions are known
        self._set(replace(s, w_edits=_ordered(edits.values()), legacy_w_edits=left), always=True)

    def load(self, state: ExplorerState) -> None:
        """Show a saved state on the current model (out-of-range layer numbers are clamped to it)."""
        f = self.facts
        n = f.num_ws

        def clamp(v: int) -> int:
            return min(max(int(v), 0), n)

        label = state.label if f.c_dim and state.label is not None and 0 <= state.label < f.c_dim else (
            0 if f.c_dim else None)
        self._set(replace(state, cutoff=clamp(state.cutoff), mix_start=clamp(state.mix_start),
                          mix_end=clamp(state.mix_end), w_start=clamp(state.w_start), w_end=clamp(state.w_end),
                          label=label))
        if f.directions is not None and self._state.legacy_w_edits:
            self.set_directions(f.directions)


def _ordered(edits: Any) -> tuple[DirectionEdit, ...]:
    """PCA edits first, by component, then each set's by name and index."""
    return tuple(sorted(edits, key=lambda e: (e.set_name != PCA, e.set_name, e.component)))


def _resolve(legacy: tuple[WEdit, ...], d: Directions) -> tuple[list[DirectionEdit], tuple[WEdit, ...]]:
    """Match version-1 edits (direction vectors) to components by angle, either sign; unmatched ones stay.

    By angle, not entry by entry: the same PCA recomputed elsewhere (another BLAS, another device) agrees
    only to rounding, and a saved edit must not be dropped for that.
    """
    resolved, left = [], []
    for e in legacy:
        norm = math.sqrt(sum(a * a for a in e.direction)) or 1.0
        for i, v in enumerate(d.vectors):
            cos = sum(a * b for a, b in zip(v, e.direction)) / norm   # the components are unit vectors
            if abs(cos) > 1 - MATCH_TOLERANCE:
                sign = 1.0 if cos > 0 else -1.0
                resolved.append(DirectionEdit(i, sign * e.amount * norm / d.sigmas[i], e.layer_start, e.layer_end))
                break
        else:
            left.append(e)
    return resolved, tuple(left)
