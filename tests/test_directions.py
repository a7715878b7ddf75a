"""Directions you can make (issue 24): SeFa from the weights, a boundary from labels, the .npz file, the CLI."""

import os

import numpy as np
import pytest
import torch
from PIL import Image

from ganexplorer.cli import main
from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.render import Renderer, RenderRequest, WEdit
from ganexplorer.core.render import direction_sets as ds
from ganexplorer.core.render.directions import mapped_ws
from ganexplorer.core.render.directions_file import DirectionSet, load_directions, save_directions
from ganexplorer.core.render.labelled import fit_boundary, project_out
from ganexplorer.core.render.sefa import sefa
from layouts import write_nvidia_pickle


@pytest.fixture
def model(tiny_stylegan2):
    return LoadedModel(tiny_stylegan2[0], "stylegan2", "native")


@pytest.fixture
def pkl(tmp_path, tiny_stylegan2):
    G, D = tiny_stylegan2
    return str(write_nvidia_pickle(tmp_path / "net.pkl", G, D))


# -- SeFa ------------------------------------------------------------------------------------------

def _w_index_seen_by_each_conv(G):
    """Which w each synthesis conv's affine receives, found by running the network (not from its bookkeeping)."""
    seen, hooks = {}, []

    def note(name):
        def hook(mod, args, out):
            seen.setdefault(name, int(round(args[0][0, 0].item())))
        return hook

    for name, mod in G.synthesis.named_modules():
        if name.endswith(".affine") and ".conv" in name:
            hooks.append(mod.register_forward_hook(note(name)))
    ws = torch.arange(G.num_ws, dtype=torch.float32)[None, :, None].repeat(1, 1, G.w_dim)
    with torch.no_grad():
        G.synthesis(ws)
    for h in hooks:
        h.remove()
    return seen


@pytest.mark.parametrize("start,end", [(0, None), (0, 3), (2, 5), (4, None)])
def test_sefa_is_the_eigenvectors_of_ata_of_the_chosen_conv_affines(tiny_stylegan2, start, end):
    """Shen & Zhou (CVPR 2021): n* = argmax |A n|², A = the affine weights of the chosen layers stacked by rows."""
    G = tiny_stylegan2[0]
    stop = G.num_ws if end is None else end
    seen = _w_index_seen_by_each_conv(G)
    mods = dict(G.synthesis.named_modules())
    rows = [(mods[n].weight * mods[n].weight_gain).detach().double().numpy()   # equalised lr: the weight in use
            for n, i in seen.items() if start <= i < stop]
    a = np.concatenate(rows)
    vals, vecs = np.linalg.eig(a.T @ a)
    order = np.argsort(-vals.real)
    vals, vecs = vals.real[order], vecs.real[:, order].T
    got = sefa(G, 5, start, end)
    assert got.layers == (start, stop)
    for k in range(5):
        assert abs(float(got.vectors[k] @ vecs[k])) == pytest.approx(1, abs=1e-5)
        assert float(np.linalg.norm(got.vectors[k])) == pytest.approx(1, abs=1e-5)
    np.testing.assert_allclose(got.shares, vals[:5] / vals.sum(), rtol=1e-4)
    assert (np.diff(got.shares) <= 0).all()


def test_sefa_leaves_torgb_out(tiny_stylegan2):
    """toRGB's affine reads a w too; with it stacked the answer would differ."""
    G = tiny_stylegan2[0]
    seen = _w_index_seen_by_each_conv(G)
    assert all(".conv" in n for n in seen)
    with_rgb = np.concatenate([(m.weight * m.weight_gain).detach().double().numpy()
                               for n, m in G.synthesis.named_modules() if n.endswith(".affine")])
    _, _, vt = np.linalg.svd(with_rgb)
    assert abs(float(sefa(G, 1).vectors[0] @ vt[0])) < 1 - 1e-4


def test_a_layer_range_without_conv_layers_is_one_sentence(tiny_stylegan2):
    with pytest.raises(ValueError, match="no synthesis conv layer uses a w index"):
        sefa(tiny_stylegan2[0], 3, tiny_stylegan2[0].num_ws - 1, tiny_stylegan2[0].num_ws)


# -- labels ----------------------------------------------------------------------------------------

def _labelled(n, d=32, seed=0, flip=False):
    rng = np.random.RandomState(seed)
    ws = rng.randn(n, d) * np.linspace(0.2, 3, d)   # coordinates of different scales, like w
    true = rng.randn(d)
    true /= np.linalg.norm(true)
    y = ((ws @ true) > 0.1).astype(int)
    return ws, (1 - y if flip else y), true


def test_the_normal_points_from_0_to_1_and_the_heldout_accuracy_says_how_well_they_separate():
    ws, y, true = _labelled(400)
    b = fit_boundary(ws, y)
    assert float(b.normal @ true) > 0.9
    assert b.heldout_accuracy > 0.9
    assert np.linalg.norm(b.normal) == pytest.approx(1, abs=1e-6)
    flipped = fit_boundary(ws, 1 - y)
    assert float(flipped.normal @ true) < -0.9
    noise = fit_boundary(ws, np.random.RandomState(5).randint(0, 2, len(y)))
    assert noise.heldout_accuracy < 0.7


@pytest.mark.parametrize("labels,fragment", [
    ([1] * 12, "labelled the same"),
    ([0] * 12, "label some 1 too"),
    ([0, 0, 0, 1, 1, 1, 1, 1, 1, 1], "at least 4 pictures of each label"),
    ([0, 1, 2, 0, 1, 0, 1, 0, 1, 0], "must be 0 or 1"),
])
def test_labels_that_cannot_give_a_direction_are_one_sentence(labels, fragment):
    ws = np.random.RandomState(0).randn(len(labels), 8)
    with pytest.raises(ValueError, match=fragment):
        fit_boundary(ws, labels)


def test_seeds_out_of_range_are_refused(model):
    with pytest.raises(ValueError, match="out of range"):
        ds.labels_set(model, [0, 1, 2, 3, 2 ** 32, 5, 6, 7], [0, 1] * 4)


def test_holding_directions_fixed_projects_them_out():
    rng = np.random.RandomState(1)
    fixed = rng.randn(3, 16)
    got = project_out(rng.randn(16), fixed)
    np.testing.assert_allclose(fixed @ got, 0, atol=1e-5)
    assert np.linalg.norm(got) == pytest.approx(1, abs=1e-6)
    with pytest.raises(ValueError, match="lies within"):
        project_out(fixed[0] + fixed[1], fixed)


# -- the file --------------------------------------------------------------------------------------

def _set(k=3, d=32, method="sefa"):
    v = np.random.RandomState(0).randn(k, d)
    return DirectionSet((v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32),
                        np.linspace(0.5, 1.5, k).astype(np.float32), method, (1, 4), np.ones(k, np.float32))


def test_the_file_round_trips(tmp_path):
    save_directions(tmp_path / "d.npz", _set())
    got = load_directions(tmp_path / "d.npz", w_dim=32, num_ws=6)
    np.testing.assert_allclose(got.vectors, _set().vectors, atol=1e-6)
    assert (got.method, got.layers) == ("sefa", (1, 4))
    with np.load(tmp_path / "d.npz", allow_pickle=False) as z:   # DESIGN's keys, as others will read them
        assert {"directions", "method", "layers", "sigma"} <= set(z.files)


def _crafted(path, **over):
    s = _set()
    arrays = dict(directions=s.vectors, method=np.array("sefa"), layers=np.array([1, 4]), sigma=s.sigmas)
    arrays.update(over)
    np.savez(path, **{k: v for k, v in arrays.items() if v is not None})
    return path


@pytest.mark.parametrize("over,fragment", [
    (dict(directions=np.full((3, 32), np.nan, np.float32)), "NaN or infinite"),
    (dict(directions=np.full((3, 32), 1e30, np.float32)), "not unit vectors"),
    (dict(directions=np.ones((3, 4, 32), np.float32)), "not [K, w_dim]"),
    (dict(directions=np.array([{"a": 1}], dtype=object)), "allow_pickle"),
    (dict(sigma=np.array([1.0, -1.0, 2.0])), "sigma that is not"),
    (dict(sigma=np.array([1.0, 2.0])), "'sigma'"),
    (dict(layers=np.array([3, 99])), "layer range"),
    (dict(method=np.array("magic")), "method other than"),
    (dict(sigma=None), "lacks the array 'sigma'"),
    (dict(extra=np.zeros(2)), "does not have (extra)"),
])
def test_crafted_files_are_one_sentence_naming_the_file(tmp_path, over, fragment):
    path = _crafted(tmp_path / "bad.npz", **over)
    with pytest.raises(ValueError, match="bad.npz") as e:
        load_directions(path, w_dim=32, num_ws=6)
    assert fragment in str(e.value)
    assert "\n" not in str(e.value)


def test_a_file_for_another_model_is_refused(tmp_path):
    save_directions(tmp_path / "d.npz", _set(d=64))
    with pytest.raises(ValueError, match="w has 64 numbers; this model's w has 32"):
        load_directions(tmp_path / "d.npz", w_dim=32, num_ws=6)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "f.npz")
    with pytest.raises(ValueError, match="FIFO"):
        load_directions(tmp_path / "f.npz")


def test_too_large_and_unpacking_too_large_are_refused(tmp_path):
    with open(tmp_path / "big.npz", "wb") as f:
        f.truncate(17 * 2 ** 20)   # sparse: no disk used
    with pytest.raises(ValueError, match="big.npz.*more than the 16 MB ganexplorer reads from a directions file"):
        load_directions(tmp_path / "big.npz")
    np.savez_compressed(tmp_path / "bomb.npz", directions=np.zeros((1, 20_000_000), np.float32))
    assert os.path.getsize(tmp_path / "bomb.npz") < 2 ** 20
    with pytest.raises(ValueError, match="larger than a directions file can be"):
        load_directions(tmp_path / "bomb.npz")


# -- sets, sigma, the strip ------------------------------------------------------------------------

def test_sigma_is_the_spread_of_10000_mapped_w_along_each_row(model):
    dset = ds.sefa_set(model, 3)
    z = torch.from_numpy(np.random.RandomState(0).randn(10_000, model.z_dim)).float()
    with torch.no_grad():
        w = model.G.mapping(z, None)[:, 0].double().numpy()
    want = (w @ dset.vectors.astype(np.float64).T).std(axis=0, ddof=1)
    np.testing.assert_allclose(dset.sigmas, want, rtol=1e-4)




def test_pca_set_is_the_svd_of_the_centred_samples_signed_by_its_largest_entry(model):
    x = mapped_ws(model, 2000).numpy().astype(np.float64)
    d = ds.pca_set(model, 3, samples=x)
    _, s, vt = np.linalg.svd(x - x.mean(axis=0), full_matrices=False)
    signs = np.sign(vt[np.arange(3), np.abs(vt[:3]).argmax(axis=1)])
    np.testing.assert_allclose(d.vectors, vt[:3] * signs[:, None], atol=1e-5)
    np.testing.assert_allclose(d.scores, (s ** 2 / (s ** 2).sum())[:3], rtol=1e-6)
    assert all(v[np.abs(v).argmax()] > 0 for v in d.vectors)

def test_principal_directions_keep_the_3000_sample_components_and_measure_sigma_over_10000(model):
    from ganexplorer.core.render.directions import principal_directions

    seen = []
    d = principal_directions(model, 4, on_progress=lambda done, total: seen.append((done, total)))
    assert (d.samples, d.pca_samples) == (10_000, 3_000) and seen[-1] == (10_000, 10_000)
    assert [a for a, _ in seen] == sorted(a for a, _ in seen)
    w = mapped_ws(model, 10_000)
    x = w[:3000] - w[:3000].mean(dim=0, keepdim=True)
    want = torch.linalg.svd(x, full_matrices=False)[2][:4]     # what the Explore tab has always used
    np.testing.assert_array_equal(np.array(d.vectors, np.float32), want.numpy())
    np.testing.assert_allclose(d.sigmas, ds.sigmas_along(w.numpy(), want.numpy()), rtol=1e-5)


def test_principal_directions_and_sigma_samples_stop_when_asked(model):
    from ganexplorer.core.render.directions import principal_directions

    asked = []
    with pytest.raises(InterruptedError):
        principal_directions(model, 4, stop=lambda: asked.append(1) or len(asked) > 2)
    assert len(asked) == 3      # before the first chunk and after each: stopped after 2 of 20 chunks
    with pytest.raises(InterruptedError):
        ds.sigma_samples(model, stop=lambda: True)
    assert principal_directions(model, 2, progress=lambda f: f > 0) is not None   # the older form
    with pytest.raises(InterruptedError):
        principal_directions(model, 2, progress=lambda f: f < 0.5)      # False cancels

def test_the_strip_is_the_request_moved_by_each_sigma(model):
    r = Renderer(model)
    dset = ds.pca_set(model, 2, (0, 3), mapped_ws(model, 500).numpy())
    pics = ds.strip(r, RenderRequest(seed=4), dset, 1, (-2.0, 0.0, 2.0))
    edit = WEdit(tuple(dset.vectors[1].tolist()), float(-2 * dset.sigmas[1]), 0, 3)
    np.testing.assert_allclose(pics[0].astype(int), r.render(RenderRequest(seed=4, w_edits=(edit,))).rgb, atol=1)
    np.testing.assert_array_equal(pics[1], r.render(RenderRequest(seed=4)).rgb)
    assert np.abs(pics[0].astype(int) - pics[2]).max() > 0



def test_with_random_noise_every_picture_of_the_strip_has_the_explore_tabs_noise(model):
    r = Renderer(model)
    dset = ds.pca_set(model, 2, None, mapped_ws(model, 200).numpy())
    req = RenderRequest(seed=4, noise_mode="random", noise_seed=7)
    pics = ds.strip(r, req, dset, 0, (-1.0, 0.0, 1.0))
    np.testing.assert_array_equal(pics[1], r.render(req).rgb)
    edit = WEdit(tuple(dset.vectors[0].tolist()), float(1.0 * dset.sigmas[0]), 0, model.num_ws)
    np.testing.assert_allclose(pics[2].astype(int), r.render(req.with_(w_edits=(edit,))).rgb, atol=1)


def test_strips_report_progress_in_pictures_and_stop_when_cancelled(model):
    r = Renderer(model)
    dset = ds.pca_set(model, 2, None, mapped_ws(model, 200).numpy())
    seen = []
    rows = ds.strips(r, RenderRequest(seed=1), [(dset, 0), (dset, 1)], (-1.0, 0.0, 1.0),
                     progress=lambda d, n: seen.append((d, n)))
    assert [len(row) for row in rows] == [3, 3] and seen[-1] == (5, 5)   # the unmoved picture is rendered once
    np.testing.assert_array_equal(rows[1][1], r.render(RenderRequest(seed=1)).rgb)
    np.testing.assert_array_equal(rows[1][2], ds.strip(r, RenderRequest(seed=1), dset, 1, (1.0,))[0])
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and seen[0][0] > 0
    blocks = []
    with pytest.raises(InterruptedError):
        ds.strips(r, RenderRequest(seed=1), [(dset, 0), (dset, 1)], (-1.0, 1.0),
                  cancel=lambda: blocks.append(1) or len(blocks) > 2)
    assert len(blocks) == 3      # it stopped at the first check that said so



def test_the_strip_batch_is_bounded_by_the_widest_activation_and_single_where_threads_do_not_spin(model, monkeypatch):
    from ganexplorer.core.models.registry import build_preset

    monkeypatch.delenv("OMP_WAIT_POLICY", raising=False)
    monkeypatch.setattr(torch, "get_num_threads", lambda: 2)
    assert ds.strip_batch(Renderer(model), 7) == 7
    big = Renderer(LoadedModel(build_preset("stylegan2-1024")[0], "stylegan2", "native"))
    assert ds.strip_batch(big, 7) == ds.STRIP_BATCH_BYTES // (4 * 32 * 1024 ** 2) == 2   # 32 channels at 1024²
    monkeypatch.setenv("OMP_WAIT_POLICY", "PASSIVE")
    assert ds.strip_batch(Renderer(model), 7) == 1

# -- the command line ------------------------------------------------------------------------------

def _labels_csv(path, model, n=30):
    """Labels a rule in w can separate: 'has it' when w along a fixed direction is above the median."""
    ws = ds.seed_ws(model, range(n))
    d = np.random.RandomState(3).randn(ws.shape[1])
    proj = ws @ d
    lines = ["seed,label"] + [f"{s},{int(p > np.median(proj))}" for s, p in enumerate(proj)]
    path.write_text("\n".join(lines) + "\n")
    return d / np.linalg.norm(d)


@pytest.mark.parametrize("method", ["pca", "sefa", "labels"])
def test_cli_round_trip(method, pkl, model, tmp_path, capsys):
    extra = []
    if method == "labels":
        true = _labels_csv(tmp_path / "l.csv", model)
        extra = ["--labels", str(tmp_path / "l.csv")]
    out = tmp_path / "d.npz"
    assert main(["directions", "--network", pkl, "--method", method, "--num", "3", "--layers", "1-3",
                 "--out", str(out), *extra]) == 0
    dset = load_directions(out, w_dim=32, num_ws=model.G.num_ws)
    assert dset.method == method and dset.layers == (1, 4)
    if method == "labels":
        assert float(dset.vectors[0] @ true) > 0.3   # 30 labels in 32-d: the right side, roughly
        assert "held-out accuracy" in capsys.readouterr().out
    for sigma in ("0", "3"):
        assert main(["generate", "--network", pkl, "--seeds", "5", "--direction", f"{out}:0", "--sigma", sigma,
                     "--outdir", str(tmp_path / sigma), "-q"]) == 0
    assert main(["generate", "--network", pkl, "--seeds", "5", "--outdir", str(tmp_path / "plain"), "-q"]) == 0
    pic = {k: np.asarray(Image.open(tmp_path / k / "seed0005.png")) for k in ("0", "3", "plain")}
    np.testing.assert_array_equal(pic["0"], pic["plain"])
    edit = WEdit(tuple(dset.vectors[0].tolist()), float(3 * dset.sigmas[0]), 1, 4)
    want = Renderer(model).render(RenderRequest(seed=5, w_edits=(edit,))).rgb
    assert np.abs(pic["3"].astype(int) - want).max() <= 1
    assert np.abs(pic["3"].astype(int) - pic["plain"]).max() > 0
    assert main(["mix", "--network", pkl, "--rows", "1", "--cols", "2", "--styles", "0-1", "--direction", f"{out}:0",
                 "--sigma", "2", "--outdir", str(tmp_path / "m"), "-q"]) == 0
    assert main(["walk", "--network", pkl, "--seeds", "1,2", "--frames", "2", "--direction", f"{out}:0",
                 "--out", str(tmp_path / "w.gif"), "-q"]) == 0


@pytest.mark.parametrize("case,fragment", [
    ("one_class", "labelled the same"),
    ("few", "at least 4 pictures"),
    ("seed", "out of range"),
    ("csv", "line 2 is not"),
    ("layers", "--layers must be one range"),
])
def test_cli_bad_labels_exit_2_and_write_nothing(case, fragment, pkl, tmp_path, capsys):
    rows = {"one_class": ["1,1"] * 10, "few": ["1,1", "2,1", "3,1", "4,1", "5,0", "6,0"],
            "seed": ["4294967296,1", "1,1", "2,1", "3,1", "4,0", "5,0", "6,0", "7,0"],
            "csv": ["x;y"], "layers": [f"{s},{s % 2}" for s in range(10)]}[case]
    (tmp_path / "l.csv").write_text("seed,label\n" + "\n".join(rows) + "\n")
    layers = ["--layers", "2-99"] if case == "layers" else []
    rc = main(["directions", "--network", pkl, "--method", "labels", "--labels", str(tmp_path / "l.csv"),
               *layers, "--out", str(tmp_path / "d.npz")])
    err = capsys.readouterr().err
    assert rc == 2 and fragment in err and err.count("\n") == 1
    assert not (tmp_path / "d.npz").exists()


def test_cli_direction_from_another_model_exit_2(pkl, tmp_path, capsys):
    save_directions(tmp_path / "d.npz", _set(d=64))
    rc = main(["generate", "--network", pkl, "--seeds", "1", "--direction", f"{tmp_path / 'd.npz'}:0",
               "--outdir", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert rc == 2 and "d.npz" in err and "64" in err and err.count("\n") == 1
    assert not list((tmp_path / "o").glob("*.png"))


@pytest.mark.parametrize("content,fragment", [
    ("seed,label\n\u00b2,1\n", "line 2 is not"),            # a digit to str.isdigit, not to int()
    ("seed,label\n1,1,0\n", "line 2 is not"),
    ("seed,label\n-1,1\n", "line 2 is not"),
])
def test_crafted_labels_files_are_one_sentence(tmp_path, content, fragment):
    (tmp_path / "l.csv").write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=fragment):
        ds.read_labels_csv(str(tmp_path / "l.csv"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_labels_from_a_fifo_or_too_large_are_refused(tmp_path):
    os.mkfifo(tmp_path / "f.csv")
    with pytest.raises(ValueError, match="FIFO"):
        ds.read_labels_csv(str(tmp_path / "f.csv"))
    with open(tmp_path / "big.csv", "wb") as f:
        f.truncate(ds.MAX_LABELS_BYTES + 1)
    with pytest.raises(ValueError, match="big.csv.*more than the 4 MB ganexplorer reads from a labels file"):
        ds.read_labels_csv(str(tmp_path / "big.csv"))


def test_cli_sigma_without_direction_and_a_bad_direction_spec_exit_2(pkl, tmp_path, capsys):
    for extra in (["--sigma", "2"], ["--direction", "nofile"], ["--direction", f"{tmp_path}/x.npz:0", "--sigma", "nan"]):
        rc = main(["generate", "--network", pkl, "--seeds", "1", "--outdir", str(tmp_path / "o"), *extra])
        err = capsys.readouterr().err
        assert rc == 2 and err.count("\n") == 1, (extra, err)


def test_damaged_files_are_one_sentence(tmp_path):
    """Bytes flipped anywhere in a good file (an unknown compression method among them): a ValueError, never another."""
    import random

    save_directions(tmp_path / "good.npz", _set())
    raw = (tmp_path / "good.npz").read_bytes()
    rng = random.Random(0)
    for _ in range(300):
        b = bytearray(raw)
        for _ in range(rng.randint(1, 6)):
            b[rng.randrange(len(b))] = rng.randrange(256)
        (tmp_path / "bad.npz").write_bytes(bytes(b))
        try:
            load_directions(tmp_path / "bad.npz", w_dim=32, num_ws=6)
        except ValueError as e:
            assert "bad.npz" in str(e)


def test_a_folder_or_a_link_loop_is_one_sentence(tmp_path):
    (tmp_path / "dir.npz").mkdir()
    os.symlink(tmp_path / "loop.npz", tmp_path / "loop.npz")
    for name, fragment in (("dir.npz", "folder"), ("loop.npz", "loops back on itself")):
        with pytest.raises(ValueError, match=fragment):
            load_directions(tmp_path / name)


def test_cli_directions_of_a_dcgan_exit_2(tmp_path, capsys):
    from ganexplorer.core.paths import bundled_models

    path = next((str(p) for p in bundled_models() if p.stem == "dcgan-digits"), None)
    if path is None:
        pytest.skip("the bundled dcgan-digits model is not in this copy")
    rc = main(["directions", "--network", path, "--method", "sefa", "--out", str(tmp_path / "d.npz")])
    err = capsys.readouterr().err
    assert rc == 2 and "style-based" in err and err.count("\n") == 1
    assert not (tmp_path / "d.npz").exists()
    save_directions(tmp_path / "s.npz", _set())
    rc = main(["generate", "--network", path, "--seeds", "1", "--direction", f"{tmp_path / 's.npz'}:0",
               "--outdir", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert rc == 2 and "style-based" in err and err.count("\n") == 1


def test_labels_with_directions_held_fixed_leave_them_unchanged(model):
    """Conditional manipulation: the labelled direction has no component along the fixed ones."""
    seeds = list(range(40))
    ws = ds.seed_ws(model, seeds)
    labels = [int(v) for v in ws[:, 0] > np.median(ws[:, 0])]
    samples = mapped_ws(model, 500).numpy()
    fixed = ds.pca_set(model, 3, samples=samples).vectors
    free = ds.labels_set(model, seeds, labels, samples=samples)
    held = ds.labels_set(model, seeds, labels, fixed=fixed, samples=samples)
    assert np.abs(free.vectors @ fixed.T).max() > 1e-2
    np.testing.assert_allclose(held.vectors @ fixed.T, 0, atol=1e-5)


def test_a_directions_file_whose_header_claims_a_huge_array_is_one_sentence(tmp_path):
    """np.load trusted the member's header and asked for 37 GiB (a MemoryError in the Compare dialog)."""
    from hostile_inputs import npz_claiming_huge

    path = tmp_path / "d.npz"
    path.write_bytes(npz_claiming_huge("directions"))
    with pytest.raises(ValueError, match="d.npz"):
        load_directions(path, w_dim=32, num_ws=6)


@pytest.mark.parametrize("text, said", [
    ("".join(f"{s},{s % 2}\n" for s in range(10_001)), "more than 10,000 labels"),   # a million took minutes and GBs
    ("seed,label\n# nothing yet\n", "holds no labels"),
    ("".join(f"{s},1\n" for s in range(12)), "labelled the same"),
])
def test_a_labels_file_that_cannot_give_a_direction_is_one_sentence_naming_it(tmp_path, text, said):
    path = tmp_path / "labels.csv"
    path.write_text(text)
    with pytest.raises(ValueError) as e:
        ds.read_labels_csv(str(path))
    assert "labels.csv" in str(e.value) and said in str(e.value)


@pytest.mark.parametrize("reader, name", [(ds.read_labels_csv, "labels.csv"), (load_directions, "d.npz")])
def test_a_folder_given_as_labels_or_directions_is_called_a_folder_not_a_checkpoint(tmp_path, reader, name):
    (tmp_path / name).mkdir()
    with pytest.raises(ValueError) as e:
        reader(str(tmp_path / name))
    assert name in str(e.value) and "folder" in str(e.value) and "checkpoint" not in str(e.value)
