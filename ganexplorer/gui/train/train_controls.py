"""The Train tab's run buttons and the two lines that say where the run stands.

Only widgets and which of them can be pressed in which state (:meth:`TrainControls.set_state`);
what pressing them does is the panel's (``train_panel.py``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ganexplorer.app.train_controller import Buttons


class TrainControls(QWidget):
    """Start / Resume… / Pause / Stop, the single-step buttons, Open in explorer, smoothing, speed, folder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start_btn = self._button(self.tr("Start"), self.tr("Start a new run in a new folder with these settings"))
        self.resume_btn = self._button(self.tr("Resume\u2026"), self.tr(
            "Continue a saved run: pick its last.safetensors; it goes on in the same folder from the step it "
            "stopped at"))
        self.pause_btn = self._button(self.tr("Pause"), self.tr(
            "Hold training between two steps (then step it by hand); press again to continue"))
        self.stop_btn = self._button(self.tr("Stop"), self.tr("End the run and save it in its run folder"))
        self.step_d_btn = self._button(self.tr("One D step"), self.tr(
            "While paused: one discriminator update. Watch D(x) rise and D(G(z)) fall"))
        self.step_g_btn = self._button(self.tr("One G step"), self.tr(
            "While paused: one generator update. Watch D(G(z)) rise: G fools D a little more"))
        self.explore_btn = self._button(self.tr("Open in explorer"), self.tr(
            "Look at the generator as it is now in the Explore tab"))
        self.smooth = QCheckBox(self.tr("Smooth the curves (moving average)"))
        self.smooth.setChecked(True)
        self.smooth.setToolTip(self.tr("Show an exponential moving average (about 10 steps) over the faint raw "
                                       "values, so the trend is visible through the step-to-step noise"))
        self.rate_label = QLabel(self.tr("Not running"))
        self.rate_label.setToolTip(self.tr("Training steps done, epochs (passes over the data) and speed"))
        self.step_change = QLabel()
        self.step_change.setWordWrap(True)
        self.step_change.setToolTip(self.tr("What the last single step changed; its point is ringed on the "
                                            "D(x) / D(G(z)) plot"))
        self.run_label = QLabel(self.tr("Run folder: (made when you press Start)"))
        self.run_label.setWordWrap(True)
        self.run_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QGridLayout()
        for i, b in enumerate((self.start_btn, self.resume_btn, self.pause_btn, self.stop_btn, self.step_d_btn,
                               self.step_g_btn, self.explore_btn)):
            buttons.addWidget(b, i // 2, i % 2)
        lv = QVBoxLayout(self)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(buttons)
        lv.addWidget(self.smooth)
        lv.addWidget(self.rate_label)
        lv.addWidget(self.step_change)
        lv.addWidget(self.run_label)

    @staticmethod
    def _button(text: str, tip: str) -> QPushButton:
        b = QPushButton(text)
        b.setToolTip(tip)
        return b

    def set_state(self, b: Buttons) -> None:
        """Enable what the controller allows now (only Stop while preparing, single steps only while paused
        with no step in flight)."""
        self.start_btn.setEnabled(b.start)
        self.resume_btn.setEnabled(b.start)
        self.pause_btn.setEnabled(b.pause)
        self.pause_btn.setText(self.tr("Continue") if b.paused else self.tr("Pause"))   # "Resume…" opens a saved run
        self.stop_btn.setEnabled(b.stop)
        self.step_d_btn.setEnabled(b.step)
        self.step_g_btn.setEnabled(b.step)
        self.explore_btn.setEnabled(b.explore)
