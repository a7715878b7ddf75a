"""One source for training settings: TrainConfig's field metadata feeds the CLI and the Train tab."""

import dataclasses
import re

import pytest

pytest.importorskip("PySide6")
from PySide6.QtCore import Qt  # noqa: E402

from gui_fixtures import settings  # noqa: E402,F401  (fixture)

from ganexplorer.cli import main  # noqa: E402
from ganexplorer.core.models.registry import PRESETS, build_preset  # noqa: E402
from ganexplorer.core.train.config import TrainConfig  # noqa: E402
from ganexplorer.core.train.settings import settings_of  # noqa: E402

SETTINGS = settings_of(TrainConfig)
# The Train tab's spin boxes, by TrainConfig field.
FORM_BOXES = {"batch_size": "batch", "lr": "lr", "beta1": "beta1", "d_steps": "d_steps", "seed": "seed",
              "sample_every": "sample_every", "checkpoint_every": "checkpoint_every", "r1_gamma": "r1_gamma",
              "pl_weight": "pl_weight", "mixing_prob": "mixing_prob"}


def test_every_field_has_help_and_default():
    fields = dataclasses.fields(TrainConfig)
    assert [f.name for f in fields] == list(SETTINGS)
    for f in fields:
        s = SETTINGS[f.name]
        assert s.help.strip(), f.name
        assert s.default == f.default == getattr(TrainConfig(), f.name)
        assert s.minimum is None or s.maximum is None or s.minimum <= s.default <= s.maximum, f.name


def _effective_default(name: str):
    """The value a run gets when the user leaves the option out (its family's value for family-only fields)."""
    s = SETTINGS[name]
    if not s.families:
        return s.default
    model = next(n for n, p in PRESETS.items() if p.family == s.families[0] and not p.train_defaults)
    return getattr(TrainConfig.for_model(model), name)


def test_cli_train_help_lists_each_exposed_setting_with_the_core_default(capsys):
    with pytest.raises(SystemExit) as e:
        main(["train", "--help"])
    assert e.value.code == 0
    text = " ".join(capsys.readouterr().out.split("options:", 1)[1].split())   # the option list, not the usage
    exposed = [s for s in SETTINGS.values() if s.flag]
    assert {"--batch", "--sample-every", "--checkpoint-every", "--log-every", "--augment"} <= {s.flag for s in exposed}
    for s in exposed:
        value = _effective_default(s.name)
        shown = "none" if value == "" else value
        # the option's help block: from its flag to the next option
        block = re.search(re.escape(s.flag) + r"\b(.*?)(?= --[a-z]|$)", text).group(1)
        assert f"(default {shown}" in block, (s.flag, block)


def test_cli_option_left_out_takes_the_core_default():
    from ganexplorer.cli import build_parser

    args = build_parser().parse_args(["train", "--out", "x"])
    chosen = {n: getattr(args, n) for n, s in SETTINGS.items() if s.flag}
    cfg = TrainConfig.for_model("dcgan32", **chosen)
    assert (cfg.sample_every, cfg.checkpoint_every, cfg.log_every) == (
        TrainConfig.sample_every, TrainConfig.checkpoint_every, TrainConfig.log_every)


def test_presets_declare_conditional_and_trainable():
    for name, preset in PRESETS.items():
        if not preset.trainable:
            with pytest.raises(ValueError, match="--model must be one of"):
                TrainConfig(model=name).validate()
            continue
        G, _ = build_preset(name)
        assert preset.conditional == (G.c_dim > 0), name
        TrainConfig.for_model(name, conditional=preset.conditional).validate()


@pytest.fixture
def train_tab(qtbot, settings):  # noqa: F811 (the fixture imported above)
    from ganexplorer.gui.window.main_window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    return win.trainer_panel


def _pick_model(qtbot, p, name: str) -> None:
    """Choose ``name`` in the model box with the keyboard, as a user does."""
    p.setup.model.setFocus()
    while p.setup.model.currentData() != name:
        qtbot.keyClick(p.setup.model, Qt.Key.Key_Down)
        assert p.setup.model.currentIndex() < p.setup.model.count() - 1 or p.setup.model.currentData() == name


def test_train_tab_shows_the_core_defaults(qtbot, train_tab):
    p = train_tab
    _pick_model(qtbot, p, "dcgan32")   # a preset with no settings of its own: the plain core defaults
    assert TrainConfig.for_model("dcgan32") == TrainConfig(model="dcgan32")
    for name, attr in FORM_BOXES.items():
        box, s = getattr(p.setup, attr), SETTINGS[name]
        assert box.value() == pytest.approx(s.default), name
        assert box.maximum() == pytest.approx(s.maximum), name
    assert str(TrainConfig.r1_interval) in p.setup.style_rows[0][0]
    assert f"every {TrainConfig.checkpoint_minutes:g} minutes" in p.setup.checkpoint_every.toolTip()
    _pick_model(qtbot, p, "stylegan2-32")
    assert p.setup.r1_gamma.value() == pytest.approx(TrainConfig.for_model("stylegan2-32").r1_gamma)
    # The R1 row says the interval the run will use, read from the config, not a number written in the GUI.
    label = p.setup.form.labelForField(p.setup.r1_gamma).text()
    assert f"every {TrainConfig.for_model('stylegan2-32').r1_interval} D steps" in label


@pytest.mark.parametrize("args, sentence", [
    (["--seed", "-1"], "--seed must be in [0, 2147483647], not -1"),
    (["--r1-gamma", "nan"], "--r1-gamma must be a finite number, not nan"),
    (["--lr", "5"], "--lr must be in [1e-05, 0.1], not 5"),
    (["--checkpoint-minutes", "-1"], "--checkpoint-minutes must be >= 0, not -1"),
])
def test_cli_refuses_a_setting_outside_its_declared_range(args, sentence, tmp_path, capsys):
    """The ranges written beside each field are enforced, not only shown: one sentence, exit 2, no run folder."""
    assert main(["train", "--model", "stylegan2-32", "--steps", "1", "--out", str(tmp_path / "run"), *args]) == 2
    assert capsys.readouterr().err.strip() == f"ganexplorer: error: {sentence}"
    assert not (tmp_path / "run").exists()
