"""Sliders for the named direction sets the state carries (SeFa, from labels, imported files): one σ-scaled
slider per direction, on the set's own layer range, several at once; Remove drops a set and its edits.

Hidden while the state holds no set. (Not ``directions/set_sliders.py``: this group is the Explore tab's own,
composed by the panel, and shows only what the state says.)
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from ganexplorer.app.explorer_state import PCA, W_SIGMA_RANGE, ExplorerState, NamedDirections
from ganexplorer.core.render import bands
from ganexplorer.gui.common.widgets import FloatSlider
from ganexplorer.gui.explore.state_diff import differs, set_quietly

MAX_SLIDERS = 8   # per set: the first (largest) directions; the rest stay in the state and the files


class NamedSetSliders(QGroupBox):
    """``edit_changed(set_name, index, sigmas)`` when a slider moves; ``remove_requested(set_name)``."""

    edit_changed = Signal(str, int, float)
    remove_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Direction sets (in \u03c3)"))
        self.setToolTip(self.tr("Directions made with the Directions menu (SeFa, from labels, imported files): each slider moves w along one direction, in standard deviations (\u03c3) of w along it, on the set's own layers"))
        self._grid = QGridLayout(self)
        self.sets: tuple[NamedDirections, ...] = ()
        self.sliders: dict[tuple[str, int], FloatSlider] = {}
        self.remove_buttons: dict[str, QPushButton] = {}
        self.num_ws = 0
        self.setVisible(False)

    def _clear(self) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.sliders.clear()
        self.remove_buttons.clear()

    def _build(self, sets: tuple[NamedDirections, ...]) -> None:
        """One header (name, method, layers, Remove) and up to MAX_SLIDERS sliders per set."""
        self._clear()
        row = 0
        for s in sets:
            end = min(s.layer_end, self.num_ws) if self.num_ws else s.layer_end
            head = QLabel(self.tr("{0} ({1}, layers {2})").format(s.name, s.method,
                                                                 bands.layers(s.layer_start, max(s.layer_start, end - 1))))
            head.setWordWrap(True)
            remove = QPushButton(self.tr("Remove"))
            remove.setToolTip(self.tr("Take this set and its moves off the picture"))
            remove.clicked.connect(lambda _=False, name=s.name: self.remove_requested.emit(name))
            self.remove_buttons[s.name] = remove
            self._grid.addWidget(head, row, 0, 1, 2)
            self._grid.addWidget(remove, row, 2)
            row += 1
            for k in range(min(len(s.vectors), MAX_SLIDERS)):
                slider = FloatSlider(*W_SIGMA_RANGE, 0.1, 0.0, "{:+.1f}")
                slider.setToolTip(self.tr("Moves w along direction {0} of \u201c{1}\u201d by this many \u03c3 (\u03c3 = {2:.2f})").format(k, s.name, s.sigmas[k]))
                slider.valueChanged.connect(lambda v, name=s.name, k=k: self.edit_changed.emit(name, k, float(v)))
                self._grid.addWidget(QLabel(f"{k}"), row, 0)
                self._grid.addWidget(slider, row, 1, 1, 2)
                self.sliders[(s.name, k)] = slider
                row += 1
            if len(s.vectors) > MAX_SLIDERS:
                more = QLabel(self.tr("the first {0} of {1} directions").format(MAX_SLIDERS, len(s.vectors)))
                self._grid.addWidget(more, row, 1, 1, 2)
                row += 1
        self.sets = sets
        self.setVisible(bool(sets))

    def show_state(self, s: ExplorerState, old: ExplorerState | None) -> None:
        if differs(s, old, "direction_sets") and s.direction_sets != self.sets:
            self._build(s.direction_sets)
        elif not differs(s, old, "w_edits"):
            return
        values = {(e.set_name, e.component): e.sigmas for e in s.w_edits if e.set_name != PCA}
        for key, slider in self.sliders.items():
            v = values.get(key, 0.0)
            if slider.value() != v:
                set_quietly(slider, slider.setValue, v)
