"""The window in Korean (issue 26): every text it can show — each tab's widgets, every menu entry and
tooltip, each dialog the menus open, Qt's own file dialog — has no English left over but names and
numbers; and Settings ▸ Language switches at once, without a restart, with nothing lost."""

import re

import pytest

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

from gui_fixtures import *  # noqa: E402,F401,F403  (fixtures: dialogs, settings, pkl, window)
from gui_fixtures import click_tab, open_window, pick, settle  # noqa: E402
from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtGui import QDesktopServices  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QTabWidget  # noqa: E402

from ganexplorer.gui.common.language_switch import shown_texts  # noqa: E402
from ganexplorer.gui.common.translators import use_language  # noqa: E402

# What may stay in Latin letters in Korean: names of things, formats, units, settings' own spellings.
NAMES = {
    "ganexplorer", "StyleGAN", "StyleGAN2", "DCGAN", "GAN", "GANs", "MLP", "LSGAN", "WGAN", "PCA", "SeFa", "GIF",
    "MP4", "PNG", "JPEG", "CPU", "GPU", "CUDA", "MPS", "Apple", "NVIDIA", "PyTorch", "Qt", "MNIST", "Fashion",
    "Quick", "Draw", "CIFAR", "Adam", "BatchNorm", "NaN", "inf", "English", "psi", "sigma", "fps", "slerp",
    "builtin", "digits", "mnist", "quickdraw", "cifar10", "folder", "FILE", "FOLDER", "auto", "float32", "fp16",
    "fp32", "bf16", "const", "log", "exp", "tanh", "AMP", "ADA", "LPIPS", "VGG", "ETA", "pix", "real_err",
    "fake_err", "num_ws", "Ctrl", "Shift", "Space", "Enter", "Esc", "Home", "End", "Python", "npy", "npz", "csv",
    "txt", "NumPy", "SciPy", "Pillow", "pyqtgraph", "imageio", "safetensors", "superqt", "Shen", "Zhou", "Karras",
    "Härkönen", "float", "Goodfellow", "Radford", "Linux", "Windows", "macOS", "GitHub",
}
_NAMES = {n.lower() for n in NAMES}
_FILE = re.compile(r"\S+\.(safetensors|pkl|pt|pth|ckpt|json|png|gif|mp4|npy|npz|csv|txt|py|log|qm|ts)\b", re.I)
_GLOSS = re.compile(r"(?<=[\uac00-\ud7a3])\([A-Za-z][A-Za-z -]*\)")   # 절단(Truncation): the term students meet
_URL = re.compile(r"\w+://\S+")
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9-]{1,7}\b")   # BCE, WGAN-GP, LGPL-3.0: names, not words
_IDENT = re.compile(r"\b\w+[._/\\:]\w[\w.:/\\-]*")   # synthesis.b4.conv1, builtin:digits, a path


def hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def english_words(text: str) -> list[str]:
    """Words of three or more Latin letters left once markup, file names, identifiers and names are out."""
    text = re.sub(r"<[^>]*>|&[a-z]+;|&#\d+;", " ", text)
    text = _ACRONYM.sub(" ", _IDENT.sub(" ", _FILE.sub(" ", _URL.sub(" ", _GLOSS.sub(" ", text)))))
    return [w for w in re.findall(r"[A-Za-z]{3,}", text) if w.lower() not in _NAMES]


def leftovers(roots, names: set[str] = frozenset()) -> list[str]:
    """What is still English under ``roots``: the widget, the kind of text, the words, the text."""
    found = set()
    longest_first = sorted(names, key=len, reverse=True)
    for s in shown_texts(roots):
        text = s.text
        for name in longest_first:   # a model's own name ("stylegan2-64-small") is a name
            text = text.replace(name, " ")
        words = english_words(text)
        if words:
            found.add(f"{type(s.owner).__name__} {s.kind}: {' '.join(words[:6])} \u2190 {s.text[:100]!r}")
    return sorted(found)


def test_the_words_check_allows_names_numbers_and_files_but_not_english():
    assert english_words("stylegan2-digits.safetensors \u2014 ganexplorer") == []
    assert english_words("\ub808\uc774\uc5b4 synthesis.b4.conv1 \u00b7 32\u00b2 \u00b7 CPU (2 GPU)") == []
    assert english_words("<b>\uc2dc\ub4dc</b>&nbsp;12") == []
    assert english_words("CPU (2 threads)") == ["threads"]
    assert english_words("\uc5d0\ud3ec\ud06c 3 step 700") == ["step"]
    assert english_words("\uc808\ub2e8(Truncation)") == [] and english_words("(Truncation)") == ["Truncation"]


@pytest.fixture
def korean():
    app = QApplication.instance()
    assert use_language(app, "ko") == "ko"
    yield
    use_language(app, "en")


@pytest.fixture
def quiet_desktop(monkeypatch):
    """Nothing leaves the test: no file manager, no browser, no blocking file dialog."""
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda *a: False)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")


def menu_entries(actions):
    """The entries of the menu bar's menus, submenus included (not the menus themselves)."""
    for a in actions:
        if a.menu() is not None:
            yield from menu_entries(a.menu().actions())
        elif not a.isSeparator():
            yield a


SKIP = ("&Quit", "&Open checkpoint\u2026", "Save s&tate\u2026", "Open st&ate\u2026")   # they block or end the test


@pytest.mark.slow
def test_every_text_of_the_window_and_its_dialogs_is_korean(korean, quiet_desktop, qtbot, settings, pkl):
    win = open_window(qtbot, settings, pkl)
    try:
        win.resize(1280, 720)
        for i in range(win.tabs.count()):   # each tab shown once: pages build what they show on first view
            click_tab(qtbot, win.tabs, i)
            qtbot.waitUntil(lambda i=i: win.tabs.currentIndex() == i)
        click_tab(qtbot, win.tabs, 0)
        skip = {QCoreApplication.translate("WindowMenus", s) for s in SKIP}
        models = set(win.bundled_menu.actions()) | set(win.menus.recent_menu.actions())   # they open models
        for action in menu_entries(win.menuBar().actions()):   # every menu entry: those that open a window
            if not action.isCheckable() and action.isEnabled() and action not in models and action.text() not in skip:
                action.trigger()
        settle(qtbot, win)
        qt_dialog = QFileDialog(win, "x")   # Qt's own dialog, where the desktop has no native one
        qt_dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qt_dialog.show()
        roots = [win] + [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
        texts = " ".join(s.text for s in shown_texts([qt_dialog]))
        assert "Look in" not in texts and "Files of type" not in texts and hangul(texts), texts
        assert win.help_dialog is not None and hangul(win.help_dialog.browser.toPlainText())
        from ganexplorer.core.paths import bundled_models

        tabs = [t.tabText(i) for t in win.findChildren(QTabWidget) for i in range(t.count())]
        assert all(tabs), tabs   # a translator that answers "" would blank them (and hide any English)
        from ganexplorer.core.models.registry import PRESETS

        found = leftovers(roots, names={p.stem for p in bundled_models()} | set(PRESETS))
        assert not found, "English left in the Korean window:\n" + "\n".join(found)
    finally:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QDialog) and w.isVisible():
                w.close()
        win.close()
        win.worker.shutdown()


def test_settings_language_switches_at_once_and_back_keeping_the_model(window, qtbot, settings):
    from ganexplorer.gui.common.core_text import CoreText

    model, seed = window.model, window.explorer.seed.value()
    menus = [a.text() for a in window.menuBar().actions()]
    assert window.tabs.tabText(0) == "Explore" and "&File" in menus
    try:
        window.menus.language_actions["ko"].trigger()
        assert settings.value("language") == "ko"
        tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert all(hangul(t) for t in tabs), tabs
        assert all(hangul(a.text()) for a in window.menuBar().actions()), [a.text() for a in window.menuBar().actions()]
        assert all(hangul(a.text()) for a in window.help_menu.actions() if a.text()), window.help_menu.actions()
        assert hangul(window.trainer_panel.controls.start_btn.text())
        assert hangul(window.trainer_panel.plots.loss_plot.getPlotItem().titleLabel.text)   # a tab's own re-render
        assert hangul(window.trainer_panel.setup.expect.text())
        assert CoreText().language() == "ko"   # core's sentences follow too
        assert window.model is model and window.explorer.seed.value() == seed
        window.menus.language_actions["en"].trigger()
        assert window.tabs.tabText(0) == "Explore"
        assert [a.text() for a in window.menuBar().actions()] == menus
        assert window.trainer_panel.controls.start_btn.text() == "Start"
        assert not [s.text for s in shown_texts([window]) if hangul(s.text) and s.text != "\ud55c\uad6d\uc5b4"]
        assert window.model is model and window.explorer.seed.value() == seed
    finally:
        use_language(QApplication.instance(), "en")


@pytest.mark.slow
def test_what_training_says_is_korean(korean, qtbot, settings, tmp_path):
    """The Train tab's status line (the log line every 100 steps, the finish) and the 1-D demo's log."""
    from ganexplorer.gui.window.main_window import MainWindow
    from PySide6.QtCore import Qt

    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    said = []
    win.statusBar().messageChanged.connect(lambda text: said.append(text) if text else None)
    try:
        p = win.trainer_panel
        click_tab(qtbot, win.tabs, win.tabs.indexOf(p))
        pick(qtbot, p.setup.model, p.setup.model.findData("mlp-gan"))
        for field, text in ((p.setup.batch, "16"), (p.setup.max_steps, "100"), (p.setup.sample_every, "100"),
                            (p.setup.out_dir, str(tmp_path / "runs"))):
            target = getattr(field, "lineEdit", lambda f=field: f)()
            target.selectAll()
            qtbot.keyClicks(target, text)
            qtbot.keyClick(target, Qt.Key.Key_Return)
        qtbot.mouseClick(p.controls.start_btn, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: any("100" in s and "\uc2a4\ud15d" in s for s in said[1:]) and
                        p.controls.start_btn.isEnabled(), timeout=120_000)
        log_lines = [s for s in said if "D(G(z))" in s]
        assert log_lines and all(hangul(s) for s in log_lines), said
        assert not [s for s in said if english_words(s)], said

        win.tabs.setCurrentWidget(win.demo1d_panel)
        run = win.demo1d_panel.runs[0]
        run.epochs.selectAll()
        qtbot.keyClicks(run.epochs, "3")
        qtbot.keyClick(run.epochs, Qt.Key.Key_Return)
        qtbot.mouseClick(run.start_btn, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not run.is_running() and run.summary is not None, timeout=60_000)
        log = run.log.toPlainText()
        assert hangul(log) and "Epoch" not in log and not english_words(log), log
    finally:
        win.trainer_panel.shutdown()
        win.demo1d_panel.shutdown()
        win.worker.shutdown()


@pytest.mark.slow
def test_a_run_goes_on_through_a_language_switch(qtbot, settings, tmp_path):
    """Switching while the Train tab trains: the run is not touched, and what it says next is Korean."""
    from PySide6.QtCore import Qt

    from ganexplorer.gui.window.main_window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    p = win.trainer_panel
    try:
        click_tab(qtbot, win.tabs, win.tabs.indexOf(p))
        pick(qtbot, p.setup.model, p.setup.model.findData("mlp-gan"))
        for field, text in ((p.setup.batch, "16"), (p.setup.max_steps, "40"), (p.setup.out_dir, str(tmp_path))):
            target = getattr(field, "lineEdit", lambda f=field: f)()
            target.selectAll()
            qtbot.keyClicks(target, text)
            qtbot.keyClick(target, Qt.Key.Key_Return)
        qtbot.mouseClick(p.controls.start_btn, Qt.MouseButton.LeftButton)
        runner = p.runner
        win.menus.language_actions["ko"].trigger()
        qtbot.waitUntil(lambda: p.controls.start_btn.isEnabled() and p.controller.run.progress.step == 40,
                        timeout=120_000)
        assert p.runner is runner and p.setup.max_steps.value() == 40 and p.setup.model.currentData() == "mlp-gan"
        said = win.statusBar().currentMessage()
        assert hangul(said) and "40" in said and not english_words(said.replace(str(tmp_path), " ")), said
        assert hangul(p.controls.rate_label.text()), p.controls.rate_label.text()
    finally:
        use_language(QApplication.instance(), "en")
        p.shutdown()
        win.worker.shutdown()
