"""Projection (issue 23): target guards, the projector's iterator, the .npz files, the CLI round trip."""

import os
import struct
import zlib

import numpy as np
import pytest
import torch
from PIL import Image

from ganexplorer.cli import main
from ganexplorer.core.formats import load_checkpoint
from ganexplorer.core.project.files import ProjectedFileError, load_projected, save_projected
from ganexplorer.core.project.projector import ProjectSettings, Projector
from ganexplorer.core.project.target import TargetError, load_target, prepare_target
from ganexplorer.core.render import Renderer, RenderRequest


def _png(path, array, mode=None):
    Image.fromarray(array, mode).save(path) if mode else Image.fromarray(array).save(path)
    return str(path)


def _bomb_png(path, side=30000):
    """A valid-looking PNG whose header claims side x side grey pixels (a few hundred bytes on disk)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = zlib.compress(b"\x00" * 1024)
    ihdr = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", raw) + chunk(b"IEND", b""))
    return str(path)


# -- the CLI round trip --------------------------------------------------------------------------
@pytest.mark.parametrize("space", ["w", "w+"])
def test_cli_projects_and_generate_renders_the_same_png(pkl, tmp_path, capsys, space, one_torch_thread):
    G = load_checkpoint(pkl)
    seen = Renderer(G).render(RenderRequest(seed=3)).rgb
    target = _png(tmp_path / "t.png", seen)
    out = tmp_path / "out"
    assert main(["project", "--network", pkl, "--target", target, "--outdir", str(out), "--num-steps", "12",
                 "--space", space, "-q"]) == 0
    with np.load(out / "projected_w.npz", allow_pickle=False) as f:
        assert f["w"].shape == (1, G.num_ws, G.w_dim) and f["w"].dtype == np.float32
        if space == "w":
            assert np.array_equal(f["w"][0, 0], f["w"][0, -1])
    assert main(["generate", "--network", pkl, "--projected-w", str(out / "projected_w.npz"), "--outdir",
                 str(out), "-q"]) == 0
    proj = np.asarray(Image.open(out / "proj.png"))
    again = np.asarray(Image.open(out / "proj00.png"))
    assert proj.shape == again.shape == seen.shape
    assert np.abs(proj.astype(int) - again.astype(int)).max() <= 1   # the explorer's fast path may round by 1
    assert (np.asarray(Image.open(out / "target.png")) == seen).all()


def test_cli_z_model_writes_projected_z_and_prints(dcgan_file, tmp_path, capsys, one_torch_thread):
    target = _png(tmp_path / "t.png", np.full((40, 64, 3), 200, np.uint8))   # non-square, colour
    out = tmp_path / "out"
    pytest.importorskip("imageio_ffmpeg")
    assert main(["project", "--network", dcgan_file, "--target", target, "--outdir", str(out), "--num-steps", "4",
                 "--class", "3", "--save-video"]) == 0
    assert (out / "proj.mp4").stat().st_size > 0
    cap = capsys.readouterr()
    assert "PSNR" in cap.out and "distance" in cap.out and "class 3" in cap.out
    assert "cropped from 64 x 40" in cap.err
    with np.load(out / "projected_z.npz", allow_pickle=False) as f:
        assert f["z"].shape == (1, 100)
    assert main(["generate", "--network", dcgan_file, "--projected-w", str(out / "projected_z.npz"), "--outdir",
                 str(out), "--class", "3", "-q"]) == 0
    a = np.asarray(Image.open(out / "proj.png")).astype(int)
    assert np.abs(a - np.asarray(Image.open(out / "proj00.png")).astype(int)).max() <= 1


def test_cli_tries_each_class_and_says_which_won(dcgan_file, tmp_path, capsys, one_torch_thread):
    target = _png(tmp_path / "t.png", np.full((32, 32, 3), 30, np.uint8))
    assert main(["project", "--network", dcgan_file, "--target", target, "--outdir", str(tmp_path / "o"),
                 "--num-steps", "6"]) == 0
    cap = capsys.readouterr()
    said = [line for line in cap.err.splitlines() if "fits best after 5 steps each" in line]
    assert len(said) == 1 and "9: " in said[0], cap.err
    won = int(said[0].split("class ")[1].split()[0])
    assert f"class {won} (the best of 10 tried)" in cap.out


def test_cli_refuses_w_space_for_z_models(dcgan_file, tmp_path, capsys):
    t = _png(tmp_path / "t.png", np.zeros((32, 32), np.uint8))
    assert main(["project", "--network", dcgan_file, "--target", t, "--outdir", str(tmp_path / "o"),
                 "--space", "w+", "--class", "0"]) == 2
    assert "projects into z" in capsys.readouterr().err


# -- bad input: one sentence, exit 2, nothing lost --------------------------------------------------
def _bad_targets(tmp_path):
    (tmp_path / "notes.png").write_text("this is not a picture\n")
    good = tmp_path / "good.png"
    _png(good, np.random.RandomState(0).randint(0, 255, (64, 64, 3), dtype=np.uint8))
    (tmp_path / "cut.png").write_bytes(good.read_bytes()[:200])
    _png(tmp_path / "tiny.png", np.zeros((4, 4, 3), np.uint8))
    _bomb_png(tmp_path / "bomb.png")
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    return {"notes.png": "not a picture", "cut.png": "truncated", "tiny.png": "at least 8 x 8",
            "bomb.png": "decompression bomb", "pipe.png": "FIFO", "missing.png": "missing"}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_bad_targets_are_one_sentence_and_nothing_is_lost(pkl, tmp_path, capsys):
    cases = _bad_targets(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "proj.png").write_bytes(b"the user's earlier result")
    for name, words in cases.items():
        code = main(["project", "--network", pkl, "--target", str(tmp_path / name), "--outdir", str(out)])
        err = capsys.readouterr().err
        assert code == 2, name
        assert err.count("\n") == 1 and "Traceback" not in err, err
        assert name in err, err
        if words != "missing":
            assert words in err, (name, err)
    assert (out / "proj.png").read_bytes() == b"the user's earlier result"
    assert sorted(p.name for p in out.iterdir()) == ["proj.png"]


@pytest.mark.parametrize("mode, make, note", [
    ("P", lambda: Image.fromarray(np.arange(64 * 64, dtype=np.uint8).reshape(64, 64) % 7, "L").convert("P"), "palette"),
    ("RGBA", lambda: Image.fromarray(np.dstack([np.full((32, 32, 3), 255, np.uint8),
                                                np.tile(np.arange(32, dtype=np.uint8) * 8, (32, 1))]), "RGBA"),
     "transparent parts made black"),
    ("I;16", lambda: Image.fromarray(np.full((32, 32), 40000, np.uint16)), "16-bit"),
    ("L", lambda: Image.fromarray(np.full((32, 32), 90, np.uint8), "L"), "grey copied to three channels"),
])
def test_every_picture_mode_becomes_the_models_channels(tmp_path, mode, make, note):
    path = tmp_path / f"t_{mode.replace(';', '')}.png"
    make().save(path)
    assert Image.open(path).mode.startswith(mode[:1])
    t = load_target(path, 16, 3)
    assert t.pixels.shape == (16, 16, 3) and t.pixels.dtype == np.uint8
    assert any(note in n for n in t.notes), t.notes
    if mode == "I;16":
        assert abs(int(t.pixels[0, 0, 0]) - round(40000 / 65535 * 255)) <= 1
    if mode == "RGBA":   # alpha from 0 (left) to 248 (right) over white: dark to light
        assert t.pixels[8, 0, 0] < 20 and t.pixels[8, -1, 0] > 200
    grey = load_target(path, 32, 1)
    assert grey.pixels.shape == (32, 32, 1)


def test_prepare_target_says_what_it_did():
    t = prepare_target(np.zeros((10, 30, 3), np.uint8), 32, 1)
    assert t.pixels.shape == (32, 32, 1)
    said = " | ".join(t.notes)
    assert "cropped from 30 x 10 to the centre 10 x 10" in said and "grey" in said and "enlarged" in said
    with pytest.raises(TargetError, match="at least"):
        prepare_target(np.zeros((5, 300), np.uint8), 32, 1)


# -- the projector -------------------------------------------------------------------------------------
def test_projector_gets_closer_leaves_the_model_alone_and_cancels(pkl, one_torch_thread):
    model = load_checkpoint(pkl)
    before = {k: v.clone() for k, v in model.G.state_dict().items()}
    target = torch.from_numpy(Renderer(model).render(RenderRequest(seed=11)).rgb).permute(2, 0, 1)[None].float()
    target = target / 127.5 - 1
    events = list(Projector(model, target, ProjectSettings(num_steps=30, picture_every=10)).run())
    assert [e.step for e in events] == list(range(31))
    assert events[-1].done and events[-1].latent.shape == (model.w_dim,)
    assert events[-1].distance < events[0].distance * 0.7
    assert events[-1].psnr > events[0].psnr
    assert sum(e.picture is not None for e in events) == 4
    assert all(torch.equal(before[k], v) for k, v in model.G.state_dict().items())
    calls = []
    stopped = list(Projector(model, target, ProjectSettings(num_steps=30)).run(lambda: len(calls) >= 3 or
                                                                                  calls.append(1)))
    assert len(stopped) == 4 and not stopped[-1].done


def test_projector_noise_and_conditional_class(dcgan_file, pkl, one_torch_thread):
    model = load_checkpoint(pkl)
    target = torch.zeros(1, model.channels, model.resolution, model.resolution)
    last = list(Projector(model, target, ProjectSettings(space="w+", num_steps=3, optimize_noise=True)).run())[-1]
    assert last.latent.shape == (model.num_ws, model.w_dim) and last.noise
    assert all(abs(float(n.std()) - 1) < 0.05 for n in last.noise.values())
    cond = load_checkpoint(dcgan_file)
    c = torch.zeros(1, 1, 32, 32)
    ev = list(Projector(cond, c, ProjectSettings(space="z", num_steps=2)).run())[-1]
    assert ev.label is not None and 0 <= ev.label < cond.c_dim and ev.latent.shape == (cond.z_dim,)
    with pytest.raises(ValueError, match="projects into z"):
        Projector(cond, c, ProjectSettings(space="w"))
    with pytest.raises(ValueError, match="steps"):
        ProjectSettings(num_steps=0)


def _conditional_stylegan2():
    from conftest import randomise

    from ganexplorer.core.formats.loaded import LoadedModel
    from ganexplorer.core.models.stylegan2 import Generator

    torch.manual_seed(1)
    G = Generator(z_dim=16, c_dim=3, w_dim=16, img_resolution=8, img_channels=1, mapping_kwargs=dict(num_layers=2),
                  synthesis_kwargs=dict(channel_base=64, channel_max=16))
    randomise(G)
    return LoadedModel(G=G.eval(), family="stylegan2", format="native")


def test_trying_each_class_projects_each_and_finishes_the_best(one_torch_thread):
    model = _conditional_stylegan2()
    target = Renderer(model).render(RenderRequest(seed=5, label=2)).rgb[:, :, :1]
    target = torch.from_numpy(target.astype(np.float32)).permute(2, 0, 1)[None] / 127.5 - 1
    settings = ProjectSettings(num_steps=10, trial_steps=4, w_avg_samples=500, picture_every=5)
    projector = Projector(model, target, settings)
    assert projector.total_steps == 10 + 2 * 4
    events = list(projector.run())
    trials = [(e.label, e.step) for e in events if e.trial]
    assert trials == [(c, k) for c in range(3) for k in range(5)]   # every class really runs its 4 steps
    rest = [e for e in events if not e.trial]
    assert [e.step for e in rest] == list(range(5, 11)) and rest[-1].done
    tried = rest[-1].tried
    assert len(tried) == 3 and all(e.tried == tried for e in rest)
    winner = int(np.argmin(tried))
    assert {e.label for e in rest} == {winner}
    assert tried[winner] <= min(tried)
    chosen = list(Projector(model, target, ProjectSettings(num_steps=10, label=winner, w_avg_samples=500)).run())
    assert np.array_equal(chosen[-1].latent, rest[-1].latent)   # exactly what choosing the class gives
    assert chosen[-1].tried == () and not any(e.trial for e in chosen)
    calls = []
    stopped = list(Projector(model, target, settings).run(lambda: len(calls) >= 6 or calls.append(1)))
    assert all(e.trial for e in stopped) and not any(e.done for e in stopped)   # Cancel works during the trials


def test_a_small_model_projects_on_one_thread_and_the_callers_count_comes_back(pkl):
    model = load_checkpoint(pkl)
    torch.set_num_threads(2)
    target = torch.zeros(1, model.channels, model.resolution, model.resolution)
    projector = Projector(model, target, ProjectSettings(num_steps=2, w_avg_samples=100))
    assert projector.threads == 1   # a few thousand parameters: ops too short to split
    seen = [torch.get_num_threads() for _ in projector.run()]
    assert seen == [1, 1, 1] and torch.get_num_threads() == 2
    assert Projector(model, target, ProjectSettings(num_steps=1, threads=2)).threads == 2


# -- projected_w.npz read from any tool -----------------------------------------------------------------
def test_projected_files_are_checked(tmp_path):
    ok = save_projected(tmp_path / "w.npz", "w", np.zeros((6, 8), np.float32))
    assert load_projected(ok, 6, 8, 4, True).latent.shape == (6, 8)
    nv = tmp_path / "nvidia.npz"
    np.savez(nv, w=np.ones((1, 1, 8), np.float32))   # one row: every layer
    assert load_projected(nv, 6, 8, 4, True).latent.shape == (6, 8)
    bad = {
        "shape": (dict(w=np.zeros((1, 5, 8), np.float32)), "takes \\[1, 6, 8\\]"),
        "nan": (dict(w=np.full((1, 6, 8), np.nan, np.float32)), "not finite"),
        "key": (dict(z=np.zeros((1, 4), np.float32)), "expected the key 'w'"),
        "pickle": (dict(w=np.array([{"a": 1}], dtype=object)), "not a NumPy"),
        "ints": (dict(w=np.zeros((1, 6, 8), np.int64)), "not floating"),
    }
    for name, (arrays, words) in bad.items():
        p = tmp_path / f"{name}.npz"
        np.savez(p, **arrays)
        with pytest.raises(ProjectedFileError, match=words):
            load_projected(p, 6, 8, 4, True)
    (tmp_path / "text.npz").write_text("hello")
    with pytest.raises(ProjectedFileError, match="not a NumPy"):
        load_projected(tmp_path / "text.npz", 6, 8, 4, True)


def test_generate_projected_w_bad_file_is_one_sentence(pkl, tmp_path, capsys):
    p = tmp_path / "w.npz"
    np.savez(p, w=np.zeros((1, 3, 3), np.float32))
    assert main(["generate", "--network", pkl, "--projected-w", str(p), "--outdir", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert "w.npz" in err and "this model takes" in err and err.count("\n") == 1
    assert main(["generate", "--network", pkl, "--outdir", str(tmp_path / "o")]) == 2
    assert "--seeds or --projected-w" in capsys.readouterr().err


def test_a_projected_latent_whose_header_claims_a_huge_array_is_one_sentence(tmp_path):
    """An 874-byte npz made numpy ask for 37 GiB (the CLI said 'ran out of memory ... fewer seeds')."""
    from hostile_inputs import npz_claiming_huge

    path = tmp_path / "w.npz"
    path.write_bytes(npz_claiming_huge("w"))
    with pytest.raises(ProjectedFileError, match="w.npz"):
        load_projected(path, 8, 32, 32, True)


@pytest.mark.parametrize("error", [TypeError("Missing dimensions"), IndexError("tuple index out of range"),
                                   MemoryError()])
def test_a_picture_pillow_fails_on_in_any_way_is_one_sentence(tmp_path, monkeypatch, error):
    """A fuzzed TIFF made Pillow raise TypeError, which went up as a bug report with a traceback (review);
    Pillow's decoders can raise many kinds of error on crafted files."""
    from PIL import Image

    path = tmp_path / "odd.png"
    Image.new("L", (40, 40), 128).save(path)

    def fail(self, *args, **kwargs):
        raise error
    monkeypatch.setattr(Image.Image, "load", fail)
    with pytest.raises(TargetError, match="odd.png"):
        load_target(path, 32, 1)


def test_a_picture_many_times_the_models_size_is_reduced_first_and_looks_the_same(tmp_path):
    """A 7000² palette PNG took 2.5 GB on its way to 32² (float copies of the whole picture); it is now
    box-averaged to at least 4x the model's size first, which the note says, and the target barely changes."""
    from PIL import Image

    from ganexplorer.core.project.target import _decode, _to_array

    y, x = np.mgrid[0:1200, 0:1200]
    pic = Image.fromarray(((x + 2 * y) * 255 // 3600).astype(np.uint8)).convert("RGB").quantize(64)   # a smooth ramp
    path = tmp_path / "big.png"
    pic.save(path)
    target = load_target(path, 32, 1)
    assert any("read at 1/9 of its 1200 x 1200" in n for n in target.notes)
    im, notes = _decode(path.read_bytes(), str(path))
    whole = prepare_target(_to_array(im, notes), 32, 1)
    assert np.abs(target.pixels.astype(int) - whole.pixels.astype(int)).mean() < 3
