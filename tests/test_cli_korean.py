"""Under a Korean locale the command line speaks Korean: every command's help, argparse's words, errors."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys

import pytest

from ganexplorer.cli import build_parser, i18n

# Words that are names, not English left over: models, formats, libraries, units, option values.
NAMES = {
    "gan", "gans", "stylegan", "stylegan2", "stylegan3", "dcgan", "mnist", "fashion", "quick", "draw", "cuda",
    "mps", "cpu", "gpu", "adam", "bce", "png", "gif", "mp4", "npy", "npz", "psi", "mu", "sigma", "safetensors",
    "ganexplorer", "torchrun", "local_rank", "fp32", "bf16", "fp16", "mlp", "builtin", "digits", "shapes",
    "quickdraw", "cifar10", "folder", "translation", "cutout", "none", "auto", "const", "random", "gamma",
    "grad_x", "last", "samples", "json", "csv", "nvidia", "pca", "sefa", "labels", "lab2d", "ring8", "grid25", "moons",
    "spiral", "line", "walk", "w+", "ws", "out", "svm", "vgg", "psnr", "lsgan", "wgan", "minimax",
    "fréchet", "ganexplorer_device", "nz", "fps", "float32", "beta1", "dcgan32", "dcgan64", "cond",
    "pytorch", "triton", "winograd", "upfirdn2d", "native", "pickle",
}


def _help_texts(parser: argparse.ArgumentParser) -> dict[str, str]:
    """`ganexplorer [CMD] --help` as printed, for the top level and every command."""
    out = {"": parser.format_help()}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                out[name] = sub.format_help()
    return out


def _typed_names(parser: argparse.ArgumentParser) -> set[str]:
    """Command names and positional arguments' names: what the user types, shown as it is."""
    names = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                names |= {name} | _typed_names(sub)
        elif not action.option_strings:
            names.add(action.metavar or action.dest)
    return {str(n).lower() for n in names}


def _english_left(text: str, typed: set[str]) -> list[str]:
    text = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", text)             # choices {a,b} and usage's [--opt X]
    text = re.sub(r"(?<![\w-])--?[\w-]+", " ", text)               # option flags
    text = re.sub(r"\b[A-Z][A-Z0-9_]+\b", " ", text)               # metavars (NETWORK, OUT)
    text = re.sub(r"[\w./-]*[/.][\w./-]*", " ", text)              # file names and paths
    words = re.findall(r"[A-Za-z][A-Za-z0-9_+']{2,}", text)
    return sorted({w for w in words if w.lower().strip("'") not in NAMES | typed})


@pytest.fixture
def korean():
    i18n.set_language("ko")
    i18n.install()
    yield
    i18n.set_language("")


def test_every_help_is_korean(korean):
    parser = build_parser()
    typed = _typed_names(parser)
    left = {name: _english_left(text, typed) for name, text in _help_texts(parser).items()}
    left = {name: words for name, words in left.items() if words}
    assert not left, f"English left in --help under a Korean locale (add to cli/text_ko.py): {left}"


def test_english_stays_english_without_a_korean_locale():
    i18n.set_language("")
    text = build_parser().format_help()
    assert "See and teach GANs." in text and "usage:" in text


def test_the_command_line_says_errors_in_korean(tmp_path):
    """A real process under LANG=ko_KR.UTF-8: a FIFO given as a checkpoint, and a missing argument."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "pipe.pkl"
    os.mkfifo(fifo)
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "GANEXPLORER_LANG")}
    env["LANG"] = "ko_KR.UTF-8"
    p = subprocess.run([sys.executable, "-m", "ganexplorer", "info", str(fifo)], capture_output=True, text=True,
                       env=env, timeout=120)
    assert p.returncode == 2
    assert p.stderr.strip() == f"ganexplorer: 오류: '{fifo}': FIFO(이름 있는 파이프)이며 파일이 아닙니다."
    p = subprocess.run([sys.executable, "-m", "ganexplorer", "generate"], capture_output=True, text=True, env=env,
                       timeout=120)
    assert p.returncode == 2 and "다음 인자가 필요합니다" in p.stderr and "사용법:" in p.stderr


@pytest.fixture
def korean_locale(monkeypatch):
    """LANG=ko_KR.UTF-8 as a terminal sets it; the CLI reads it afresh (in this process: no torch start-up)."""
    for name in ("LC_ALL", "LC_MESSAGES", "GANEXPLORER_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    monkeypatch.setattr(i18n, "_language", None)


def _said_in_korean(capsys, argv: list[str]) -> str:
    """Run ``ganexplorer ARGV``; its one error line, checked to be Korean with no English left over."""
    from ganexplorer.cli import main

    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith("ganexplorer: 오류: "), err
    spaced = re.sub(r"[\uac00-\ud7a3]+", r" \g<0> ", err)   # a particle joined to a name: CATEGORY를
    spaced = re.sub(r"pip install \S+", " ", spaced)           # a command to copy
    left = _english_left(spaced, {a.lower() for a in argv})   # what the user typed is echoed as it is
    assert not left, f"English left in {err!r}: {left}"
    return err


@pytest.mark.slow
def test_core_sentences_of_train_download_and_mp4_come_out_korean(korean_locale, capsys, tmp_path, monkeypatch):
    """Issue 26's sample: resume, dataset, download and MP4 sentences (4 of 16 were Korean before)."""
    import shutil

    from ganexplorer.core.paths import checkpoints_dir

    empty = tmp_path / "run"
    empty.mkdir()
    said = _said_in_korean(capsys, ["train", "--resume", "--out", str(empty)])          # the CLI's own
    assert "체크포인트가 없습니다" in said
    said = _said_in_korean(capsys, ["train", "--steps", "0", "--out", str(empty)])
    assert "0보다 큰 수" in said
    said = _said_in_korean(capsys, ["train", "--lr", "5", "--out", str(empty)])          # a setting (core)
    assert "--lr" in said and "1e-05" in said
    bad = tmp_path / "train-images-idx3-ubyte"
    bad.write_bytes(b"<html>not an IDX file</html>" * 10)
    said = _said_in_korean(capsys, ["train", "--data", f"mnist:{bad}", "--steps", "1", "--out", str(empty)])
    assert "IDX" in said and str(bad) in said                                            # a corrupt dataset file
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(checkpoints_dir() / "dcgan-digits.safetensors", other / "last.safetensors")
    said = _said_in_korean(capsys, ["train", "--model", "mlp-gan", "--resume", "--out", str(other)])
    assert "모델" in said and "last.safetensors" in said                                  # resuming another model
    said = _said_in_korean(capsys, ["download", "imagenet"])                             # a download
    assert "imagenet" in said
    for name in ("imageio", "imageio.v2", "imageio_ffmpeg"):                             # no video extra
        monkeypatch.setitem(sys.modules, name, None)
    said = _said_in_korean(capsys, ["walk", "--network", str(checkpoints_dir() / "dcgan-digits.safetensors"),
                                    "--seeds", "0,1", "--frames", "2", "--size", "16", "-q",
                                    "--out", str(tmp_path / "walk.mp4")])
    assert "MP4" in said and "pip install" in said


def test_a_warning_on_the_terminal_is_korean(korean_locale):
    """A dataset's skipped pictures reach a terminal as a log warning (open_dataset logs them): Korean too."""
    import logging

    from ganexplorer import applog
    from ganexplorer.core.messages import message

    note = message("data.skipped", count=2, path="/data/pics", first="a.png", why="truncated")
    record = logging.LogRecord("ganexplorer.core.data.dataset", logging.WARNING, __file__, 1, "%s", (note,), None)
    said = applog._StderrFormatter(None).format(record)
    assert said.startswith("ganexplorer: 경고: ") and "/data/pics" in said, said
    spaced = re.sub(r"[\uac00-\ud7a3]+", r" \g<0> ", said)
    assert not _english_left(spaced, {"a.png", "truncated"}), said


# -- every command's own lines (results, progress, notes, errors) under a Korean locale (issue 26) -------------

def _layer_kinds() -> set[str]:
    """Class names in `summary`'s Type column: torch's and ganexplorer's modules are names, shown as they are."""
    import torch

    from ganexplorer.core import summary

    return {n.lower() for n in dir(torch.nn)} | {c.__name__.lower() for c in summary._ATOMIC} | {"parameter"}


def _english_in(output: str, typed: set[str]) -> dict[str, list[str]]:
    """Each printed line (progress bars redraw with \\r) with the English words left in it; what the user typed
    and the architectures' names are names."""
    from ganexplorer.core.models.registry import PRESETS

    left = {}
    for line in re.split(r"[\r\n]+", output):
        for name in sorted(typed | set(PRESETS), key=len, reverse=True):
            line = line.replace(name, " ")
        line = re.sub(r"\d(?:\.\d+)?e[+-]?\d+", " ", line)             # numbers: 1e+09
        line = re.sub(r"[\w-]*(?:_|\d-)[\w-]*(?:=\S+)?", " ", line)      # identifiers: G_ema, w_avg_beta=0.995, stylegan2-ada
        spaced = re.sub(r"[\uac00-\ud7a3]+", r" \g<0> ", line)      # a particle joined to a name: 층을
        words = [w for w in _english_left(spaced, {a.lower() for a in typed}) if w.lower() not in _layer_kinds()]
        if words:
            left[line.strip()] = words
    return left


def _run_korean(capsys, argv: list[str], code: int = 0, details: set[str] = frozenset()) -> str:
    """``ganexplorer ARGV`` in this process under the Korean locale; stdout and stderr, checked for English
    (``details``: a library's own words, quoted as they are)."""
    from ganexplorer.cli import main

    assert main(argv) == code, capsys.readouterr()
    out = capsys.readouterr()
    said = out.out + "\n" + out.err
    typed = set(argv) | set(details)   # what the user typed is echoed as it is
    left = _english_in(said, typed)
    assert not left, f"`ganexplorer {' '.join(argv)}` left English under a Korean locale: {left}"
    return said


@pytest.mark.slow
def test_every_command_speaks_korean(korean_locale, capsys, tmp_path, tiny_stylegan2, monkeypatch):
    """Each command's success path, progress bars and notes included (-q off), says nothing in English."""
    from layouts import write_nvidia_pickle

    from ganexplorer.core.paths import checkpoints_dir

    dcgan = str(checkpoints_dir() / "dcgan-digits.safetensors")
    style = str(checkpoints_dir() / "stylegan2-digits.safetensors")
    said = _run_korean(capsys, ["info", dcgan])
    assert "1,049,985" in said
    _run_korean(capsys, ["info", "--ops"])
    pkl = str(write_nvidia_pickle(tmp_path / "network-snapshot-000000.pkl", *tiny_stylegan2))
    said = _run_korean(capsys, ["info", pkl])                # the code that wrote it, defaults filled in, a note
    assert "stylegan2-ada-pytorch" in said and "w_avg_beta=0.995" in said and "float32" in said
    said = _run_korean(capsys, ["summary", "mlp-gan"])
    assert "293,136" in said and "Linear" in said
    _run_korean(capsys, ["summary", dcgan])
    _run_korean(capsys, ["convert", dcgan, str(tmp_path / "c.safetensors")])
    said = _run_korean(capsys, ["generate", "--network", dcgan, "--seeds", "0-2", "--outdir", str(tmp_path / "g")])
    assert str(tmp_path / "g") in said
    _run_korean(capsys, ["mix", "--network", style, "--rows", "1,2", "--cols", "3", "--styles", "0-1",
                         "--size", "32", "--outdir", str(tmp_path / "m")])
    from ganexplorer.cli.common import load
    from ganexplorer.cli.generate import mix_caption

    caption = mix_caption(load(style), [0, 1, 2, 3])     # drawn on grid.png where the font has Hangul
    assert "층 0\u20133" in caption and not _english_in(caption, set()), caption
    said = _run_korean(capsys, ["walk", "--network", dcgan, "--seeds", "0,1", "--frames", "3", "--size", "16",
                                "--out", str(tmp_path / "w.gif")])
    assert "w.gif" in said
    said = _run_korean(capsys, ["demo1d", "--epochs", "20", "--print-every", "10"])
    assert said.count("\n") >= 4
    _run_korean(capsys, ["lab2d", "--steps", "20", "--every", "10"])
    _run_korean(capsys, ["train", "--model", "mlp-gan", "--steps", "2", "--log-every", "1",
                         "--out", str(tmp_path / "run")])
    import shutil

    from ganexplorer.core.metrics import quality
    from ganexplorer.core.metrics.quality import QualityReport

    report = QualityReport(samples=900, confident_share=0.5, coverage=10, largest_share=0.15, counts=(90,) * 10,
                           frechet=14.7, frechet_floor=2.1)
    monkeypatch.setattr(quality, "evaluate", lambda *a, **k: report)        # its sums take ~10 s; its words here
    mine = tmp_path / "mine.safetensors"
    shutil.copy(dcgan, mine)
    said = _run_korean(capsys, ["quality", str(mine), "--store"])
    assert "14.70" in said and str(mine) in said


def test_every_command_says_its_errors_in_korean(korean_locale, capsys, tmp_path, monkeypatch):
    """The commands' own refusals, the self-test's failure and a lack of memory: one Korean line each."""
    from ganexplorer.core.paths import checkpoints_dir

    dcgan = str(checkpoints_dir() / "dcgan-digits.safetensors")
    shapes = str(checkpoints_dir() / "stylegan2-shapes.safetensors")
    gif = str(tmp_path / "w.gif")
    for argv in (["info"], ["summary", "no-such-arch"], ["convert", dcgan, dcgan],
                 ["walk", "--network", dcgan, "--seeds", "0", "--out", gif],
                 ["walk", "--network", dcgan, "--seeds", "0,1", "--frames", "1", "--out", gif],
                 ["walk", "--network", dcgan, "--seeds", "0,1", "--fps", "0", "--out", gif],
                 ["walk", "--network", dcgan, "--seeds", "0,1", "--out", str(tmp_path / "w.avi")],
                 ["walk", "--network", dcgan, "--seeds", "0,1", "--size", "2", "--out", gif],
                 ["generate", "--network", dcgan, "--seeds", "0", "--trunc", "nan", "--outdir", str(tmp_path)],
                 ["generate", "--network", dcgan, "--seeds", "0", "--class", "1", "--outdir", str(tmp_path)],
                 ["generate", "--network", dcgan, "--seeds", "x-y", "--outdir", str(tmp_path)],
                 ["mix", "--network", shapes, "--rows", "1", "--cols", "2", "--styles", "0-40",
                  "--outdir", str(tmp_path)],
                 ["quality", shapes], ["demo1d", "--mu", "1e9"], ["gui", str(tmp_path / "none.pkl")]):
        _run_korean(capsys, argv, 2)
    monkeypatch.setattr("ganexplorer.core.selftest.checkpoints_dir", lambda: tmp_path)
    said = _run_korean(capsys, ["--self-test"], 1)
    assert str(tmp_path) in said

    from ganexplorer.core.render import Renderer

    a_file = tmp_path / "taken"
    a_file.write_text("x")
    said = _run_korean(capsys, ["generate", "--network", dcgan, "--seeds", "0", "--outdir", str(a_file), "-q"], 2)
    assert "파일이 이미 있습니다" in said                                      # the file system's own words

    def too_big(self, *a, **k):
        raise MemoryError()
    monkeypatch.setattr(Renderer, "render", too_big)
    _run_korean(capsys, ["generate", "--network", dcgan, "--seeds", "0", "--outdir", str(tmp_path / "o"), "-q"], 2)

    def broken(self, *a, **k):
        raise TypeError("can't convert cuda:0 device type tensor to numpy")
    monkeypatch.setenv("GANEXPLORER_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setattr(Renderer, "render", broken)                        # a bug: its one line, the rest logged
    said = _run_korean(capsys, ["generate", "--network", dcgan, "--seeds", "0", "--outdir", str(tmp_path / "o"), "-q"],
                       1, details={"can't convert cuda:0 device type tensor to numpy", "TypeError", "MainThread"})
    assert "TypeError" in said and "ganexplorer.log" in said


def test_the_self_tests_report_is_korean(korean_locale):
    from ganexplorer.cli.i18n import say
    from ganexplorer.core.messages import message

    said = say(message("selftest.passed", models="dcgan-digits 32px", steps=10, d="1.14", g="0.67", seconds="3.0"))
    assert not _english_in(said, {"dcgan-digits", "32px"}), said


def test_every_sentence_the_cli_translates_has_korean():
    """Each literal ``t("...")`` in cli/*.py, and the tables it looks up by a variable, has a Korean entry: a
    sentence without one would stay English on a path no other test walks."""
    import ast
    from pathlib import Path

    from ganexplorer.cli import errors, info, text_ko

    known = text_ko.KOREAN.keys() | text_ko.ARGPARSE.keys()
    missing = []
    for path in sorted((Path(i18n.__file__).parent).glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t" and node.args
                    and isinstance(node.args[0], ast.Constant) and node.args[0].value not in known):
                missing.append(f"{path.name}:{node.lineno}: {node.args[0].value!r}")
    looked_up = [*errors._ERRNO.values(), *info._LABELS.values(), "Note", "reference", "fused (Triton)", "coarse",
                 "middle", "fine"]
    missing += [text for text in looked_up if text not in known and text != "num_ws"]
    assert not missing, f"no Korean in cli/text_ko.py for: {missing}"


def _palette_target(path) -> str:
    """A 20 x 24 palette PNG with a transparent colour: its notes (palette, transparency, crop, grey, size) say
    what was done to it."""
    import numpy as np
    from PIL import Image

    rgb = (np.arange(20 * 24 * 3) % 251).astype(np.uint8).reshape(24, 20, 3)
    im = Image.fromarray(rgb).convert("P", palette=Image.Palette.ADAPTIVE, colors=8)
    im.info["transparency"] = 0
    im.save(path, transparency=0)
    return str(path)


def test_project_and_its_latent_speak_korean(korean_locale, capsys, tmp_path):
    """`project` (its notes on the target, progress, result line, refusals) and `generate --projected-w`."""
    from ganexplorer.core.paths import checkpoints_dir

    dcgan = str(checkpoints_dir() / "dcgan-digits.safetensors")
    target = _palette_target(tmp_path / "target.png")
    out = tmp_path / "p"
    said = _run_korean(capsys, ["project", "--network", dcgan, "--target", target, "--outdir", str(out),
                                "--num-steps", "3"])
    assert "PSNR" in said and str(out / "proj.png") in said and "RGB" in said, said
    said = _run_korean(capsys, ["generate", "--network", dcgan, "--projected-w", str(out / "projected_z.npz"),
                                "--outdir", str(tmp_path / "g")])
    assert str(tmp_path / "g" / "proj00.png") in said
    (out / "proj.mp4").mkdir()
    for argv in (["--num-steps", "0"], ["--seed", "-1"], ["--space", "w"], ["--save-video"]):
        _run_korean(capsys, ["project", "--network", dcgan, "--target", target, "--outdir", str(out), *argv], 2)
    _run_korean(capsys, ["generate", "--network", dcgan, "--projected-w", str(out / "projected_z.npz"),
                         "--seeds", "0", "--outdir", str(tmp_path / "g")], 2)


def test_the_windows_start_up_errors_on_the_terminal_are_korean(korean_locale, capsys, monkeypatch):
    """`ganexplorer gui` without a display, and a screenshot that could not be written: one Korean line."""
    if not sys.platform.startswith("linux"):
        pytest.skip("only Linux sessions can lack a display")
    from ganexplorer.core.messages import message
    from ganexplorer.gui import app

    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(app, "QApplication", type("NoApp", (), {"instance": staticmethod(lambda: None)}))
    said = _run_korean(capsys, ["gui"], 2)
    assert "ganexplorer: 오류: " in said and "DISPLAY" in said, said
    for error in (message("gui.not_written", path="/tmp/shot.png"), "could not write /tmp/shot.png"):
        said = app._error_line(error, "ko")
        assert said.startswith("ganexplorer: 오류: ") and not _english_in(said, set()), said
