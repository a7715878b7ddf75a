"""What the window's parts (menus, files) may use of the main window: its public face, as a Protocol.

The parts are given the window itself, but they are typed against this, so that they neither import
``main_window`` (an import circle: the window builds them) nor reach into its private fields.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QMenuBar, QStatusBar, QTabWidget, QWidget

    from ganexplorer.app.explorer_state import ExplorerState
    from ganexplorer.core.formats.loaded import LoadedModel
    from ganexplorer.gui.explore.explorer_panel import ExplorerPanel


class WindowHost(Protocol):
    """The main window as its menus and file actions see it."""

    settings: QSettings
    model: LoadedModel | None
    tabs: QTabWidget
    explorer: ExplorerPanel
    trainer_panel: QWidget
    demo1d_panel: QWidget

    def menuBar(self) -> QMenuBar: ...  # noqa: N802 (Qt naming)
    def statusBar(self) -> QStatusBar: ...  # noqa: N802
    def font(self) -> QFont: ...
    def close(self) -> bool: ...
    def open_dialog(self) -> None: ...
    def open_checkpoint(self, path: str | Path, show_progress: bool = True, switch_tab: bool = True) -> int: ...
    def recent_files(self) -> list[str]: ...
    def remembered_folder(self, key: str) -> str: ...
    def warn(self, message: str) -> None: ...
    def show_state(self, state: ExplorerState, checkpoint: str | None) -> None: ...
    def set_zoom(self, zoom: object) -> None: ...
    def set_presentation(self, on: bool, remember: bool = True) -> None: ...
    def set_language(self, code: str) -> None: ...
