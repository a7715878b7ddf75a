"""The Explore tab's long jobs that show progress and can be cancelled: the model's principal directions
(in the w-directions group) and a latent walk's GIF/MP4 export (a progress dialog).

Both run on the inference worker (the thread that owns the model); its ``job_progress`` feeds the bar,
Cancel asks the worker to stop the job, and a cancelled export leaves no file behind.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from ganexplorer.core.render import RenderRequest
from ganexplorer.core.render.directions import Directions, principal_directions
from ganexplorer.core.render.walk import export_walk
from ganexplorer.gui.explore.inference_worker import InferenceWorker
from ganexplorer.gui.explore.latent_groups import N_DIRECTIONS, WDirections


class DirectionsJob(QObject):
    """Computes the loaded model's principal directions with a progress bar and Cancel in ``group``;
    ``arrived(directions)`` when they are known."""

    arrived = Signal(object)
    status = Signal(str)

    def __init__(self, worker: InferenceWorker, group: WDirections, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker, self.group = worker, group
        self.model: Any = None
        self.directions: Directions | None = None
        self._asked = 0     # jobs asked for and not yet answered (a new model's may follow an old one's)
        group.compute_requested.connect(self.start)
        group.cancel_requested.connect(lambda: worker.cancel("directions"))
        worker.job_done.connect(self._done)
        worker.job_failed.connect(self._failed)
        worker.job_cancelled.connect(self._cancelled)
        worker.job_progress.connect(self._progress)

    def set_model(self, model: Any) -> None:
        self.model, self.directions = model, None
        self.start()

    def start(self) -> None:
        model, worker = self.model, self.worker
        if model is None:
            return

        def counts(done: int, total: int) -> None:
            worker.report_progress("directions", done / max(1, total))
        self.group.computing()
        self._asked += 1
        worker.run_job("directions", lambda _r: principal_directions(  # Cancel, another model, closing: stop
            model, N_DIRECTIONS, on_progress=counts, stop=worker.should_stop), key="directions")

    def _answered(self, name: str) -> bool:
        if name != "directions":
            return False
        self._asked = max(0, self._asked - 1)
        return True

    def _done(self, name: str, result: Any) -> None:
        if not self._answered(name) or not isinstance(result, Directions):
            return
        self.directions = result
        self.group.set_directions(len(result.vectors), self.tr(
            "{0} directions from {1} samples, \u03c3 over {2}; \u03c3 of PC0 = {3:.2f}").format(
                len(result.vectors), f"{result.pca_samples:,}", f"{result.samples:,}", result.sigmas[0]))
        self.arrived.emit(result)

    def _failed(self, name: str, message: str) -> None:
        if self._answered(name):
            if not self._asked:
                self.group.stopped(self.tr("The principal directions could not be computed: {0}").format(message))
            self.status.emit(message)

    def _cancelled(self, name: str) -> None:
        if (self._answered(name) and not self._asked and self.directions is None and self.model is not None
                and not self.worker.closing):
            self.group.stopped(self.tr("Cancelled: no principal directions yet. Compute starts again."))

    def _progress(self, name: str, fraction: float) -> None:
        if name == "directions" and self._asked:
            self.group.show_busy(fraction)


class WalkExport(QObject):
    """Renders a walk's frames and writes the clip, with a progress dialog whose Cancel stops it (no file left)."""

    status = Signal(str)

    def __init__(self, worker: InferenceWorker, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.worker, self.parent_widget = worker, parent_widget
        self.dialog: QProgressDialog | None = None
        self.cancel_button: QPushButton | None = None
        self._path: Path | None = None
        self._written: dict[str, bool] = {}
        worker.job_done.connect(self._done)
        worker.job_failed.connect(self._failed)
        worker.job_cancelled.connect(self._cancelled)
        worker.job_progress.connect(self._progress)

    def start(self, path: str, requests: list[RenderRequest], fps: int, min_side: int) -> None:
        final = Path(path)
        part = final.with_name(final.stem + ".partial" + final.suffix)   # the suffix picks the format
        worker, written = self.worker, {"final": False}
        self._path, self._written = final, written

        def progress(k: int, n: int) -> None:
            worker.check_stop()   # Cancel or closing the window: stop between two frames, nothing written
            worker.report_progress("export", k / n)

        def job(r: Any) -> Path:
            try:
                export_walk(r, requests, part, fps, min_side=min_side, progress=progress)
                worker.check_stop()
                os.replace(part, final)
                written["final"] = True
            finally:
                part.unlink(missing_ok=True)
            return final

        self._show_dialog(len(requests))
        self.status.emit(self.tr("Exporting {0} frames\u2026").format(len(requests)))
        worker.run_job("export", job, model_bound=False)

    def _show_dialog(self, frames: int) -> None:
        self._close_dialog()
        d = QProgressDialog(self.tr("Rendering {0} frames of the walk\u2026").format(frames), "", 0, 100,
                            self.parent_widget)
        d.setWindowTitle(self.tr("Export latent walk"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        d.setCancelButton(self.cancel_button)
        d.setAutoClose(False)
        d.setAutoReset(False)
        d.setMinimumDuration(0)
        d.setWindowModality(Qt.WindowModality.WindowModal)
        d.canceled.connect(lambda: self.worker.cancel("export"))
        d.setValue(0)
        d.show()
        self.dialog = d

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.canceled.disconnect()
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _progress(self, name: str, fraction: float) -> None:
        if name == "export" and self.dialog is not None:
            self.dialog.setValue(min(99, round(fraction * 100)))
            if fraction >= 1:
                self.dialog.setLabelText(self.tr("Writing {0}\u2026").format(self._path.name if self._path else ""))

    def _done(self, name: str, result: Any) -> None:
        if name == "export":
            self._close_dialog()
            self.status.emit(self.tr("Saved {0}").format(result))

    def _failed(self, name: str, message: str) -> None:
        if name == "export":
            self._close_dialog()
            self.status.emit(message)

    def _cancelled(self, name: str) -> None:
        if name != "export":
            return
        self._close_dialog()
        if self._written.get("final") and self._path is not None:   # finished just as Cancel was clicked
            self._path.unlink(missing_ok=True)
        self.status.emit(self.tr("Export cancelled; no file was written."))
