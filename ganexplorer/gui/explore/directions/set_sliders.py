"""The sliders of the Explore state's direction sets (SeFa, labels, files): one σ-scaled slider per direction.

A standalone widget the Explore tab composes (it knows no panel): each set is a header (its name, how it was
made, the w layers it acts on, a remove button) over one slider per direction, in σ of w along it (measured
over the same 10,000 mapped z for every kind, so +2 means the same spread for a SeFa and a labelled direction).
Moving a slider emits ``edit_changed(set name, index, sigmas)``, the arguments of
``ExplorerController.set_direction_edit``; ``show_state(state)`` shows a state's values without emitting, so
a state that came from the controller never echoes back to it. The PCA's own sliders are not here (the w group
has them).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ganexplorer.app.explorer_state import PCA, W_SIGMA_RANGE, ExplorerState, NamedDirections
from ganexplorer.gui.common.widgets import FloatSlider

SLIDER_STEP = 0.1


def _shape(sets: tuple[NamedDirections, ...], num_ws: int) -> tuple:
    """What the rows depend on (not the values): rebuilt only when this changes, never during a drag."""
    return num_ws, tuple((s.name, s.method, len(s), s.layer_start, s.layer_end) for s in sets)


class DirectionSetSliders(QWidget):
    """One σ slider per direction of every named set in an :class:`ExplorerState` (see the module docstring)."""

    edit_changed = Signal(str, int, float)    # set name, direction index, sigmas (0 removes the edit)
    remove_requested = Signal(str)            # set name: ExplorerController.remove_direction_set

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sliders: dict[tuple[str, int], FloatSlider] = {}
        self.headers: dict[str, QLabel] = {}
        self.remove_buttons: dict[str, QToolButton] = {}
        self._shape: tuple | None = None
        self._showing = False
        self._num_ws = 0
        self._lay = QVBoxLayout(self)
        self._lay.setContentsMargins(0, 0, 0, 0)
        self.empty = QLabel(self.tr("No direction sets yet: make one with Directions \u25b8 Direction from labels, "
                                    "or add SeFa directions or a file in Directions \u25b8 Compare directions."))
        self.empty.setWordWrap(True)
        self._lay.addWidget(self.empty)
        self._body = QWidget()
        self._lay.addWidget(self._body)

    # -- the state --------------------------------------------------------------------------------
    def show_state(self, state: ExplorerState, num_ws: int = 0) -> None:
        """Show ``state``'s sets and slider values without emitting ``edit_changed``.

        ``num_ws``: the model's number of ws (0: unknown), so a range is shown as the model will use it."""
        sets = tuple(s for s in state.direction_sets if s.name != PCA)
        shape = _shape(sets, num_ws)
        if shape != self._shape:
            self._build(sets, num_ws)
            self._shape = shape
        values = {e.key: e.sigmas for e in state.w_edits if e.set_name != PCA}
        self._showing = True
        try:
            for key, slider in self.sliders.items():
                slider.setValue(values.get(key, 0.0))
        finally:
            self._showing = False

    def state_changed(self, state: ExplorerState, old: ExplorerState) -> None:
        """``ExplorerView``: the widget can also be a view of the controller by itself."""
        if state.direction_sets != old.direction_sets or state.w_edits != old.w_edits or self._shape is None:
            self.show_state(state, self._num_ws)

    def set_num_ws(self, num_ws: int) -> None:
        """The model's number of ws, for the ranges shown (when the widget is the controller's view)."""
        self._num_ws = int(num_ws)

    def value(self, set_name: str, index: int) -> float:
        """The slider's value in σ (what the user sees)."""
        return self.sliders[(set_name, index)].value()

    # -- building ---------------------------------------------------------------------------------
    def _build(self, sets: tuple[NamedDirections, ...], num_ws: int) -> None:
        self._body.hide()
        self._body.deleteLater()
        self._body = QWidget()
        self._lay.addWidget(self._body)
        self.sliders, self.headers, self.remove_buttons = {}, {}, {}
        col = QVBoxLayout(self._body)
        col.setContentsMargins(0, 0, 6, 0)     # the value's last glyph is not cut at the edge
        for s in sets:
            col.addLayout(self._header(s, num_ws))
            grid = QGridLayout()
            grid.setContentsMargins(8, 0, 0, 0)
            for k in range(len(s)):
                name = QLabel(str(k))
                name.setToolTip(s.name)
                slider = FloatSlider(*W_SIGMA_RANGE, SLIDER_STEP, 0.0, "{:+.1f}\u03c3")
                slider.setToolTip(self._tip(s, num_ws))
                slider.label.setMinimumWidth(slider.label.fontMetrics().horizontalAdvance("\u2212" + "5.0\u03c3") + 8)
                slider.setAccessibleName(f"{s.name} {k}")
                slider.valueChanged.connect(lambda v, n=s.name, i=k: self._moved(n, i, v))
                grid.addWidget(name, k, 0)
                grid.addWidget(slider, k, 1)
                self.sliders[(s.name, k)] = slider
            col.addLayout(grid)
        self.empty.setVisible(not sets)
        self._body.setVisible(bool(sets))

    def _header(self, s: NamedDirections, num_ws: int) -> QHBoxLayout:
        row = QHBoxLayout()
        title = QLabel(self.tr("{0} \u2014 {1}, {2}").format(s.name, self._kind(s.method), self._layers(s, num_ws)))
        font = QFont(title.font())
        font.setBold(True)
        title.setFont(font)
        title.setWordWrap(True)
        remove = QToolButton()
        remove.setText("\u00d7")
        remove.setToolTip(self.tr("Remove the set \u201c{0}\u201d and its edits").format(s.name))
        remove.clicked.connect(lambda _=False, n=s.name: self.remove_requested.emit(n))
        row.addWidget(title, 1)
        row.addWidget(remove, 0, Qt.AlignmentFlag.AlignTop)
        self.headers[s.name] = title
        self.remove_buttons[s.name] = remove
        return row

    def _kind(self, method: str) -> str:
        return {"pca": self.tr("PCA"), "sefa": self.tr("SeFa"), "labels": self.tr("from labels"),
                "file": self.tr("from a file")}.get(method, method)

    def _layers(self, s: NamedDirections, num_ws: int) -> str:
        end = min(s.layer_end, num_ws) if num_ws else s.layer_end
        start = min(s.layer_start, end - 1) if end > 0 else s.layer_start
        return self.tr("w {0}\u2013{1}").format(start, end - 1)

    def _tip(self, s: NamedDirections, num_ws: int) -> str:
        return self.tr("Moves w along this direction of \u201c{0}\u201d on layers {1}, in standard deviations (\u03c3) "
                       "of w along it over 10,000 sampled ws: \u00b12\u03c3 stays among typical pictures").format(
                           s.name, self._layers(s, num_ws))

    def _moved(self, set_name: str, index: int, value: float) -> None:
        if not self._showing:
            self.edit_changed.emit(set_name, index, float(value))
