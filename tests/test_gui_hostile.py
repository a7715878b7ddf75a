"""The window survives every hostile checkpoint (issue 13): one message, the previous model kept."""

import pytest
from gui_fixtures import *  # noqa: F403 - the fixtures (window, pkl, dialogs)
from gui_fixtures import settle
from test_hostile_files import CORPUS, build_corpus

from ganexplorer.core.text import printable

BAD = [c for c in CORPUS if not c.good]


@pytest.mark.slow
def test_every_hostile_file_gives_one_line_and_keeps_the_model(window, qtbot, tmp_path, pkl, dialogs):
    title = window.windowTitle()
    for case, path in build_corpus(tmp_path / "corpus", BAD):
        shown_before = len(dialogs)
        window.open_checkpoint(path, show_progress=False)
        qtbot.waitUntil(lambda p=path: window.last_error is not None and printable(p) in window.last_error,
                        timeout=30_000)
        said = window.last_error
        assert "\n" not in said and "\x1b" not in said, (case.name, said)
        assert window.statusBar().currentMessage() == said, case.name
        assert len(dialogs) - shown_before <= 1, (case.name, dialogs[shown_before:])
        assert window.model.path == pkl and window.windowTitle() == title, case.name
        if case.marker:
            assert not (path.parent / "marker").exists(), case.name
    settle(qtbot, window)


def test_file_text_in_the_info_strip_is_shown_as_text(window, qtbot, tmp_path):
    """A name or metadata that looks like HTML is shown as the characters it is, not rendered."""
    from PySide6.QtGui import QTextDocument

    from test_hostile_files import _native

    path = _native(tmp_path / "<h2>x.safetensors", metadata={
        "training": {"dataset": "<h1 style='color:red'>BIG</h1>", "step": 3}})
    window.open_checkpoint(path, show_progress=False)
    qtbot.waitUntil(lambda: window.model.path == path, timeout=30_000)
    settle(qtbot, window)
    doc = QTextDocument()
    doc.setHtml(window.explorer.info.text())
    seen = doc.toPlainText()
    assert "<h1 style='color:red'>BIG</h1>" in seen and "<h2>x.safetensors" in seen


def test_metadata_of_unexpected_types_does_not_break_the_info_strip(window, qtbot, tmp_path):
    """A native file's metadata is the file's JSON: 'training' may be text, 'quality' numbers may be words."""
    from test_hostile_files import _native

    path = _native(tmp_path / "odd.safetensors", metadata={
        "training": {"step": "many", "dataset": ["a", "b"]},
        "quality": {"samples": "x", "confident_share": "high", "coverage": None, "largest_share": [],
                    "frechet": "?", "frechet_floor": {}}})
    window.open_checkpoint(path, show_progress=False)
    qtbot.waitUntil(lambda: window.model.path == path, timeout=30_000)
    settle(qtbot, window)
    assert "odd.safetensors" in window.explorer.info.text()
