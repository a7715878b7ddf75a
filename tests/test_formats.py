"""Every checkpoint layout, read by content; refusals give one sentence and run nothing."""

import os
import pickle
import zipfile

import numpy as np
import pytest
import torch

from ganexplorer.core.formats import CheckpointError, load_checkpoint, save_native
from ganexplorer.core.models.dcgan import DCGANDiscriminator, DCGANGenerator
from ganexplorer.core.models.registry import build_preset
from ganexplorer.core.render import RenderRequest, Renderer
from layouts import (dcgan_tutorial_state, write_nvidia_pickle, write_rosinality_converted,
                     write_rosinality_train_ckpt)


def render(model, **kw):
    return Renderer(model).render(RenderRequest(**kw)).image


def same_pictures(a, b, seeds=(0, 7), **kw):
    for s in seeds:
        torch.testing.assert_close(render(a, seed=s, **kw), render(b, seed=s, **kw), rtol=0, atol=1e-5)


def direct(G, seed=0, psi=1.0):
    """Reference forward without the renderer: NVIDIA's generate.py recipe."""
    z = torch.from_numpy(np.random.RandomState(seed).randn(1, G.z_dim)).float()
    with torch.no_grad():
        return G(z, None, truncation_psi=psi)


# -- NVIDIA pickles ---------------------------------------------------------------------------

@pytest.mark.parametrize("layout", ["ada", "sg3"])
@pytest.mark.parametrize("protocol", [3, 4])
def test_nvidia_pickle_layouts_load_and_render_like_the_module(tmp_path, tiny_stylegan2, layout, protocol):
    G, D = tiny_stylegan2
    marker = tmp_path / "executed.txt"
    path = write_nvidia_pickle(tmp_path / "network-snapshot-000100.pkl", G, D, layout=layout, protocol=protocol,
                               marker=marker)
    m = load_checkpoint(path)
    assert (m.format, m.family, m.network) == ("nvidia-pickle", "stylegan2", "G_ema")
    assert (m.resolution, m.channels, m.z_dim, m.w_dim, m.num_ws) == (16, 3, 32, 32, 6)
    assert m.D is not None
    torch.testing.assert_close(render(m, seed=3, psi=0.7), direct(G, 3, 0.7), rtol=0, atol=1e-6)
    assert not marker.exists()


def test_nvidia_pickle_positional_init_args(tmp_path, tiny_stylegan2):
    G, _ = tiny_stylegan2
    m = load_checkpoint(write_nvidia_pickle(tmp_path / "p.pkl", G, positional=True, keys=("G_ema",)))
    torch.testing.assert_close(render(m, seed=1), direct(G, 1), rtol=0, atol=1e-6)
    assert m.D is None


def test_nvidia_prefers_g_ema_over_g(tmp_path, tiny_stylegan2):
    G, _ = tiny_stylegan2
    other = build_preset("stylegan2-32")[0]
    path = write_nvidia_pickle(tmp_path / "a.pkl", G, keys=("G_ema",))
    data = path.read_bytes()
    assert b"G_ema" in data
    m = load_checkpoint(path)
    assert m.network == "G_ema"
    path2 = write_nvidia_pickle(tmp_path / "b.pkl", other, keys=("G",))
    assert load_checkpoint(path2).network == "G"


def test_nvidia_pickle_with_only_d_is_refused(tmp_path, tiny_stylegan2):
    _, D = tiny_stylegan2
    path = write_nvidia_pickle(tmp_path / "d.pkl", None, D, keys=("D",))
    with pytest.raises(CheckpointError, match="only a discriminator"):
        load_checkpoint(path)


@pytest.mark.parametrize("name", ["tiny32", "cond32", "res64_gray"])
def test_matches_outputs_of_nvidias_own_code(tmp_path, name):
    """Weights and reference images came from NVIDIA's stylegan2-ada-pytorch (see tests/data/nvidia_reference)."""
    from conftest import DATA

    ref_dir = DATA / "nvidia_reference"
    weights = load_checkpoint(ref_dir / f"{name}.safetensors")
    ref = np.load(ref_dir / f"{name}_outputs.npz")
    path = write_nvidia_pickle(tmp_path / f"{name}.pkl", weights.G, weights.D)
    m = load_checkpoint(path)
    label = 3 if m.c_dim else None
    r = Renderer(m)
    cases = {
        "img_seed0_psi1": RenderRequest(seed=0, label=label),
        "img_seed1_psi1": RenderRequest(seed=1, label=label),
        "img_seed0_psi0.7": RenderRequest(seed=0, psi=0.7, label=label),
        "img_seed5_psi0.5_cut4": RenderRequest(seed=5, psi=0.5, cutoff=4, label=label),
        "img_seed0_noise_none": RenderRequest(seed=0, noise_mode="none", label=label),
        "img_mix_0_1_styles0to4": RenderRequest(seed=0, mix_seed=1, mix_start=0, mix_end=4, label=label),
    }
    for key, req in cases.items():
        np.testing.assert_allclose(r.render(req).image.numpy(), ref[key], rtol=0, atol=1e-4, err_msg=key)
    np.testing.assert_allclose(r.ws_for(RenderRequest(seed=1, psi=0.7, label=label)).numpy(), ref["ws_seed1_psi0.7"],
                               atol=1e-5)
    if "d_seed0" in ref.files:
        with torch.no_grad():
            np.testing.assert_allclose(m.D(torch.from_numpy(ref["img_seed0_psi1"])).numpy(), ref["d_seed0"], atol=1e-4)
            np.testing.assert_allclose(m.D(torch.from_numpy(ref["d_batch4_input"])).numpy(), ref["d_batch4"],
                                       atol=1e-4)


# -- rosinality ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def rosinality_sized_g():
    """rosinality's real channel pattern (512 at <= 32) at a tiny resolution and style width."""
    from conftest import randomise
    from ganexplorer.core.models.stylegan2 import Generator

    torch.manual_seed(1)
    G = Generator(z_dim=64, w_dim=64, img_resolution=16, img_channels=3, mapping_kwargs=dict(num_layers=3),
                  synthesis_kwargs=dict(channel_base=32768, channel_max=512))
    return randomise(G).eval()


def test_rosinality_converted_checkpoint(tmp_path, rosinality_sized_g):
    G = rosinality_sized_g
    m = load_checkpoint(write_rosinality_converted(tmp_path / "stylegan2-ffhq-config-f.pt", G))
    assert (m.format, m.network, m.resolution, m.w_dim, m.num_ws) == ("rosinality", "g_ema", 16, 64, 6)
    assert G.mapping.num_layers == m.G.mapping.num_layers == 3
    torch.testing.assert_close(m.G.mapping.w_avg, G.mapping.w_avg)
    torch.testing.assert_close(render(m, seed=2, psi=0.5), direct(G, 2, 0.5), rtol=0, atol=1e-5)


def test_rosinality_train_checkpoint_with_argparse_namespace(tmp_path, rosinality_sized_g):
    G = rosinality_sized_g
    path = write_rosinality_train_ckpt(tmp_path / "010000.pt", G)
    with pytest.raises(pickle.UnpicklingError):  # plain weights_only loading rejects the Namespace
        torch.load(path, weights_only=True)
    m = load_checkpoint(path)
    assert m.network == "g_ema"
    torch.testing.assert_close(render(m, seed=4), direct(G, 4), rtol=0, atol=1e-5)
    assert any("w_avg estimated" in n for n in m.notes)


# -- DCGAN state dicts --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def dcgan():
    torch.manual_seed(2)
    G = DCGANGenerator(nz=100, ngf=8, nc=3, resolution=64).eval()
    with torch.no_grad():
        for mod in G.modules():
            if isinstance(mod, torch.nn.BatchNorm2d):
                mod.running_mean.normal_()
                mod.running_var.uniform_(0.5, 2)
    return G


@pytest.mark.parametrize("wrap", ["bare", "netG_state_dict", "generator", "G", "state_dict", "model"])
def test_dcgan_state_dict_wrappers(tmp_path, dcgan, wrap):
    sd = dcgan.state_dict()
    obj = sd if wrap == "bare" else {wrap: sd, "epoch": 5}
    if wrap == "netG_state_dict":
        D = DCGANDiscriminator(ndf=8, nc=3, resolution=64)
        obj.update(netD_state_dict=D.state_dict(), optimizerG_state_dict={"state": {}, "param_groups": []})
    torch.save(obj, tmp_path / "dcgan.pth")
    m = load_checkpoint(tmp_path / "dcgan.pth")
    assert (m.family, m.format, m.z_dim, m.resolution, m.channels, m.c_dim) == ("dcgan", "dcgan-state-dict", 100, 64, 3, 0)
    assert m.G.ngf == 8
    same_direct = dcgan(torch.from_numpy(np.random.RandomState(5).randn(1, 100)).float())
    torch.testing.assert_close(render(m, seed=5), same_direct.detach(), rtol=0, atol=1e-6)


def test_dcgan_with_shifted_indices_and_module_prefix(tmp_path, dcgan):
    sd = {f"module.{k}": v for k, v in dcgan_tutorial_state(dcgan, extra_dropout=True).items()}
    assert "module.main.4.weight" in sd  # the second ConvTranspose moved from main.3 to main.4
    torch.save({"netG": sd}, tmp_path / "g.pt")
    m = load_checkpoint(tmp_path / "g.pt")
    same_pictures(m, load_checkpoint(_save(tmp_path / "ref.pt", dcgan.state_dict())))


def _save(path, obj):
    torch.save(obj, path)
    return path


def test_conditional_dcgan_inferred_and_overridable(tmp_path):
    torch.manual_seed(3)
    G = DCGANGenerator(nz=100, ngf=8, nc=1, resolution=32, n_classes=10).eval()
    path = _save(tmp_path / "cgan.pth", {"generator": G.state_dict()})
    m = load_checkpoint(path)
    assert (m.z_dim, m.c_dim, m.resolution, m.channels) == (100, 10, 32, 1)
    assert render(m, seed=1, label=3).shape == (1, 1, 32, 32)
    # An unconditional nz=110 model is the same tensors; the user's --nz decides.
    m2 = load_checkpoint(path, nz=110)
    assert (m2.z_dim, m2.c_dim) == (110, 0)
    # Hints stored in the file win over the guess.
    m3 = load_checkpoint(_save(tmp_path / "hint.pth", {"generator": G.state_dict(), "nz": 104, "n_classes": 6}))
    assert (m3.z_dim, m3.c_dim) == (104, 6)


def test_dcgan_file_with_only_a_discriminator(tmp_path):
    D = DCGANDiscriminator(ndf=8, nc=3, resolution=64)
    path = _save(tmp_path / "netD.pth", {"netD_state_dict": D.state_dict()})
    with pytest.raises(CheckpointError, match="only a DCGAN discriminator"):
        load_checkpoint(path)


# -- native format --------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["mlp-gan", "mlp-gan-bn", "dcgan32", "dcgan64-cond", "stylegan2-32"])
def test_native_round_trip_renders_identically(tmp_path, name):
    from conftest import randomise

    G, D = build_preset(name)
    randomise(G)
    G.eval()
    path = save_native(tmp_path / f"{name}.safetensors", __import__("ganexplorer.core.models.registry",
                       fromlist=["PRESETS"]).PRESETS[name].family, G, D=D, metadata={"steps": 12})
    m = load_checkpoint(path)
    assert m.format == "native" and m.metadata == {"steps": 12} and m.D is not None
    label = 2 if m.c_dim else None
    from ganexplorer.core.formats.loaded import LoadedModel

    original = LoadedModel(G=G, family=m.family, format="native")
    for seed in (0, 9):
        a = Renderer(original).render(RenderRequest(seed=seed, label=label, psi=0.8)).image
        b = Renderer(m).render(RenderRequest(seed=seed, label=label, psi=0.8)).image
        assert torch.equal(a, b)
    assert not list(tmp_path.glob("*.tmp"))  # atomic write leaves no temp file


def test_converted_nvidia_pickle_renders_identically(tmp_path, tiny_stylegan2):
    G, D = tiny_stylegan2
    pkl = load_checkpoint(write_nvidia_pickle(tmp_path / "n.pkl", G, D))
    from ganexplorer.cli import main

    assert main(["convert", str(tmp_path / "n.pkl"), str(tmp_path / "n.safetensors"), "-q"]) == 0
    native = load_checkpoint(tmp_path / "n.safetensors")
    assert native.metadata["source_format"] == "nvidia-pickle"
    for mode in ("const", "none"):
        same_pictures(pkl, native, noise_mode=mode, psi=0.6)


def test_detection_is_by_content_not_extension(tmp_path, dcgan):
    path = _save(tmp_path / "looks-like.pkl", dcgan.state_dict())
    assert load_checkpoint(path).format == "dcgan-state-dict"
    G, _ = build_preset("mlp-gan")
    native = save_native(tmp_path / "model.pt", "mlp", G)
    assert load_checkpoint(native).format == "native"


# -- refusals ---------------------------------------------------------------------------------------

class _Evil:
    def __init__(self, call, arg):
        self.call, self.arg = call, arg

    def __reduce__(self):
        return self.call, (self.arg,)


def _malicious(tmp_path, kind):
    marker = tmp_path / "pwned"
    cmd = f"touch {marker}"
    if kind == "os.system":
        payload = _Evil(os.system, cmd)
    elif kind == "builtins.eval":
        payload = _Evil(eval, f"open({str(marker)!r}, 'w').write('x')")
    elif kind == "builtins.exec":
        payload = _Evil(exec, f"open({str(marker)!r}, 'w').write('x')")
    elif kind == "subprocess.Popen":
        import subprocess

        payload = _Evil(subprocess.Popen, ["touch", str(marker)])
    return marker, {"G_ema": payload, "D": None}


@pytest.mark.parametrize("kind", ["os.system", "builtins.eval", "builtins.exec", "subprocess.Popen"])
def test_malicious_plain_pickles_run_nothing(tmp_path, kind):
    marker, obj = _malicious(tmp_path, kind)
    path = tmp_path / "network-snapshot.pkl"
    path.write_bytes(pickle.dumps(obj, protocol=4))
    with pytest.raises(CheckpointError) as e:
        load_checkpoint(path)
    msg = str(e.value)
    assert "refuses to run" in msg and str(path) in msg and "\n" not in msg
    assert not marker.exists()


@pytest.mark.parametrize("kind", ["os.system", "builtins.eval"])
def test_malicious_torch_zip_runs_nothing(tmp_path, kind):
    marker, obj = _malicious(tmp_path, kind)
    path = tmp_path / "evil.pt"
    torch.save(obj, path)
    with pytest.raises(CheckpointError, match="will not run"):
        load_checkpoint(path)
    assert not marker.exists()


def test_persistent_object_source_is_never_executed(tmp_path, tiny_stylegan2):
    G, _ = tiny_stylegan2
    marker = tmp_path / "executed.txt"
    load_checkpoint(write_nvidia_pickle(tmp_path / "x.pkl", G, marker=marker))
    assert b"write_text" in (tmp_path / "x.pkl").read_bytes()  # the code is in the file ...
    assert not marker.exists()  # ... and was not run


def test_tensorflow_pickle_gets_a_specific_message(tmp_path):
    data = b"\x80\x04\x95" + b"\x00" * 8 + pickle.dumps(None)[:0]
    body = (b"\x80\x04\x8c\x14dnnlib.tflib.network\x94\x8c\x07Network\x94\x93\x94)\x81\x94.")
    (tmp_path / "karras2019.pkl").write_bytes(body)
    with pytest.raises(CheckpointError, match="TensorFlow"):
        load_checkpoint(tmp_path / "karras2019.pkl")
    del data


# The real networks_stylegan3.py never contains its own name; it has a SynthesisInput class (same length
# as the marker it replaces, so the pickle's string lengths stay right).
@pytest.mark.parametrize("marker", [b"# networks_stylegan3", b"class SynthesisInput"])
def test_stylegan3_generator_is_refused_clearly(tmp_path, tiny_stylegan2, marker):
    G, _ = tiny_stylegan2
    path = write_nvidia_pickle(tmp_path / "sg3.pkl", G, keys=("G_ema",))
    raw = path.read_bytes().replace(b"# networks_stylegan2", marker)
    data = path.read_bytes()
    if b"networks_stylegan2" not in data:  # ada layout has no marker: rewrite with the sg3 text
        raw = write_nvidia_pickle(tmp_path / "sg3.pkl", G, keys=("G_ema",), layout="sg3").read_bytes()
        raw = raw.replace(b"# networks_stylegan2", marker)
    (tmp_path / "sg3.pkl").write_bytes(raw)
    with pytest.raises(CheckpointError, match="StyleGAN3"):
        load_checkpoint(tmp_path / "sg3.pkl")


@pytest.mark.parametrize("content, expected", [
    (b"", "is empty"),
    (os.urandom(4096), "not a checkpoint"),
    (b"hello, I am a text file\n" * 20, "plain text"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image"),
])
def test_junk_files(tmp_path, content, expected):
    path = tmp_path / "model.pkl"
    path.write_bytes(content)
    with pytest.raises(CheckpointError, match=expected):
        load_checkpoint(path)


def test_truncated_files(tmp_path, tiny_stylegan2, dcgan):
    G, _ = tiny_stylegan2
    good_pkl = write_nvidia_pickle(tmp_path / "full.pkl", G).read_bytes()
    (tmp_path / "cut.pkl").write_bytes(good_pkl[: len(good_pkl) // 2])
    with pytest.raises(CheckpointError, match="damaged or truncated pickle"):
        load_checkpoint(tmp_path / "cut.pkl")
    good_pt = _save(tmp_path / "full.pt", dcgan.state_dict()).read_bytes()
    (tmp_path / "cut.pt").write_bytes(good_pt[: len(good_pt) // 2])
    with pytest.raises(CheckpointError, match="zip"):
        load_checkpoint(tmp_path / "cut.pt")
    native = save_native(tmp_path / "full.safetensors", "mlp", build_preset("mlp-gan")[0]).read_bytes()
    (tmp_path / "cut.safetensors").write_bytes(native[: len(native) // 2])
    with pytest.raises(CheckpointError, match="damaged safetensors"):
        load_checkpoint(tmp_path / "cut.safetensors")


def test_foreign_but_valid_files(tmp_path):
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(CheckpointError, match="not a readable torch checkpoint"):
        load_checkpoint(tmp_path / "a.zip")
    torch.save({"weights": torch.zeros(3)}, tmp_path / "other.pt")
    with pytest.raises(CheckpointError, match="keys weights"):
        load_checkpoint(tmp_path / "other.pt")
    from safetensors.torch import save_file

    save_file({"x": torch.zeros(2)}, str(tmp_path / "foreign.safetensors"))
    with pytest.raises(CheckpointError, match="without a ganexplorer header"):
        load_checkpoint(tmp_path / "foreign.safetensors")
    with pytest.raises(CheckpointError, match="does not exist"):
        load_checkpoint(tmp_path / "missing.pkl")
    with pytest.raises(CheckpointError, match="folder"):
        load_checkpoint(tmp_path)


def test_wrong_shapes_are_reported(tmp_path, dcgan):
    sd = dict(dcgan.state_dict())
    sd["main.4.running_mean"] = torch.zeros(5)
    with pytest.raises(CheckpointError, match="running_mean"):
        load_checkpoint(_save(tmp_path / "bad.pt", sd))


# -- valid files in every protocol and container (issue 13: one probe, one parse) -------------------

@pytest.mark.parametrize("protocol", [2, 3, 4, 5])
def test_torch_zips_of_every_pickle_protocol_load(tmp_path, dcgan, protocol):
    path = tmp_path / f"p{protocol}.pt"
    torch.save({"netG_state_dict": dcgan.state_dict(), "epoch": 3}, path, pickle_protocol=protocol)
    same_pictures(load_checkpoint(path), load_checkpoint(_save(tmp_path / "ref.pt", dcgan.state_dict())))


def test_legacy_torch_files_are_sniffed_by_their_header_and_load(tmp_path, dcgan):
    from ganexplorer.core.formats.load import sniff

    path = tmp_path / "legacy.pt"
    torch.save(dcgan.state_dict(), path, _use_new_zipfile_serialization=False)
    assert sniff(path.read_bytes()[:256]) == "legacy"
    assert sniff(pickle.dumps({"a": 1}, protocol=4)) == "pickle"
    same_pictures(load_checkpoint(path), load_checkpoint(_save(tmp_path / "ref.pt", dcgan.state_dict())))


@pytest.mark.parametrize("protocol", [2, 5])
def test_nvidia_pickles_of_other_protocols(tmp_path, tiny_stylegan2, protocol):
    G, D = tiny_stylegan2   # protocol 2 spells the tensor bytes as _codecs.encode(text, 'latin1')
    m = load_checkpoint(write_nvidia_pickle(tmp_path / "n.pkl", G, D, protocol=protocol))
    torch.testing.assert_close(render(m, seed=3), direct(G, 3), rtol=0, atol=1e-6)
    assert m.D is not None


def test_shared_tensor_storage_and_views_survive(tmp_path):
    base = torch.arange(12.0).reshape(3, 4)
    torch.save({"a": base, "col": base[:, 1], "t": base.t()}, tmp_path / "views.pt")
    from ganexplorer.core.formats.load import _read_untrusted
    from ganexplorer.core.formats.files import open_regular

    fd, st = open_regular(str(tmp_path / "views.pt"))
    with os.fdopen(fd, "rb") as fh:
        obj = _read_untrusted(tmp_path / "views.pt", fh, st, "zip", None)
    assert torch.equal(obj["col"], base[:, 1]) and torch.equal(obj["t"], base.t()) and torch.equal(obj["a"], base)


def test_messages_quote_file_names_and_contents_as_one_printable_line(tmp_path):
    weird = tmp_path / "a\nb\x1b[31mc.pkl"
    weird.write_bytes(b"\x80\x04" + b"c" + b"os\x1b]0;x\x07\nsystem\n" + b")R.")
    with pytest.raises(CheckpointError) as e:
        load_checkpoint(weird)
    msg = str(e.value)
    assert "\n" not in msg and "\x1b" not in msg and "\x07" not in msg
    assert "a\\x0ab" in msg and "os.system" in msg


def test_no_reader_process_is_left_behind(tmp_path, tiny_stylegan2):
    import multiprocessing

    G, _ = tiny_stylegan2
    load_checkpoint(write_nvidia_pickle(tmp_path / "n.pkl", G))
    (tmp_path / "bad.pkl").write_bytes(b"\x80\x04Nr\x00\x00\x00\x10.")
    with pytest.raises(CheckpointError):
        load_checkpoint(tmp_path / "bad.pkl")
    assert not multiprocessing.active_children()


def test_a_cancelled_load_says_so(tmp_path, tiny_stylegan2):
    import threading

    from ganexplorer.core.formats import LoadCancelled

    G, _ = tiny_stylegan2
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(LoadCancelled, match="cancelled"):
        load_checkpoint(write_nvidia_pickle(tmp_path / "n.pkl", G), cancel=cancel)


def test_describe_makes_file_text_printable(tmp_path):
    from ganexplorer.core.formats.loaded import LoadedModel

    G, _ = build_preset("mlp-gan")
    facts = LoadedModel(G=G, family="mlp", format="native", path=tmp_path / "x\x1b[2Jy.safetensors",
                        notes=["line one\nline two"]).describe()
    assert "\x1b" not in facts["file"] and facts["notes"] == ["line one\\x0aline two"]


def test_a_constructor_that_mixes_real_and_meta_tensors_is_one_sentence(tmp_path):
    """build_bounded makes its tensors on the meta device: a constructor that adds a real tensor to one of them
    raises RuntimeError, which must come out as the checkpoint's 'cannot build' sentence, not a raw error."""
    from ganexplorer.core.formats.bounds import build_bounded
    from ganexplorer.core.formats.load import CheckpointError

    class Odd(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.w = torch.nn.Parameter(torch.zeros(4) + torch.arange(4.0))   # zeros is meta, arange is not

    with pytest.raises(CheckpointError) as e:
        build_bounded(tmp_path / "odd.pt", Odd, file_elements=4)
    assert "odd.pt" in str(e.value) and "cannot build" in str(e.value)
