"""The main window's menus and what they do to the window itself: File / View / Settings / Help,
zoom, presentation mode, language, the help dialog, the log folder, About.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QFont, QKeySequence
from PySide6.QtWidgets import QMenu, QToolTip

from ganexplorer import applog
from ganexplorer.core.paths import bundled_models
from ganexplorer.gui.common.help import HelpDialog
from ganexplorer.gui.explore.directions.menu import DirectionsMenu
from ganexplorer.gui.explore.projection.project_dialog import open_project_dialog
from ganexplorer.gui.window.system_info import ProblemReporter

PRESENTATION_SCALE = 1.5    # app font in presentation mode, relative to the normal one


class WindowMenus:
    """Mixin of MainWindow (a QMainWindow): builds the menu bar and holds the actions' window-wide slots."""

    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        a.triggered.connect(slot)
        return a

    def _build_menus(self) -> None:
        m = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = self._action(self.tr("&Open checkpoint\u2026"), self.open_dialog,
                                        QKeySequence.StandardKey.Open)
        m.addAction(self.open_action)
        self.recent_menu = m.addMenu(self.tr("Open &recent"))
        self._refresh_recent()
        self.bundled_menu = m.addMenu(self.tr("Open &bundled model"))
        self.bundled_menu.setToolTip(self.tr("The demo models that ship with ganexplorer (no file dialog needed)"))
        for p in bundled_models():
            self.bundled_menu.addAction(self._action(p.stem, lambda _=False, q=p: self.open_checkpoint(q)))
        self.bundled_menu.setEnabled(bool(self.bundled_menu.actions()))
        m.addSeparator()
        self.save_image_action = self._action(self.tr("&Save image\u2026"), self.save_image_dialog,
                                              QKeySequence.StandardKey.Save)
        self.save_image_action.setToolTip(self.tr("Save what the current tab shows, enlarged for slides if small"))
        self.copy_image_action = self._action(self.tr("&Copy image"), self.copy_image, "Ctrl+Shift+C")
        self.save_state_action = self._action(self.tr("Save s&tate\u2026"), self.save_state_dialog, "Ctrl+Shift+S")
        self.open_state_action = self._action(self.tr("Open st&ate\u2026"), self.open_state_dialog, "Ctrl+Shift+O")
        for a in (self.save_image_action, self.copy_image_action, self.save_state_action, self.open_state_action):
            m.addAction(a)
        m.addSeparator()
        m.addAction(self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit))
        v = self.menuBar().addMenu(self.tr("&View"))
        v.addAction(self._action(self.tr("Zoom to &fit"), lambda: self.set_zoom("fit"), "Ctrl+0"))
        v.addAction(self._action(self.tr("Zoom &1:1"), lambda: self.set_zoom(1), "Ctrl+1"))
        v.addAction(self._action(self.tr("Zoom &2\u00d7"), lambda: self.set_zoom(2), "Ctrl+2"))
        v.addSeparator()
        v.addAction(self._action(self.tr("&Previous seed"), lambda: self.explorer.seed.prev_btn.click(), "Ctrl+Left"))
        v.addAction(self._action(self.tr("&Next seed"), lambda: self.explorer.seed.next_btn.click(), "Ctrl+Right"))
        v.addAction(self._action(self.tr("&Random seed"), lambda: self.explorer.seed.rand_btn.click(), "Ctrl+R"))
        v.addSeparator()
        self.presentation_action = QAction(self.tr("&Presentation (large text for projectors)"), self)
        self.presentation_action.setCheckable(True)
        self.presentation_action.setShortcut(QKeySequence("F5"))
        self.presentation_action.toggled.connect(self.set_presentation)
        v.addAction(self.presentation_action)
        self.directions_menu = DirectionsMenu(self)   # from labels, compare (issue 24)
        self.menuBar().addMenu(self.directions_menu)
        self.explore_menu = self.menuBar().addMenu(self.tr("&Explore"))   # project a picture (issue 23)
        self.project_action = self._action(self.tr("&Project image\u2026"), lambda: open_project_dialog(self))
        self.explore_menu.addAction(self.project_action)
        s = self.menuBar().addMenu(self.tr("&Settings"))
        lang = s.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        chosen = self.settings.value("language", "") or ""
        for code, name in (("", self.tr("System default")), ("en", "English"), ("ko", "\ud55c\uad6d\uc5b4")):
            a = self._action(name, lambda _=False, c=code: self.set_language(c))
            a.setCheckable(True)
            a.setChecked(chosen == code)
            group.addAction(a)
            lang.addAction(a)
            self.language_actions[code] = a
        self.help_menu = h = self.menuBar().addMenu(self.tr("&Help"))
        self.help_action = self._action(self.tr("&What am I looking at?"), self.show_help, "F1")
        h.addAction(self.help_action)
        self.show_log_action = self._action(self.tr("Show &log folder"), self.show_log_folder)
        self.show_log_action.setToolTip(self.tr("Open the folder with ganexplorer's log, to send it with a bug report"))
        h.addAction(self.show_log_action)
        self.problem_reporter = ProblemReporter(self)   # Copy system info, Report a problem, About (issue 26)
        self.problem_reporter.add_to(h)
        h.addSeparator()
        h.addAction(self._action(self.tr("&About ganexplorer"), self.about))

    def set_language(self, code: str) -> None:
        self.settings.setValue("language", code)
        self.statusBar().showMessage(self.tr("The language changes the next time ganexplorer starts."))

    def set_presentation(self, on: bool, remember: bool = True) -> None:
        """Projector mode: the whole window's text 1.5x larger; panels thicken their plots (remembered, unless
        ``remember`` is False: ``ganexplorer gui --presentation`` is for one session)."""
        if remember:
            self.settings.setValue("view/presentation", bool(on))
        font = QFont(self._base_font)
        if on:
            if font.pointSizeF() > 0:
                font.setPointSizeF(font.pointSizeF() * PRESENTATION_SCALE)
            else:
                font.setPixelSize(round(font.pixelSize() * PRESENTATION_SCALE))
        self.setFont(font)
        QToolTip.setFont(font)
        for menu in self.menuBar().findChildren(QMenu):  # pop-ups are windows: they do not inherit the font
            menu.setFont(font)
        for dialog in (self.export_dialog, self.help_dialog):
            if dialog is not None:
                dialog.setFont(font)
        for i in range(self.tabs.count()):
            fn = getattr(self.tabs.widget(i), "set_presentation", None)
            if callable(fn):
                fn(bool(on))
        if self.presentation_action.isChecked() != bool(on):
            self.presentation_action.blockSignals(True)   # (its toggled signal would come back here)
            self.presentation_action.setChecked(bool(on))
            self.presentation_action.blockSignals(False)

    def show_help(self) -> None:
        """Explain the current tab (its panel's ``help_html``, else an overview of the tabs)."""
        if self.help_dialog is None:
            self.help_dialog = HelpDialog(self)
            self.help_dialog.setFont(self.font())
        self._refresh_help()

    def _refresh_help(self, activate: bool = True) -> None:
        fn = getattr(self.tabs.currentWidget(), "help_html", None)
        html = fn() if callable(fn) else self.help_dialog.overview_html()
        title = self.tr("What am I looking at? \u2014 {0}").format(self.tabs.tabText(self.tabs.currentIndex()))
        self.help_dialog.show_html(title.replace("&", ""), html, activate)

    def set_zoom(self, zoom) -> None:
        e = self.explorer
        e.controller.update(zoom=zoom)   # saved with the state
        for view in (e.image_view, e.variation_view, e.grid_view, getattr(e, "layer_view", None)):
            if view is not None:
                view.set_zoom(zoom)

    def show_log_folder(self) -> None:
        """Help ▸ Show log folder: the file manager on the folder of the log files."""
        folder = applog.log_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            self.statusBar().showMessage(self.tr("Could not open {0}: {1}").format(str(folder), e.strerror or e))
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.statusBar().showMessage(self.tr("The log is in {0}").format(str(folder)))

    def about(self) -> None:
        self.problem_reporter.about()   # the version, the licence and a Licences button (system_info.py)
