"""The 2-D lab's sentences (bad settings, bad points files, a diverged run) said in Korean by their code:
core translated directly, the command line under a Korean locale, and the tab with the Korean translator."""

import os

import numpy as np
import pytest

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

from gui_fixtures import *  # noqa: E402,F403  (the fixtures: dialogs, settings)
from PySide6.QtCore import QCoreApplication, Qt, QTranslator  # noqa: E402
from PySide6.QtWidgets import QFileDialog  # noqa: E402

from ganexplorer.cli import i18n, main  # noqa: E402
from ganexplorer.core.lab2d.config import Lab2DConfig  # noqa: E402
from ganexplorer.core.lab2d.lab import Lab2D  # noqa: E402
from ganexplorer.core.lab2d.losses import LOSSES  # noqa: E402
from ganexplorer.core.lab2d.points import PointsFileError, read_points  # noqa: E402
from ganexplorer.core.lab2d.targets import builtin, from_points  # noqa: E402
from ganexplorer.core.locale import translate  # noqa: E402
from ganexplorer.core.messages import Message  # noqa: E402


def hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def english_words(text: str, *names: object) -> list[str]:
    """Words of three or more Latin letters left in a sentence once ``names`` (file names) are taken out."""
    import re

    for name in names:
        text = text.replace(str(name), " ")
    return [w for w in re.findall(r"[A-Za-z]{3,}", text)
            if w not in {"NaN", "npy", "csv", "txt", "Adam", "ganexplorer", "FIFO", "pickle", "Python"}]


@pytest.mark.parametrize("changes, numbers", [
    ({"lr_d": 0.0}, ["1e-06", "0.1", "0"]),
    ({"batch": 2}, ["8", "4096", "2"]),
    ({"depth": 2.5}, ["2.5"]),
    ({"penalty": float("inf")}, ["inf"]),
    ({"loss": "hinge"}, ["hinge", "r1"]),
])
def test_a_bad_setting_is_said_in_korean_with_its_numbers(changes, numbers):
    with pytest.raises(ValueError) as e:
        Lab2D(builtin("ring8"), Lab2DConfig(**changes))
    english = str(e.value)
    assert isinstance(english, Message) and english.code.startswith(("lab2d.", "train."))
    for said in (translate(english, "ko"), translate(str.__str__(english), "ko")):   # also after losing its code
        assert hangul(said) and said != english, said
        assert all(n in said for n in numbers), (said, numbers)
        assert not english_words(said, *LOSSES, *changes.values()), said


def _bad_points_files(tmp_path):
    few = tmp_path / "few points.csv"
    few.write_text("x,y\n0,0\n1,1\n2,2\n")
    pickled = tmp_path / "objects.npy"
    np.save(pickled, np.array([{"x": 1}, None], dtype=object), allow_pickle=True)
    wrong = tmp_path / "wrong.npy"
    np.save(wrong, np.zeros((10, 3)))
    rows = tmp_path / "rows.txt"
    rows.write_text("1 2\n3 4 5\n")
    return {few: ["3", "10"], pickled: [], wrong: ["10, 3"], rows: ["2", "3"], tmp_path / "none.npy": [],
            tmp_path: []}


def test_a_bad_points_file_is_said_in_korean_with_its_name_and_numbers(tmp_path):
    for path, numbers in _bad_points_files(tmp_path).items():
        with pytest.raises(ValueError) as e:
            from_points(read_points(path), name=path.name)
        english = str(e.value)
        if not isinstance(e.value, PointsFileError):         # the file read, but it is no target: name it
            from ganexplorer.core.messages import message
            english = message("file.frame", path=path, problem=str(e.value))
        said = translate(english, "ko")
        assert hangul(said) and str(path) in said, said
        assert all(n in said for n in numbers), (said, numbers)
        assert not english_words(said, path), said


def test_a_diverged_run_is_said_in_korean_with_its_step():
    lab = Lab2D(builtin("ring8"), Lab2DConfig(steps=10))
    for _ in range(7):
        lab.train_step()
    lab.G.theta[:] = np.nan
    bad = lab.check_diverged()
    said = translate(bad.line(), "ko")
    assert hangul(said) and "7" in said and not english_words(said.replace("NaN", "")), said
    assert hangul(translate(bad.reason, "ko"))


@pytest.fixture
def korean_cli():
    i18n.set_language("ko")
    i18n.install()
    yield
    i18n.set_language("")
    i18n.install()


def test_the_command_line_says_a_bad_target_file_in_korean(korean_cli, tmp_path, capsys):
    files = _bad_points_files(tmp_path)
    for path, numbers in files.items():
        assert main(["lab2d", "--target", str(path), "--steps", "5"]) == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and hangul(err) and str(path) in err, err
        assert not english_words(err, path), err
        assert all(n in err for n in numbers), (err, numbers)


def test_the_command_line_says_a_diverged_run_in_korean(korean_cli, capsys):
    assert main(["lab2d", "--target", "ring8", "--preset", "G too strong", "--steps", "5"]) == 0
    capsys.readouterr()
    # a run that diverges: WGAN without its penalty at a huge learning rate (the preset is changed in core)
    from ganexplorer.core.lab2d import config

    saved = config.PRESETS["G too strong"]
    config.PRESETS["G too strong"] = Lab2DConfig(loss="wgan-gp", penalty=0.0, lr_d=0.1, lr_g=0.1, beta1=0.0,
                                                 steps=20_000)
    try:
        assert main(["lab2d", "--target", "ring8", "--preset", "G too strong", "--every", "50", "--quiet"]) == 3
    finally:
        config.PRESETS["G too strong"] = saved
    err = capsys.readouterr().err.strip()
    assert hangul(err) and "diverged" not in err, err


# -- the tab, with the Korean translator installed ---------------------------------------------------------
@pytest.fixture
def korean_tab(qtbot, settings):
    from ganexplorer.gui.app import TRANSLATIONS
    from ganexplorer.gui.window.main_window import MainWindow

    tr = QTranslator()
    assert tr.load(str(TRANSLATIONS / "ganexplorer_ko.qm"))
    QCoreApplication.installTranslator(tr)
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    win.tabs.setCurrentWidget(win.lab2d_panel)
    yield win, win.lab2d_panel
    win.lab2d_panel.shutdown()
    win.worker.shutdown()
    QCoreApplication.removeTranslator(tr)


def test_the_tab_says_a_bad_learning_rate_in_korean(qtbot, korean_tab):
    win, panel = korean_tab
    box = panel.controls.lr_d
    box.selectAll()
    qtbot.keyClicks(box, "0")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.mouseClick(panel.play_btn, Qt.MouseButton.LeftButton)
    assert panel.lab is None
    said = win.statusBar().currentMessage()
    assert hangul(said) and "1e-06" in said and "learning rate" not in said, said


def test_the_tab_says_a_bad_points_file_in_korean(qtbot, korean_tab, tmp_path, monkeypatch):
    win, panel = korean_tab
    panel.controls.target.setCurrentIndex(panel.controls.target.findData("drawn"))
    files = _bad_points_files(tmp_path)
    answer = [""]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (answer[0], ""))
    for path, numbers in files.items():
        if path.is_dir():
            continue                           # a folder cannot be picked in the open dialog
        answer[0] = str(path)
        qtbot.mouseClick(panel.load_btn, Qt.MouseButton.LeftButton)
        said = win.statusBar().currentMessage()
        assert hangul(said) and path.name in said, said
        assert all(n in said for n in numbers), (said, numbers)
    assert len(panel.plane.drawn_points) == 0


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_said_in_korean(tmp_path):
    fifo = tmp_path / "pipe.npy"
    os.mkfifo(fifo)
    with pytest.raises(PointsFileError) as e:
        read_points(fifo)
    said = translate(str(e.value), "ko")
    assert hangul(said) and str(fifo) in said, said
