"""What the directions dialogs need from the Explore tab, in one small interface.

The dialogs never touch the panel's widgets: they ask the host for the model, the worker that owns
it, the picture being explored, the directions active there, and hand a new set back. Rendering and
fitting run as the worker's jobs (the model is used by one thread only); the 10,000 mapped w every
sigma is measured over are computed once per model and kept here.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Any

import numpy as np

from ganexplorer.core.render.directions_file import DirectionSet
from ganexplorer.core.render.request import RenderRequest


@dataclass(frozen=True)
class Active:
    """A direction shown for comparison: its name, one-row set (vector, sigma, layers)."""

    name: str
    dset: DirectionSet
    index: int = 0


class ExploreHost:
    """Adapter over the Explore panel (model, worker, request) and its controller's direction sets."""

    def __init__(self, panel: Any) -> None:
        self.panel = panel
        self._samples: tuple[weakref.ref, np.ndarray] | None = None   # (the model, weakly: no old model kept alive)
        self.made: list[tuple[str, DirectionSet]] = []   # sets made here that the tab could not take (yet)

    @property
    def model(self) -> Any:
        return self.panel.model

    @property
    def worker(self) -> Any:
        return self.panel.worker

    def base_request(self) -> RenderRequest:
        """The explored picture without its w edits (the dialogs add their own)."""
        return self.panel.current_request().with_(w_edits=())

    def samples(self, model: Any, compute: Any) -> np.ndarray:
        """``model``'s sigma samples, computed by ``compute()`` (a worker job) the first time.

        Keyed by the model the job was given, held by identity, weakly (not ``id()``, which a later model may reuse,
        and not the panel's current model, which may have changed while the job waited)."""
        if self._samples is None or self._samples[0]() is not model:
            self._samples = (weakref.ref(model), compute())
        return self._samples[1]

    def active(self) -> list[Active]:
        """The directions the Explore tab offers now: the PCA components, then every named set's directions."""
        out: list[Active] = []
        num_ws = int(self.model.G.num_ws) if self.model is not None and self.model.is_style_based else 1
        pca = getattr(self.panel, "directions", None)   # the PCA (a property; None until computed)
        if pca is not None:
            d = DirectionSet(np.asarray(pca.vectors, np.float32), np.asarray(pca.sigmas, np.float32), "pca",
                             (0, num_ws))
            out += [Active(f"PCA {k}", d, k) for k in range(len(d))]
        for s in getattr(self.panel.controller.state, "direction_sets", ()):
            d = DirectionSet(np.asarray(s.vectors, np.float32), np.asarray(s.sigmas, np.float32), s.method,
                             (s.layer_start, min(s.layer_end, num_ws)))
            out += [Active(f"{s.name} {k}" if len(d) > 1 else s.name, d, k) for k in range(len(d))]
        for name, d in self.made:
            out += [Active(f"{name} {k}" if len(d) > 1 else name, d, k) for k in range(len(d))]
        return out

    def add_set(self, name: str, dset: DirectionSet) -> bool:
        """Hand a new set to the Explore tab (its sliders and state file); False where the tab cannot take sets yet."""
        add = getattr(self.panel.controller, "add_direction_set", None)
        if add is None:
            self.made.append((name, dset))
            return False
        from ganexplorer.app.explorer_values import NamedDirections

        add(NamedDirections(name, dset.method, tuple(tuple(float(x) for x in v) for v in dset.vectors),
                            tuple(float(s) for s in dset.sigmas), dset.layers[0], dset.layers[1]))
        return True
