"""Directions from labels: mark generated pictures as having a property or not, get a slider.

A page of pictures (seeds in order, a new page on demand; marks are kept per seed). Once there
are at least :data:`MIN_TO_FIT` of each, Fit draws a boundary in w (core, on the worker thread)
and shows how well the labels separate (held-out accuracy); the slider then moves the explored
picture along the new direction, and Add puts it in the Explore tab beside the others.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QSlider, QVBoxLayout, QWidget)

from ganexplorer.core.render import RenderRequest
from ganexplorer.core.render import direction_sets as ds
from ganexplorer.core.render.bands import band_spans
from ganexplorer.gui.common.core_text import translate_core
from ganexplorer.gui.common.image_view import qimage_from_rgb
from ganexplorer.gui.explore.directions.host import ExploreHost
from ganexplorer.gui.explore.directions.tiles import TileGrid

COLS, ROWS = 4, 3
MIN_TO_FIT = 10
SLIDER_STEPS = 10          # slider units per sigma
SLIDER_SIGMAS = 3
JOB = "dirs.label."


def layer_choices(model: Any) -> list[tuple[str, tuple[int, int]]]:
    """('all', [0, num_ws)) and one entry per band the model has (its w indices)."""
    num_ws = int(model.G.num_ws)
    out = [("all", (0, num_ws))]
    out += [(b.name, (b.first, b.last + 1)) for b in band_spans(num_ws, model.resolution)]
    return out


class DirectionsDialog(QDialog):
    """What both directions dialogs share: they belong to the model they were opened on (``host``,
    ``model`` and a ``status`` label are set by the subclass)."""

    host: Any
    model: Any
    status: QLabel

    def _model_changed(self) -> bool:
        """Another model was opened since this dialog was: say so instead of mixing the two."""
        if self.host.model is self.model:
            return False
        self.status.setText(QCoreApplication.translate(
            "DirectionsDialog", "Another model was opened since this dialog was: close it and open it again "
                                "from the Directions menu."))
        return True


class LabelDialog(DirectionsDialog):
    """Mark pictures, fit, try the slider, add the direction to the Explore tab."""

    def __init__(self, host: ExploreHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.model = host.model     # the dialog's pictures and sets belong to this model
        self.setWindowTitle(self.tr("Direction from labels"))
        self.marks: dict[int, int] = {}      # seed -> 1 (has it) / 0 (hasn't)
        self.page = 0
        self.seeds: list[int] = []
        self.dset: ds.DirectionSet | None = None
        self.preview_rgb = None
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("Click a picture once if it has the property (green), twice if it hasn't (red), "
                               "a third time to unmark it. Keys: arrows move, 1 or H = has it, 0 or N = hasn't, "
                               "Space = unmark. Fit needs at least {0} of each.").format(MIN_TO_FIT))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.grid = TileGrid(COLS, ROWS)
        self.grid.marked.connect(self._mark)
        lay.addWidget(self.grid)
        row = QHBoxLayout()
        self.new_btn = QPushButton(self.tr("New pictures"))
        self.new_btn.clicked.connect(lambda: self._show_page(self.page + 1))
        self.counts = QLabel()
        row.addWidget(self.new_btn)
        row.addWidget(self.counts, 1)
        lay.addLayout(row)
        form = QFormLayout()
        self.name = QLineEdit(self.tr("labels"))
        self.layers = QComboBox()
        words = {"all": self.tr("all layers"), "coarse": self.tr("coarse"), "middle": self.tr("middle"),
                 "fine": self.tr("fine")}
        for name, (a, b) in layer_choices(host.model):
            self.layers.addItem(self.tr("{0} (w {1}\u2013{2})").format(words.get(name, name), a, b - 1), (a, b))
        self.hold = QCheckBox(self.tr("Hold the other active directions fixed (project them out)"))
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Acts on"), self.layers)
        form.addRow(self.hold)
        lay.addLayout(form)
        fit_row = QHBoxLayout()
        self.fit_btn = QPushButton(self.tr("Fit"))
        self.fit_btn.clicked.connect(self._fit)
        self.accuracy = QLabel()
        fit_row.addWidget(self.fit_btn)
        fit_row.addWidget(self.accuracy, 1)
        lay.addLayout(fit_row)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(-SLIDER_SIGMAS * SLIDER_STEPS, SLIDER_SIGMAS * SLIDER_STEPS)
        self.slider.setToolTip(self.tr("Move the explored picture along the new direction, in its \u03c3 "
                                       "(+ = more of the property)"))
        self.slider.valueChanged.connect(self._preview)
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(160, 160)
        lay.addWidget(self.slider)
        lay.addWidget(self.preview)
        buttons = QHBoxLayout()
        self.add_btn = QPushButton(self.tr("Add to Explore"))
        self.add_btn.clicked.connect(self._add)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons.addStretch(1)
        buttons.addWidget(self.add_btn)
        buttons.addWidget(close)
        lay.addLayout(buttons)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        host.worker.job_done.connect(self._done)
        host.worker.job_failed.connect(self._failed)
        self._show_page(0)
        self._update()
        self.grid.setFocus()

    # -- marking ---------------------------------------------------------------------------------
    def _show_page(self, page: int) -> None:
        if self._model_changed():
            return
        self.page = page
        n = COLS * ROWS
        self.seeds = list(range(page * n, (page + 1) * n))
        for t, s in zip(self.grid.tiles, self.seeds):
            t.set_label(self.marks.get(s))
            t.setToolTip(self.tr("seed {0}").format(s))
            t.clear()
        seeds, label = list(self.seeds), self.host.base_request().label
        self.host.worker.run_job(JOB + "tiles", lambda r: (seeds, [r.render(
            RenderRequest(seed=s, label=label)).rgb for s in seeds]), key=JOB + "tiles")

    def _mark(self, index: int, label: int | None) -> None:
        seed = self.seeds[index]
        if label is None:
            self.marks.pop(seed, None)
        else:
            self.marks[seed] = label
        self.grid.tiles[index].set_label(label)
        self._update()

    def _count(self) -> tuple[int, int]:
        n1 = sum(self.marks.values())
        return len(self.marks) - n1, n1

    def _update(self) -> None:
        n0, n1 = self._count()
        self.counts.setText(self.tr("has it: {0} \u00b7 hasn't: {1}").format(n1, n0))
        self.fit_btn.setEnabled(min(n0, n1) >= MIN_TO_FIT)
        self.slider.setEnabled(self.dset is not None)
        self.add_btn.setEnabled(self.dset is not None)

    # -- fitting and the slider ------------------------------------------------------------------
    def _fit(self) -> None:
        if self._model_changed():
            return
        seeds = sorted(self.marks)
        labels = [self.marks[s] for s in seeds]
        layers = self.layers.currentData()
        fixed = [a.dset.vectors[a.index] for a in self.host.active()] if self.hold.isChecked() else None
        model, host, label = self.host.model, self.host, self.host.base_request().label
        self.status.clear()
        self.accuracy.setText(self.tr("Fitting\u2026"))

        def fit(_r):   # on the worker thread: only what was read above
            samples = host.samples(model, lambda: ds.sigma_samples(model))
            return ds.labels_set(model, seeds, labels, layers, fixed=fixed or None, samples=samples, label=label)
        self.host.worker.run_job(JOB + "fit", fit, key=JOB + "fit")

    def _preview(self, *_: object) -> None:
        if self._model_changed():
            return
        if self.dset is None:
            return
        req = ds.moved(self.host.base_request(), self.dset, 0, self.slider.value() / SLIDER_STEPS)
        self.host.worker.run_job(JOB + "preview", lambda r: r.render(req).rgb, key=JOB + "preview")

    def _add(self) -> None:
        if self._model_changed():
            return
        if self.dset is None:
            return
        name = self.name.text().strip() or self.tr("labels")
        try:
            taken = self.host.add_set(name, self.dset)
        except ValueError as e:   # the Explore tab refused it (a reserved name, another model's w)
            self.status.setText(translate_core(str(e)))
            return
        self.status.setText(self.tr("Added \u201c{0}\u201d to the Explore tab.").format(name) if taken else
                            self.tr("Kept \u201c{0}\u201d for Compare directions (this Explore tab cannot hold "
                                    "direction sets yet).").format(name))

    # -- results from the worker -----------------------------------------------------------------
    def _done(self, name: str, result: Any) -> None:
        if name == JOB + "tiles":
            seeds, pictures = result
            if seeds != self.seeds:
                return   # an older page
            for t, rgb in zip(self.grid.tiles, pictures):
                t.set_picture(rgb)
        elif name == JOB + "fit":
            self.dset = result
            n0, n1 = self._count()
            self.accuracy.setText(self.tr("Held-out accuracy {0:.0%} ({1} labels; chance is about {2:.0%}); "
                                        "\u03c3 = {3:.3g}").format(float(result.scores[0]), n0 + n1,
                                                                   max(n0, n1) / (n0 + n1), float(result.sigmas[0])))
            self._update()
            self._preview()
        elif name == JOB + "preview":
            self.preview_rgb = result
            self.preview.setPixmap(QPixmap.fromImage(qimage_from_rgb(result)).scaled(
                160, 160, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation))

    def _failed(self, name: str, message: str) -> None:
        if name.startswith(JOB):
            self.accuracy.clear()
            self.status.setText(translate_core(message))

    def done(self, r: int) -> None:  # noqa: D102 - disconnect from the shared worker when the dialog closes
        for sig, slot in ((self.host.worker.job_done, self._done), (self.host.worker.job_failed, self._failed)):
            try:
                sig.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        super().done(r)
