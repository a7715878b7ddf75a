"""Compare directions side by side: the cosines between them and a strip of pictures along each (−3σ … +3σ).

The list offers every direction the Explore tab has (PCA components, sets added there, sets made in
the labelling dialog), plus SeFa sets made here and directions files imported here (a file for another
model or a crafted one is one sentence, and nothing changes). The strips are rendered on the worker
as one labelled figure (core), which Ctrl+S saves as it is shown. Strips and SeFa sets are long work on a
CPU (8 rows of 7 pictures; 10,000 mapped z for the sigmas): a bar shows how far they are, and Cancel stops
them between two synthesis blocks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QProgressBar, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from ganexplorer.core.render import direction_sets as ds
from ganexplorer.core.render.direction_figure import comparison_figure
from ganexplorer.core.render.directions_file import load_directions, save_directions
from ganexplorer.core.render.images import save_png
from ganexplorer.gui.common.core_text import translate_core
from ganexplorer.gui.common.image_view import qimage_from_rgb
from ganexplorer.gui.explore.directions.host import Active, ExploreHost
from ganexplorer.gui.explore.directions.label_dialog import DirectionsDialog, layer_choices

JOB = "dirs.compare."
STRIPS, SEFA = JOB + "strips", JOB + "sefa"
MAX_COMPARED = 8
FIRST_PCA = 3         # PCA components ticked at the start (the rest of the list is ticked in full)



def cos_text(c: float) -> str:
    """A cosine with two decimals and its sign; one that rounds to zero reads +0.00, never -0.00."""
    return f"{0.0 if abs(c) < 0.005 else float(c):+.2f}"

class CompareDialog(DirectionsDialog):
    """Tick directions; see their cosines and strips; add SeFa sets, import and export directions files."""

    def __init__(self, host: ExploreHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.model = host.model     # the dialog's pictures and sets belong to this model
        self.setWindowTitle(self.tr("Compare directions"))
        self.figure: np.ndarray | None = None
        self._drawn: dict[tuple, list[np.ndarray]] = {}   # strips already drawn for the current base picture
        self._drawn_base: Any = None
        self.entries: list[Active] = []
        self._seen: set[str] = set()
        lay = QVBoxLayout(self)
        tools = QHBoxLayout()
        self.sefa_layers = QComboBox()
        words = {"all": self.tr("all layers"), "coarse": self.tr("coarse"), "middle": self.tr("middle"),
                 "fine": self.tr("fine")}
        for name, (a, b) in layer_choices(host.model):
            self.sefa_layers.addItem(self.tr("{0} (w {1}\u2013{2})").format(words.get(name, name), a, b - 1), (a, b))
        self.sefa_num = QSpinBox()
        self.sefa_num.setRange(1, 16)
        self.sefa_num.setValue(3)
        self.sefa_btn = QPushButton(self.tr("Add SeFa directions"))
        self.sefa_btn.setToolTip(self.tr("Closed-form directions from the weights of the layers chosen (Shen & Zhou "
                                         "2021): no sampling, instant"))
        self.sefa_btn.clicked.connect(self._add_sefa)
        self.import_btn = QPushButton(self.tr("Import\u2026"))
        self.import_btn.clicked.connect(self._import)
        self.export_btn = QPushButton(self.tr("Export selected set\u2026"))
        self.export_btn.clicked.connect(self._export)
        for w in (self.sefa_layers, self.sefa_num, self.sefa_btn, self.import_btn, self.export_btn):
            tools.addWidget(w)
        tools.addStretch(1)
        lay.addLayout(tools)
        body = QHBoxLayout()
        self.list = QListWidget()
        self.list.setMaximumWidth(220)
        self.list.itemChanged.connect(lambda _i: self._refresh())
        body.addWidget(self.list)
        right = QVBoxLayout()
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        right.addWidget(self.table, 1)
        self.strip = QLabel()
        self.strip.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.strip.setMinimumSize(480, 240)
        right.addWidget(self.strip, 2)
        body.addLayout(right, 1)
        lay.addLayout(body, 1)
        busy = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.cancel_btn = QPushButton(self.tr("Cancel"))
        self.cancel_btn.setToolTip(self.tr("Stop drawing the strips (or computing the SeFa set)"))
        self.cancel_btn.clicked.connect(self._cancel)
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_btn)
        lay.addLayout(busy)
        self._running: dict[str, int] = {}     # job name -> jobs asked for and not yet answered
        self._about: dict[str, tuple] = {}     # job name -> what its newest job was asked about
        self._show_busy()
        self.hint = self.tr("Ctrl+S saves the strips as a labelled picture.")
        self.status = QLabel(self.hint)
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save_figure)
        host.worker.job_done.connect(self._done)
        host.worker.job_failed.connect(self._failed)
        host.worker.job_cancelled.connect(self._cancelled)
        host.worker.job_progress.connect(self._progress)
        self.refresh_list()

    # -- the list --------------------------------------------------------------------------------
    def refresh_list(self) -> None:
        """The list from the host; ticks kept by name, new sets ticked (of PCA only the first few)."""
        ticked = {self.list.item(i).text() for i in range(self.list.count())
                  if self.list.item(i).checkState() == Qt.CheckState.Checked}
        self.list.blockSignals(True)
        self.list.clear()
        self.entries = self.host.active()
        for a in self.entries:
            item = QListWidgetItem(a.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            new = a.name not in self._seen
            on = a.name in ticked or (new and (a.dset.method != "pca" or a.index < FIRST_PCA))
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            item.setToolTip(a.name)
            self.list.addItem(item)
            self._seen.add(a.name)
        self.list.blockSignals(False)
        # wide enough for the names ("SeFa w0–7[2]"), up to the list's maximum, instead of what the layout leaves it
        self.list.setMinimumWidth(min(self.list.maximumWidth(),
                                      self.list.sizeHintForColumn(0) + 2 * self.list.frameWidth() + 24))
        self._refresh()

    def chosen(self) -> list[Active]:
        out = [a for i, a in enumerate(self.entries) if self.list.item(i).checkState() == Qt.CheckState.Checked]
        return out[:MAX_COMPARED]

    # -- cosines and strips ----------------------------------------------------------------------
    def _refresh(self) -> None:
        if self._model_changed():
            return
        chosen = self.chosen()
        names = [a.name for a in chosen]
        self.table.setRowCount(len(chosen))
        self.table.setColumnCount(len(chosen))
        self.table.setHorizontalHeaderLabels(names)
        self.table.setVerticalHeaderLabels(names)
        if not chosen:
            self.host.worker.cancel(STRIPS)
            self.strip.clear()
            self.figure = None
            return
        cos = ds.cosines(np.stack([a.dset.vectors[a.index] for a in chosen]))
        for i in range(len(chosen)):
            for j in range(len(chosen)):
                item = QTableWidgetItem(cos_text(cos[i, j]))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(i, j, item)
        caption = self._caption(names, cos)
        base, worker = self.host.base_request(), self.host.worker
        if base != self._drawn_base:     # another picture is explored: every strip changes
            self._drawn, self._drawn_base = {}, base
        keys = [_strip_key(a) for a in chosen]
        drawn = {k: self._drawn[k] for k in keys if k in self._drawn}   # a snapshot: the worker only reads it
        new = [k for k in dict.fromkeys(keys) if k not in drawn]
        rows = {k: (a.dset, a.index) for k, a in zip(keys, chosen)}

        def job(r: Any) -> tuple[dict[tuple, list[np.ndarray]], np.ndarray]:   # on the worker thread
            made = dict(zip(new, ds.strips(r, base, [rows[k] for k in new], progress=lambda done, total:
                                           worker.report_progress(STRIPS, done / total), cancel=worker.should_stop)))
            every = {**drawn, **made}
            return made, comparison_figure([every[k] for k in keys], names, ds.STRIP_SIGMAS, caption)
        worker.cancel(STRIPS)           # the strips being drawn are for the old ticks
        self._start(STRIPS, job, self.tr("Drawing {0} strips of {1} pictures: %p%").format(
            len(new), len(ds.STRIP_SIGMAS)), (base,))

    def _caption(self, names: list[str], cos: np.ndarray) -> str:
        pairs = sorted(((abs(cos[i, j]), i, j) for i in range(len(names)) for j in range(i + 1, len(names))),
                       reverse=True)[:3]
        text = self.tr("Seed {0}; each row moves it along one direction by \u22123\u03c3 \u2026 +3\u03c3 (\u03c3: the "
                       "spread of w along it).").format(self.host.base_request().seed)
        if pairs:
            text += " " + self.tr("Most alike: {0}.").format(
                ", ".join(f"{names[i]} / {names[j]} cos {cos_text(cos[i, j])}" for _, i, j in pairs))
        return text

    def save_figure(self) -> None:
        """Ctrl+S: the labelled strips as shown, as a PNG."""
        if self.figure is None:
            self.status.setText(self.tr("Nothing to save yet: tick at least one direction."))
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the comparison"), "directions.png",
                                              self.tr("PNG pictures (*.png)"))
        if not path:
            return
        try:
            save_png(self.figure, path)
        except (OSError, ValueError) as e:
            self.status.setText(translate_core(str(e)))
            return
        self.status.setText(self.tr("Saved {0}").format(path))

    # -- making, importing and exporting sets ----------------------------------------------------
    def _add_sefa(self) -> None:
        if self._model_changed():
            return
        model, host, layers, num = self.host.model, self.host, self.sefa_layers.currentData(), self.sefa_num.value()
        worker = host.worker

        def samples() -> Any:   # 10,000 mapped z, the first time only (the host keeps them)
            return ds.sigma_samples(model, progress=lambda done, total: worker.report_progress(SEFA, done / total),
                                    stop=worker.should_stop)
        self._start(SEFA, lambda _r: ds.sefa_set(model, num, layers, host.samples(model, samples)),
                    self.tr("Sampling 10,000 w for the sigmas: %p%"))
        self.status.setText(self.tr("Computing SeFa directions\u2026"))

    def _import(self) -> None:
        if self._model_changed():
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import directions"), "",
                                              self.tr("Directions files (*.npz)"))
        if not path:
            return
        model = self.host.model
        try:
            dset = load_directions(path, model.w_dim, int(model.G.num_ws))
        except ValueError as e:
            self.status.setText(translate_core(str(e)))
            return
        self._added(Path(path).stem, dset)

    def _export(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.entries):
            self.status.setText(self.tr("Select a direction in the list first; its whole set is exported."))
            return
        entry = self.entries[row]
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export directions"), "directions.npz",
                                              self.tr("Directions files (*.npz)"))
        if not path:
            return
        try:
            save_directions(path, entry.dset)
        except OSError as e:
            self.status.setText(translate_core(str(e)))
            return
        self.status.setText(self.tr("Saved {0}").format(path))

    def _added(self, name: str, dset: Any) -> None:
        try:
            self.host.add_set(name, dset)
        except ValueError as e:   # the Explore tab refused it (a reserved name, another model's w)
            self.status.setText(translate_core(str(e)))
            return
        self.status.setText(self.tr("Added \u201c{0}\u201d ({1} directions).").format(name, len(dset)))
        self.refresh_list()

    # -- long jobs: progress and Cancel ---------------------------------------------------------
    def _start(self, name: str, job: Any, what: str, about: tuple = ()) -> None:
        self._running[name] = self._running.get(name, 0) + 1
        self._about[name] = about
        self.progress.setFormat(what)
        self.progress.setValue(0)
        if self.status.text().startswith(self.tr("Cancelled")):   # said of the work this one replaces
            self.status.setText(self.hint)
        self.host.worker.run_job(name, job, key=name)
        self._show_busy()

    def _answered(self, name: str) -> bool:
        """One of this dialog's long jobs has ended (done, failed or cancelled): one fewer is owed."""
        if name not in self._running:
            return False
        self._running[name] -= 1
        if self._running[name] <= 0:
            del self._running[name]
        self._show_busy()
        return True

    def _show_busy(self) -> None:
        on = bool(self._running)
        self.progress.setVisible(on)
        self.cancel_btn.setVisible(on)
        if not on:
            self.progress.setValue(0)

    def _cancel(self) -> None:
        for name in list(self._running):
            self.host.worker.cancel(name)

    def _progress(self, name: str, fraction: float) -> None:
        if name in self._running:
            self.progress.setValue(round(100 * fraction))

    def _cancelled(self, name: str) -> None:
        if self._answered(name) and name not in self._running:   # not replaced by a newer one
            self.status.setText(self.tr("Cancelled") + ". " + self.tr("Tick or untick a direction to draw the "
                                                                      "strips again.") if name == STRIPS else
                                self.tr("Cancelled") + ": " + self.tr("no SeFa directions were added."))

    # -- results from the worker -----------------------------------------------------------------
    def _done(self, name: str, result: Any) -> None:
        if not self._answered(name):
            return
        if name == STRIPS:
            made, result = result
            if self._about.get(STRIPS) == (self._drawn_base,):     # kept for the next ticks while the picture is the same
                self._drawn.update(made)
            self.figure = result
            pix = QPixmap.fromImage(qimage_from_rgb(result))
            self.strip.setPixmap(pix.scaled(self.strip.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation))
        elif name == SEFA:
            a, b = result.layers
            self._added(f"SeFa w{a}\u2013{b - 1}", result)

    def _failed(self, name: str, message: str) -> None:
        if self._answered(name):
            self.status.setText(translate_core(message))

    def done(self, r: int) -> None:  # noqa: D102 - disconnect from the shared worker when the dialog closes
        self._cancel()   # nobody will look at what it draws
        w = self.host.worker
        for sig, slot in ((w.job_done, self._done), (w.job_failed, self._failed), (w.job_cancelled, self._cancelled),
                          (w.job_progress, self._progress)):
            try:
                sig.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        super().done(r)


def _strip_key(a: Active) -> tuple:
    """What a strip depends on besides the base picture: the direction, its sigma and layers (not its name)."""
    return (a.dset.vectors[a.index].tobytes(), float(a.dset.sigmas[a.index]), tuple(a.dset.layers))
