"""The 1-D demo tab: two runs side by side, each learning N(mu, sigma) with its own D input.

Each run (settings, buttons, plots) is a :class:`~ganexplorer.gui.demo1d.demo1d_run.Demo1DRun`; this tab
adds Start both / Stop both and the explanation.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from ganexplorer.gui.demo1d.demo1d_run import Demo1DRun


class Demo1DPanel(QWidget):
    """Two runs side by side, to compare what D sees (e.g. raw samples vs four moments)."""

    status = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runs = [Demo1DRun("raw"), Demo1DRun("moments4")]
        self.start_both_btn = QPushButton(self.tr("Start both"))
        self.start_both_btn.setToolTip(self.tr("Start the two runs together, to compare what D sees; they share "
                                               "the computer, so each runs slower than alone."))
        self.stop_both_btn = QPushButton(self.tr("Stop both"))
        self.stop_both_btn.setToolTip(self.tr("Stop every run that is training."))
        self.start_both_btn.clicked.connect(lambda: self.start_both())
        self.stop_both_btn.clicked.connect(lambda: self.stop_both())
        intro = QLabel(self.tr("G learns to sample N(\u03bc, \u03c3) from uniform noise. The two runs differ in what "
                               "D sees of a batch."))
        intro.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(intro, 1)
        top.addWidget(self.start_both_btn)
        top.addWidget(self.stop_both_btn)
        split = QSplitter()
        for r in self.runs:
            r.status.connect(self.status)
            r.running_changed.connect(lambda _: self._update_buttons())
            split.addWidget(r)
        v = QVBoxLayout(self)
        v.addLayout(top)
        v.addWidget(split, 1)
        self._update_buttons()

    def start_both(self) -> None:
        """Start every run that is not already training."""
        for r in self.runs:
            if not r.is_running():
                r.start()
        self._update_buttons()

    def stop_both(self) -> None:
        for r in self.runs:
            r.stop()

    def _update_buttons(self) -> None:
        running = [r.is_running() for r in self.runs]
        self.start_both_btn.setEnabled(not all(running))
        self.stop_both_btn.setEnabled(any(running))

    def set_presentation(self, on: bool) -> None:
        for r in self.runs:
            r.set_presentation(on)

    def help_html(self) -> str:
        return self.tr(
            "<h3>The 1-D demo: a GAN in one dimension</h3>"
            "<p>The real data are numbers drawn from a normal distribution N(\u03bc, \u03c3) (green). The "
            "generator G is a tiny network that turns uniform random numbers into numbers of its own (purple). "
            "The discriminator D is shown a whole <b>batch</b> of 500 numbers and says how likely it is that the "
            "batch is real (1) rather than generated (0).</p>"
            "<p>Each epoch D trains 20 steps to tell real batches from generated ones, then G trains 20 steps to "
            "make D say \u201creal\u201d. If it works, the purple histogram slides onto the green one.</p>"
            "<p><b>What D sees</b> decides how well G is taught. With the raw 500 numbers, D has too much to look at "
            "and G often collapses to a narrow spike at the right mean. With the mean, std, skew and kurtosis, D "
            "compares exactly what matters and G usually learns both the place and the spread (try a few seeds: "
            "GAN training is a tug of war, and some runs are still swinging at the end).</p>"
            "<p><b>The red curve</b> is not D of one number: D only ever scores batches. It is D's score for the last "
            "real batch moved so that its mean is x (read it on the right axis). Near the end of a good run D "
            "answers about 0.5 (dashed line) for real and generated batches alike.</p>"
            "<p>Click <b>Start both</b> to run the two settings side by side; the line under each run sums up what "
            "G learned.</p>")

    def shutdown(self) -> None:
        for r in self.runs:
            r.shutdown()
        for r in self.runs:
            if r.worker is not None:
                r.worker.wait(30_000)
