"""The main window's menu bar: File / View / Directions / Explore / Settings / Help, and what only a menu
does (the recent files list, the help window, the log folder, About, choosing the language).

A part of the window, not a base class of it: ``WindowMenus(window, files)`` builds the menu bar of
``window`` and holds its actions. It uses only the window's public methods (``open_dialog``,
``open_checkpoint``, ``set_zoom``, ``set_presentation``, ``set_language``, ``recent_files``, ``tabs``,
``settings``, ``explorer``) and the files part's (``WindowFiles``) for the File menu's picture and state
entries; the window calls back only ``refresh_recent`` and reads the actions it offers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence

from ganexplorer import applog
from ganexplorer.core.paths import bundled_models
from ganexplorer.gui.common.help import HelpDialog
from ganexplorer.gui.explore.directions.menu import DirectionsMenu
from ganexplorer.gui.explore.projection.project_dialog import open_project_dialog
from ganexplorer.gui.window.system_info import ProblemReporter

if TYPE_CHECKING:
    from ganexplorer.gui.window.window_host import WindowHost
    from ganexplorer.gui.window.window_files import WindowFiles

LANGUAGES = (("", None), ("en", "English"), ("ko", "\ud55c\uad6d\uc5b4"))   # code, name in itself (None: "System default")


class WindowMenus(QObject):
    """The menu bar of one main window and its actions (their parent is the window, as its shortcuts need)."""

    def __init__(self, window: WindowHost, files: WindowFiles) -> None:
        super().__init__(window)
        self.window = window
        self.files = files
        self.help_dialog: HelpDialog | None = None
        self._build_file_menu()
        self._build_view_menu()
        self.directions_menu = DirectionsMenu(window)   # from labels, compare (issue 24)
        window.menuBar().addMenu(self.directions_menu)
        self.explore_menu = window.menuBar().addMenu(self.tr("&Explore"))   # project a picture (issue 23)
        self.project_action = self._action(self.tr("&Project image\u2026"), lambda: open_project_dialog(window))
        self.explore_menu.addAction(self.project_action)
        self._build_settings_menu()
        self._build_help_menu()
        window.tabs.currentChanged.connect(lambda _index: self._follow_tab())

    def _action(self, text: str, slot: Callable, shortcut: QKeySequence | str | None = None) -> QAction:
        a = QAction(text, self.window)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        a.triggered.connect(slot)
        return a

    def _build_file_menu(self) -> None:
        w, files = self.window, self.files
        m = w.menuBar().addMenu(self.tr("&File"))
        self.open_action = self._action(self.tr("&Open checkpoint\u2026"), w.open_dialog, QKeySequence.StandardKey.Open)
        m.addAction(self.open_action)
        self.recent_menu = m.addMenu(self.tr("Open &recent"))
        self.refresh_recent()
        self.bundled_menu = m.addMenu(self.tr("Open &bundled model"))
        self.bundled_menu.setToolTip(self.tr("The demo models that ship with ganexplorer (no file dialog needed)"))
        for p in bundled_models():
            self.bundled_menu.addAction(self._action(p.stem, lambda _=False, q=p: w.open_checkpoint(q)))
        self.bundled_menu.setEnabled(bool(self.bundled_menu.actions()))
        m.addSeparator()
        self.save_image_action = self._action(self.tr("&Save image\u2026"), files.save_image_dialog,
                                              QKeySequence.StandardKey.Save)
        self.save_image_action.setToolTip(self.tr("Save what the current tab shows, enlarged for slides if small"))
        self.copy_image_action = self._action(self.tr("&Copy image"), files.copy_image, "Ctrl+Shift+C")
        self.save_state_action = self._action(self.tr("Save s&tate\u2026"), files.save_state_dialog, "Ctrl+Shift+S")
        self.open_state_action = self._action(self.tr("Open st&ate\u2026"), files.open_state_dialog, "Ctrl+Shift+O")
        for a in (self.save_image_action, self.copy_image_action, self.save_state_action, self.open_state_action):
            m.addAction(a)
        m.addSeparator()
        m.addAction(self._action(self.tr("&Quit"), w.close, QKeySequence.StandardKey.Quit))

    def _build_view_menu(self) -> None:
        w = self.window
        v = w.menuBar().addMenu(self.tr("&View"))
        v.addAction(self._action(self.tr("Zoom to &fit"), lambda: w.set_zoom("fit"), "Ctrl+0"))
        v.addAction(self._action(self.tr("Zoom &1:1"), lambda: w.set_zoom(1), "Ctrl+1"))
        v.addAction(self._action(self.tr("Zoom &2\u00d7"), lambda: w.set_zoom(2), "Ctrl+2"))
        v.addSeparator()
        v.addAction(self._action(self.tr("&Previous seed"), lambda: w.explorer.seed.prev_btn.click(), "Ctrl+Left"))
        v.addAction(self._action(self.tr("&Next seed"), lambda: w.explorer.seed.next_btn.click(), "Ctrl+Right"))
        v.addAction(self._action(self.tr("&Random seed"), lambda: w.explorer.seed.rand_btn.click(), "Ctrl+R"))
        v.addSeparator()
        self.presentation_action = QAction(self.tr("&Presentation (large text for projectors)"), w)
        self.presentation_action.setCheckable(True)
        self.presentation_action.setShortcut(QKeySequence("F5"))
        self.presentation_action.toggled.connect(w.set_presentation)
        v.addAction(self.presentation_action)

    def _build_settings_menu(self) -> None:
        w = self.window
        s = w.menuBar().addMenu(self.tr("&Settings"))
        self.language_menu = lang = s.addMenu(self.tr("&Language"))
        group = QActionGroup(w)
        group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        chosen = w.settings.value("language", "") or ""
        for code, name in LANGUAGES:
            a = self._action(name or self.tr("System default"), lambda _=False, c=code: w.set_language(c))
            a.setCheckable(True)
            a.setChecked(chosen == code)
            group.addAction(a)
            lang.addAction(a)
            self.language_actions[code] = a

    def _build_help_menu(self) -> None:
        self.help_menu = h = self.window.menuBar().addMenu(self.tr("&Help"))
        self.help_action = self._action(self.tr("&What am I looking at?"), self.show_help, "F1")
        h.addAction(self.help_action)
        self.show_log_action = self._action(self.tr("Show &log folder"), self.show_log_folder)
        self.show_log_action.setToolTip(self.tr("Open the folder with ganexplorer's log, to send it with a bug report"))
        h.addAction(self.show_log_action)
        self.problem_reporter = ProblemReporter(self.window)   # Copy system info, Report a problem, About (issue 26)
        self.problem_reporter.add_to(h)
        h.addSeparator()
        h.addAction(self._action(self.tr("&About ganexplorer"), self.about))

    def refresh_recent(self) -> None:
        """File ▸ Open recent from the window's list (after a file was opened)."""
        self.recent_menu.clear()
        recent = self.window.recent_files()
        for p in recent:
            self.recent_menu.addAction(self._action(p, lambda _=False, q=p: self.window.open_checkpoint(q)))
        self.recent_menu.setEnabled(bool(recent))

    def show_help(self) -> None:
        """Explain the current tab (its panel's ``help_html``, else an overview of the tabs)."""
        if self.help_dialog is None:
            self.help_dialog = HelpDialog(self.window)
            self.help_dialog.setFont(self.window.font())
        self._refresh_help()

    def retranslate(self) -> None:
        """After a language switch: an open help window explains the tab again, in the new language."""
        self._follow_tab()

    def _follow_tab(self) -> None:
        """An open help window explains the tab now shown."""
        if self.help_dialog is not None and self.help_dialog.isVisible():
            self._refresh_help(activate=False)

    def _refresh_help(self, activate: bool = True) -> None:
        assert self.help_dialog is not None
        tabs = self.window.tabs
        fn = getattr(tabs.currentWidget(), "help_html", None)
        html = fn() if callable(fn) else self.help_dialog.overview_html()
        title = self.tr("What am I looking at? \u2014 {0}").format(tabs.tabText(tabs.currentIndex()))
        self.help_dialog.show_html(title.replace("&", ""), html, activate)

    def show_log_folder(self) -> None:
        """Help ▸ Show log folder: the file manager on the folder of the log files."""
        folder = applog.log_dir()
        status = self.window.statusBar()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            status.showMessage(self.tr("Could not open {0}: {1}").format(str(folder), e.strerror or e))
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            status.showMessage(self.tr("The log is in {0}").format(str(folder)))

    def about(self) -> None:
        self.problem_reporter.about()   # the version, the licence and a Licences button (system_info.py)
