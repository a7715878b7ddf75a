"""The window's Directions menu: make a direction from labels, compare directions (one dialog of each at a time)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from ganexplorer.gui.explore.directions.host import ExploreHost


class DirectionsMenu(QMenu):
    """Added to a main window that has ``explorer`` (the Explore panel) and ``model``."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setTitle(self.tr("&Directions"))
        self.window_ = window
        self.host: ExploreHost | None = None
        self._model: Any = None
        self.dialogs: dict[str, Any] = {}
        self.label_action = QAction(self.tr("Direction from &labels\u2026"), self)
        self.label_action.triggered.connect(lambda: self.open("label"))
        self.compare_action = QAction(self.tr("&Compare directions\u2026"), self)
        self.compare_action.triggered.connect(lambda: self.open("compare"))
        self.addAction(self.label_action)
        self.addAction(self.compare_action)

    def open(self, which: str) -> Any:
        """Show the dialog (raised if it is open); a model without w gets one sentence in the status bar."""
        from ganexplorer.gui.explore.directions.compare_dialog import CompareDialog
        from ganexplorer.gui.explore.directions.label_dialog import LabelDialog

        panel = self.window_.explorer
        if panel.model is None or not panel.model.is_style_based:
            self.window_.statusBar().showMessage(self.tr("Directions in w need a style-based generator (StyleGAN2): "
                                                         "open one first."))
            return None
        if self.host is None or self._model is not panel.model:   # dialogs of the previous model go
            for d in self.dialogs.values():
                d.close()
            self.dialogs.clear()
            self.host, self._model = ExploreHost(panel), panel.model
        dialog = self.dialogs.get(which)
        if dialog is None or not dialog.isVisible():
            dialog = (LabelDialog if which == "label" else CompareDialog)(self.host, self.window_)
            self.dialogs[which] = dialog
        elif which == "compare":
            dialog.refresh_list()   # sets added since it was opened
        dialog.show()
        dialog.raise_()
        return dialog
