"""The command line: outputs on disk, exit codes, one-sentence errors."""

import json
import os
import subprocess
import sys

import numpy as np
import pytest
import torch
from PIL import Image

from ganexplorer.cli import main


def test_info_text_and_json(pkl, tiny_stylegan2, capsys):
    assert main(["info", pkl]) == 0
    out = capsys.readouterr().out
    assert "nvidia-pickle" in out and "G_ema" in out and "num_ws:" in out
    assert main(["info", pkl, "--json"]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert facts["resolution"] == 16 and facts["num_ws"] == 6 and facts["network"] == "G_ema"
    G, D = tiny_stylegan2
    assert facts["G_parameters"] == sum(p.numel() for p in G.parameters())
    assert facts["D_parameters"] == sum(p.numel() for p in D.parameters())


def test_generate_writes_pngs_and_raw(pkl, tmp_path):
    out = tmp_path / "out"
    assert main(["generate", "--network", pkl, "--seeds", "0-2,7", "--trunc", "0.7", "--outdir", str(out),
                 "--save-raw", "-q"]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == ["seed0000.npy", "seed0000.png", "seed0001.npy", "seed0001.png", "seed0002.npy",
                     "seed0002.png", "seed0007.npy", "seed0007.png"]
    img = np.asarray(Image.open(out / "seed0007.png"))
    raw = np.load(out / "seed0007.npy")
    assert img.shape == (16, 16, 3) and raw.shape == (3, 16, 16) and raw.dtype == np.float32
    expected = np.clip(raw * 127.5 + 128, 0, 255).astype(np.uint8).transpose(1, 2, 0)
    assert np.array_equal(img, expected)


def test_generate_conditional_needs_class(dcgan_file, tmp_path, capsys):
    assert main(["generate", "--network", dcgan_file, "--seeds", "1", "--outdir", str(tmp_path / "o")]) == 2
    assert "--class" in capsys.readouterr().err
    assert main(["generate", "--network", dcgan_file, "--seeds", "1", "--class", "4", "--outdir",
                 str(tmp_path / "o"), "-q"]) == 0
    assert (tmp_path / "o" / "seed0001.png").exists()


def test_mix_grid(pkl, tmp_path):
    out = tmp_path / "mix"
    assert main(["mix", "--network", pkl, "--rows", "85,100", "--cols", "55,821,1789", "--styles", "0-2",
                 "--outdir", str(out), "-q"]) == 0
    g = Image.open(out / "grid.png")
    assert min(g.size) >= 512 and g.size[0] > g.size[1] * 4 // 3 - 100   # labelled as the window exports it
    assert (out / "100-821.png").exists()
    cell = np.asarray(Image.open(out / "85-55.png"))
    assert cell.shape[:2] == (16, 16)


def test_walk_gif_and_mp4(pkl, tmp_path):
    gif = tmp_path / "walk.gif"
    assert main(["walk", "--network", pkl, "--seeds", "0,1,2", "--frames", "9", "--out", str(gif), "-q"]) == 0
    im = Image.open(gif)
    assert im.n_frames == 9
    assert main(["walk", "--network", pkl, "--seeds", "0,1", "--frames", "4", "--space", "w",
                 "--out", str(tmp_path / "w.gif"), "-q"]) == 0
    pytest.importorskip("imageio_ffmpeg")
    mp4 = tmp_path / "walk.mp4"
    assert main(["walk", "--network", pkl, "--seeds", "0,1", "--frames", "6", "--out", str(mp4), "-q"]) == 0
    import imageio_ffmpeg

    assert imageio_ffmpeg.count_frames_and_secs(str(mp4))[0] == 6


@pytest.mark.parametrize("arch, g_total, d_total", [("mlp-gan", "293,136", "267,009"),
                                                     ("dcgan64", "3,576,704", "2,765,568")])
def test_summary_of_architectures(arch, g_total, d_total, capsys):
    assert main(["summary", arch]) == 0
    out = capsys.readouterr().out
    assert f"Total parameters: {g_total}" in out and f"Total parameters: {d_total}" in out
    assert "ConvTranspose2d" in out or "Linear" in out


def test_summary_of_a_file(pkl, capsys):
    assert main(["summary", pkl]) == 0
    out = capsys.readouterr().out
    assert "synthesis.b16.conv0" in out and "SynthesisLayer" in out and "MinibatchStdLayer" in out
    assert "[1, 16, 16, 16]" in out


@pytest.mark.parametrize("argv, fragment", [
    (["info", "{missing}"], "does not exist"),
    (["info", "{junk}"], "not a checkpoint"),
    (["generate", "--network", "{pkl}", "--seeds", "x-y", "--outdir", "{tmp}"], "--seeds"),
    (["mix", "--network", "{pkl}", "--rows", "1", "--cols", "2", "--styles", "0-40", "--outdir", "{tmp}"], "--styles"),
    (["walk", "--network", "{pkl}", "--seeds", "1", "--out", "{tmp}/w.gif"], "two keyframe"),
    (["walk", "--network", "{pkl}", "--seeds", "1,2", "--out", "{tmp}/w.avi"], ".gif or .mp4"),
    (["summary", "no-such-arch"], "neither an architecture"),
    (["generate", "--network", "{pkl}", "--seeds", "1", "--class", "3", "--outdir", "{tmp}"], "not conditional"),
])
def test_bad_input_exits_2_with_one_sentence(argv, fragment, pkl, tmp_path, capsys):
    junk = tmp_path / "junk.pkl"
    junk.write_bytes(os.urandom(100))
    subst = {"{missing}": str(tmp_path / "nope.pkl"), "{junk}": str(junk), "{pkl}": pkl, "{tmp}": str(tmp_path)}
    argv = [a.replace(k, v) if isinstance(a, str) else a for a in argv for k, v in [next(
        ((k, v) for k, v in subst.items() if k in a), ("", ""))]]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert fragment in err and err.count("\n") == 0 and "Traceback" not in err


def test_entry_point_subprocess_malicious_pickle(tmp_path):
    """The installed command: exit 2, one line, and the payload never ran."""
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    import pickle

    (tmp_path / "evil.pkl").write_bytes(pickle.dumps({"G_ema": Evil()}))
    p = subprocess.run([sys.executable, "-m", "ganexplorer", "info", str(tmp_path / "evil.pkl")],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 2
    assert "posix.system" in p.stderr or "os.system" in p.stderr
    assert len(p.stderr.strip().splitlines()) == 1 and p.stdout == ""
    assert not marker.exists()


@pytest.mark.slow
def test_self_test_passes_and_reports_one_line(capsys):
    from ganexplorer.cli import main

    assert main(["--self-test"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and out[0].startswith("self-test passed") and "DCGAN-32 training steps" in out[0]


def test_self_test_fails_loudly_without_bundled_models(monkeypatch, tmp_path, capsys):
    from ganexplorer.cli import main

    monkeypatch.setattr("ganexplorer.core.selftest.checkpoints_dir", lambda: tmp_path)
    assert main(["--self-test"]) == 1
    assert "no bundled models" in capsys.readouterr().err


def test_a_file_as_the_only_argument_opens_it_in_the_window(monkeypatch, tmp_path):
    """What a file association / double-click runs: `ganexplorer PATH`."""
    from ganexplorer.cli import main

    seen = {}
    monkeypatch.setattr("ganexplorer.gui.app.run_gui", lambda path, **kw: seen.setdefault("path", path) and 0)
    f = tmp_path / "model.pkl"
    f.write_bytes(b"x")
    assert main([str(f)]) == 0
    assert seen["path"] == str(f)


@pytest.mark.parametrize("argv, fragment", [
    (["walk", "--network", "{pkl}", "--seeds", "0,1", "--frames", "3", "--fps", "0", "--out", "{tmp}/w.gif"], "--fps"),
    (["walk", "--network", "{pkl}", "--seeds", "0,1", "--frames", "3", "--fps", "-5", "--out", "{tmp}/w.gif"], "--fps"),
    (["generate", "--network", "{pkl}", "--seeds", "0", "--trunc", "nan", "--outdir", "{tmp}"], "--trunc"),
    (["mix", "--network", "{pkl}", "--rows", "1", "--cols", "2", "--trunc", "inf", "--outdir", "{tmp}"], "--trunc"),
    (["train", "--model", "mlp-gan", "--steps", "-2", "--out", "{tmp}/run"], "--steps"),
    (["train", "--model", "mlp-gan", "--minutes", "-1", "--out", "{tmp}/run"], "--minutes"),
    (["train", "--model", "mlp-gan", "--epochs", "0", "--out", "{tmp}/run"], "--epochs"),
])
def test_numbers_that_mean_nothing_exit_2_and_write_nothing(argv, fragment, pkl, tmp_path, capsys):
    """Before: --fps 0 was a ZeroDivisionError (exit 1), the others exited 0 having done nothing useful."""
    argv = [a.replace("{pkl}", pkl).replace("{tmp}", str(tmp_path)) for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert fragment in err and err.count("\n") == 0 and "Traceback" not in err
    assert not (tmp_path / "w.gif").exists() and not (tmp_path / "run").exists()
    assert not list(tmp_path.glob("*.png"))


def test_a_failed_download_is_one_clean_line_without_a_progress_bar(capsys):
    """Before: the byte counter's remains ('0.00B [00:00, ?B/s]') came first on the error's line."""
    assert main(["download", "imagenet"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ganexplorer: error: unknown download 'imagenet'") and err.count("\n") == 1, repr(err)
    assert "\r" not in err


@pytest.mark.parametrize("error", ["MemoryError", "OutOfMemoryError"])
def test_running_out_of_memory_is_one_sentence_exit_2(pkl, tmp_path, monkeypatch, capsys, error):
    """Too big a job for this machine is the user's to change (fewer seeds, another device), not a bug."""
    from ganexplorer.core.render import Renderer

    exc = MemoryError() if error == "MemoryError" else torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")

    def too_big(self, *a, **k):
        raise exc
    monkeypatch.setattr(Renderer, "render", too_big)
    assert main(["generate", "--network", pkl, "--seeds", "0", "--outdir", str(tmp_path / "o"), "-q"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("ganexplorer: error: ") and "memory" in err and "\n" not in err, err
    assert "Traceback" not in err


def test_a_bug_is_one_line_exit_1_with_the_traceback_in_the_log(pkl, tmp_path, monkeypatch, capsys):
    from ganexplorer.core.render import Renderer

    monkeypatch.setenv("GANEXPLORER_LOG_DIR", str(tmp_path / "logs"))

    def broken(self, *a, **k):
        raise TypeError("can't convert cuda:0 device type tensor to numpy")
    monkeypatch.setattr(Renderer, "render", broken)
    assert main(["generate", "--network", pkl, "--seeds", "0", "--outdir", str(tmp_path / "o"), "-q"]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "TypeError" in err and "ganexplorer.log" in err, err
    log = (tmp_path / "logs" / "ganexplorer.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "in broken" in log


@pytest.mark.skipif(torch.cuda.is_available(), reason="this machine has CUDA")
def test_asking_for_a_device_that_is_not_there_is_one_sentence(pkl, tmp_path, capsys):
    assert main(["generate", "--network", pkl, "--seeds", "0", "--device", "cuda", "--outdir", str(tmp_path),
                 "-q"]) == 2
    err = capsys.readouterr().err.strip()
    assert "CUDA" in err and "\n" not in err, err
