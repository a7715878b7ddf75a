"""How late a 10 ms UI timer runs while something else happens: a stall of the UI thread shows here.

Shared by the benchmarks that measure the window while it trains (``bench_training``, ``bench_train_start``).
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QTimer

PERIOD_S = 0.010


class UiLateness:
    """Start it, do the work (processing events), then ``stop()`` for each tick's lateness in ms."""

    def __init__(self) -> None:
        self._late: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self._late.append(max(0.0, now - self._last - PERIOD_S))
        self._last = now

    def start(self) -> UiLateness:
        self._late.clear()
        self.restart_clock()
        self._timer.start(round(PERIOD_S * 1000))
        return self

    def restart_clock(self) -> None:
        """Count from now (after a call the caller times separately, e.g. the click itself)."""
        self._last = time.perf_counter()

    def stop(self) -> np.ndarray:
        self._timer.stop()
        return np.array(self._late) * 1000
