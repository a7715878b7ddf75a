"""Core's sentences said in the window's language, by their code (GUI side)."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QCoreApplication, QTranslator  # noqa: E402

from ganexplorer.core.formats import CheckpointError, load_checkpoint  # noqa: E402
from ganexplorer.gui.common.core_text import translate_core  # noqa: E402


def _errors(tmp_path):
    import os

    from test_hostile_files import b_nan

    (tmp_path / "empty.pt").write_bytes(b"")
    (tmp_path / "text.pkl").write_text("hello, this is not a pickle\n")
    names = ["missing.pkl", "empty.pt", "text.pkl", b_nan(tmp_path).name]   # NaN weights: the isolated loader's checks
    if hasattr(os, "mkfifo"):
        if not (tmp_path / "pipe.pkl").exists():
            os.mkfifo(tmp_path / "pipe.pkl")
        names.append("pipe.pkl")
    out = []
    for name in names:
        with pytest.raises(CheckpointError) as e:
            load_checkpoint(tmp_path / name)
        out.append(str(e.value))
    return out


def test_unknown_and_english_sentences_pass_through(qapp, tmp_path):
    for msg in _errors(tmp_path) + ["something core never says"]:
        assert translate_core(msg) == msg


def test_known_sentences_are_said_in_korean_with_the_file_name_kept(qapp, tmp_path):
    from ganexplorer.gui.app import TRANSLATIONS

    tr = QTranslator()
    assert tr.load(str(TRANSLATIONS / "ganexplorer_ko.qm"))
    QCoreApplication.installTranslator(tr)
    try:
        said = [translate_core(m) for m in _errors(tmp_path)]
    finally:
        QCoreApplication.removeTranslator(tr)
    for english, korean in zip(_errors(tmp_path), said):
        assert korean != english and str(tmp_path) in korean, (english, korean)
        assert any("\uac00" <= ch <= "\ud7a3" for ch in korean), korean   # Hangul syllables


def test_the_train_tab_says_a_dataset_error_in_korean(qtbot, tmp_path):
    """Start on a missing dataset: one sentence in the status bar, in Korean, naming the file."""
    from PySide6.QtCore import QSettings, Qt

    from ganexplorer.gui.app import TRANSLATIONS
    from ganexplorer.gui.window.main_window import MainWindow

    tr = QTranslator()
    assert tr.load(str(TRANSLATIONS / "ganexplorer_ko.qm"))
    QCoreApplication.installTranslator(tr)
    try:
        win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(win)
        p = win.trainer_panel
        win.tabs.setCurrentWidget(p)
        p.setup.data.clear()
        qtbot.keyClicks(p.setup.data, f"mnist:{tmp_path / 'nothing-here.gz'}")
        qtbot.mouseClick(p.controls.start_btn, Qt.MouseButton.LeftButton)
        said = win.statusBar().currentMessage()
        assert "nothing-here.gz" in said and "존재하지 않습니다" in said, said
        assert p.controls.start_btn.isEnabled()
        win.worker.shutdown()
    finally:
        QCoreApplication.removeTranslator(tr)


def test_resuming_a_run_of_another_family_is_said_in_korean(qapp, tmp_path):
    """Core's sentence "'PATH' holds a dcgan32 model, not mlp-gan" (resume into another architecture)."""
    import torch

    from ganexplorer.core.formats import save_native
    from ganexplorer.core.models.registry import build_preset
    from ganexplorer.core.train.config import TrainConfig
    from ganexplorer.core.train.events import StoppedEvent
    from ganexplorer.core.train.session import training_session
    from ganexplorer.gui.app import TRANSLATIONS

    torch.manual_seed(0)
    G, D = build_preset("dcgan32-quick")
    other = save_native(tmp_path / "dcgan.safetensors", "dcgan32", G, D)
    cfg = TrainConfig.for_model("mlp-gan", data="builtin:digits")
    session = training_session(cfg, run_dir=tmp_path / "run", resume_from=other, max_steps=1)
    try:
        stop = next(ev for ev in session if isinstance(ev, StoppedEvent))
    finally:
        session.close()
    english = stop.message
    assert english == f"'{other}' holds a dcgan32 model, not mlp-gan"
    assert translate_core(english) == english          # no translator installed: English
    tr = QTranslator()
    assert tr.load(str(TRANSLATIONS / "ganexplorer_ko.qm"))
    QCoreApplication.installTranslator(tr)
    try:
        said = translate_core(english)
        plain = translate_core(str.__str__(english))    # the same sentence after losing its code (a Qt signal)
    finally:
        QCoreApplication.removeTranslator(tr)
    assert said == plain == f"'{other}'에는 mlp-gan 모델이 아니라 dcgan32 모델이 들어 있습니다"


def test_a_setting_out_of_its_range_is_said_in_korean_with_the_numbers_kept(qapp):
    """TrainConfig's own range sentences (a resumed run's stored settings can hold them) in the UI language."""
    from ganexplorer.core.train.config import TrainConfig
    from ganexplorer.gui.app import TRANSLATIONS

    sentences = []
    for bad in (dict(seed=-1), dict(r1_gamma=float("nan"))):
        with pytest.raises(ValueError) as e:
            TrainConfig.for_model("stylegan2-32", **bad).validate()
        sentences.append(str(e.value))
    tr = QTranslator()
    assert tr.load(str(TRANSLATIONS / "ganexplorer_ko.qm"))
    QCoreApplication.installTranslator(tr)
    try:
        said = [translate_core(m) for m in sentences]
    finally:
        QCoreApplication.removeTranslator(tr)
    assert "--seed" in said[0] and "0" in said[0] and "2147483647" in said[0] and "-1" in said[0]
    assert "--r1-gamma" in said[1] and "nan" in said[1]
    for korean in said:
        assert any("\uac00" <= ch <= "\ud7a3" for ch in korean), korean
