"""Device hygiene without a GPU: the render path, every view, directions, walks and the CLI with the model
on a stand-in accelerator, so a tensor left on the wrong device fails here and not on a user's GPU.

How: :mod:`fake_device` (beside this file) makes ``meta`` behave like CUDA with CPU numbers. The
model is moved there with ``.to("meta")``; its tensors report ``device == meta`` but hold CPU
data, so every result is computed (and compared with the plain CPU result), while an op that
mixes a device tensor with a CPU tensor raises, and so does ``.numpy()`` on a device tensor,
exactly where CUDA would raise. Plain ``meta`` tensors alone would not do: they have no data,
so reading any result back (``.cpu()``, ``.item()``, PCA, uint8 pictures) fails for correct code
too. The first test checks the stand-in itself enforces those rules. Each test runs with CUDA's rules
and again with MPS's (no float64 on the device); where CUDA is present, once more on the real GPU
(pictures then agree with the CPU's within a few levels).

Caught on the code before the fixes (issue 16): ``views.feature_maps`` read its tiles with
``.numpy()`` on the device (also through the GUI's worker, the Layers view's job);
``directions.principal_directions`` fed CPU z and labels into the mapping network on the device;
``generate --save-raw`` called ``.numpy()`` on the device picture; with MPS's rule, the preview
calibration (``PreviewCalibration.observe``) cast previews to float64 on the device.
"""

import numpy as np
import pytest
import torch
from PIL import Image

from fake_device import DEVICE, DeviceMixError, FakeDevice, OnDevice
from ganexplorer.core.device import module_device, to_host, to_numpy
from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.models.registry import build_preset
from ganexplorer.core.models.stylegan2 import Generator
from ganexplorer.core.render import RenderRequest, Renderer, WEdit
from ganexplorer.core.render import views
from ganexplorer.core.render.annotate import labelled_mixing_grid, variation_figure
from ganexplorer.core.render.directions import principal_directions
from ganexplorer.core.render.walk import export_walk, walk_requests


@pytest.fixture(params=["stand-in", "stand-in-mps", "cuda"])
def on_device(request):
    """The stand-in device with CUDA's rules and with MPS's; a real CUDA device too where there is one."""
    if request.param == "cuda":
        if not torch.cuda.is_available():
            pytest.skip("needs a CUDA device")
        yield torch.device("cuda", torch.cuda.current_device())   # what a module's parameters report
        return
    with FakeDevice(mps=request.param == "stand-in-mps") as dev:
        yield dev


def _agree(got: np.ndarray, want: np.ndarray, device: torch.device) -> bool:
    """The stand-in computes on the CPU, so its uint8 pictures are the CPU's to the bit (floats to rounding:
    the CPU may take its fast path, the stand-in takes the reference ops as a GPU would); a GPU's (other
    kernels, fp16 blocks) are close: within a few levels on average."""
    if got.shape != want.shape or got.dtype != want.dtype:
        return False
    if device.type == DEVICE.type:
        return np.array_equal(got, want) if got.dtype == np.uint8 else np.allclose(got, want, rtol=1e-4, atol=1e-3)
    return float(np.abs(got.astype(np.float64) - want).mean()) <= 4


def _style(c_dim: int = 0) -> LoadedModel:
    torch.manual_seed(1)
    G = Generator(z_dim=16, c_dim=c_dim, w_dim=16, img_resolution=16, img_channels=3,
                  mapping_kwargs=dict(num_layers=2),
                  synthesis_kwargs=dict(channel_base=128, channel_max=16, num_fp16_res=1, conv_clamp=256))
    for name, p in G.named_parameters():
        if name.endswith("noise_strength"):
            p.data.fill_(0.3)
    return LoadedModel(G=G.eval(), family="stylegan2", format="native")


def _dcgan() -> LoadedModel:
    torch.manual_seed(2)
    G, _ = build_preset("dcgan32-cond")
    return LoadedModel(G=G.eval(), family="dcgan32", format="native")


def _moved(model: LoadedModel, device: torch.device) -> LoadedModel:
    """A second copy of ``model`` on ``device`` (the first stays on the CPU for comparison)."""
    import copy

    return copy.deepcopy(model).to(device)


def test_the_stand_in_device_enforces_cuda_rules():
    with FakeDevice() as dev:
        _check_rules(dev)


def _check_rules(on_device: torch.device) -> None:
    x = torch.ones(2, 3, device=on_device)
    assert isinstance(x, OnDevice) and x.device == DEVICE
    with pytest.raises(DeviceMixError):
        x + torch.ones(2, 3)                       # CPU tensor meets device tensor
    with pytest.raises(TypeError, match="cpu"):
        x.numpy()
    lin = torch.nn.Linear(3, 2).to(on_device)
    with pytest.raises(DeviceMixError):
        lin(torch.ones(1, 3))
    with pytest.raises(DeviceMixError):
        torch.randn(3, generator=torch.Generator(), device=on_device)
    y = x * torch.tensor(2.0)                      # 0-dim CPU tensors are fine, as on CUDA
    y[:, [0]] = 5
    assert y.cpu().tolist() == [[5.0, 2.0, 2.0], [5.0, 2.0, 2.0]] and float(y.sum()) == 18.0
    assert lin(x).detach().cpu().numpy().shape == (2, 2)
    buf = torch.empty(2, 3)
    assert buf.copy_(x) is buf and float(buf.sum()) == 6       # a CPU buffer filled from the device
    host, cpu = x.to("cpu"), torch.zeros(2)
    host += 1
    moved = cpu.to(on_device)
    moved += 1
    assert float(x.sum()) == 6 and float(cpu.sum()) == 0        # moves copy, both ways, as with a GPU


def test_results_come_to_the_host_through_one_helper(on_device):
    x = torch.linspace(-1, 1, 6, device=on_device, requires_grad=True).reshape(2, 3) * 2
    host = to_host(x, torch.float64)
    assert host.device.type == "cpu" and host.dtype == torch.float64 and not host.requires_grad
    arr = to_numpy(x[:, ::2], torch.float32)
    assert arr.dtype == np.float32 and arr.flags["C_CONTIGUOUS"] and np.allclose(arr, [[-2, -0.4], [0.4, 2]])
    assert module_device(torch.nn.Linear(2, 2).to(on_device)) == on_device
    assert module_device(torch.nn.ReLU()) == torch.device("cpu")


REQUESTS = [
    RenderRequest(seed=3),
    RenderRequest(seed=4, psi=0.6, cutoff=2, noise_mode="random", noise_seed=5, mix_seed=9, mix_start=2),
    RenderRequest(seed=5, z_offsets=((1, 0.5),), w_edits=(WEdit(tuple([0.1] * 16), 2.0, 0, 3),)),
    RenderRequest(w_blend=((1, 0.5), (2, 0.5)), noise_mode="none"),
    RenderRequest(z=tuple([0.2] * 16), ablations=(("synthesis.b8.conv0", (0, 1)),)),
]


def test_render_path_on_the_device_matches_the_cpu(on_device):
    cpu = _style()
    r_cpu, r_dev = Renderer(cpu), Renderer(_moved(cpu, on_device))
    assert r_dev.device == on_device
    for req in REQUESTS:
        res = r_dev.render(req)
        assert isinstance(res.rgb, np.ndarray) and res.rgb.dtype == np.uint8 and res.rgb.shape == (16, 16, 3)
        assert _agree(res.rgb, r_cpu.render(req).rgb, on_device), req
    preview = r_dev.render(REQUESTS[0], preview_resolution=8)      # calibrated from the full render above
    assert preview.preview and preview.rgb.shape == (8, 8, 3)


def test_conditional_and_non_style_models_render_on_the_device(on_device):
    cond = _style(c_dim=3)
    req = RenderRequest(seed=1, label=2)
    assert _agree(Renderer(_moved(cond, on_device)).render(req).rgb, Renderer(cond).render(req).rgb, on_device)
    cpu = _dcgan()
    r_cpu, r_dev = Renderer(cpu), Renderer(_moved(cpu, on_device))
    req = RenderRequest(seed=1, label=4, psi=0.8, ablations=(("conv.0", (0, 1)),))
    assert _agree(r_dev.render(req).rgb, r_cpu.render(req).rgb, on_device)


def test_every_view_on_the_device(on_device):
    cpu = _style()
    r_cpu, r_dev = Renderer(cpu), Renderer(_moved(cpu, on_device))
    req = RenderRequest(seed=2, ablations=(("synthesis.b16.conv0", (1,)),))
    levels = views.variation_levels(r_dev, req, draws=3)
    assert levels.dtype == np.float32 and _agree(levels, views.variation_levels(r_cpu, req, draws=3), on_device)
    assert views.stochastic_variation(r_dev, req, draws=3).shape == (16, 16, 3)
    assert variation_figure(levels, "variation", min_side=64).dtype == np.uint8   # what the GUI job draws
    picture, tiles = views.mixing_grid(r_dev, [1, 2], [3], [0, 1], RenderRequest())
    assert _agree(picture, views.mixing_grid(r_cpu, [1, 2], [3], [0, 1], RenderRequest())[0], on_device)
    assert labelled_mixing_grid(picture, [1, 2], [3], "layers 0-1", "seed").ndim == 3
    for normalise in (True, False):
        got = views.feature_maps(r_dev, req, "synthesis.b16.conv0", count=4, normalise=normalise)
        want = views.feature_maps(r_cpu, req, "synthesis.b16.conv0", count=4, normalise=normalise)
        assert got[1] == want[1] and _agree(got[0], want[0], on_device)
    dc_cpu = _dcgan()
    layer = views.feature_layers(dc_cpu)[1]
    req = RenderRequest(seed=1, label=3)
    got, total = views.feature_maps(Renderer(_moved(dc_cpu, on_device)), req, layer, count=9)
    assert total > 0 and _agree(got, views.feature_maps(Renderer(dc_cpu), req, layer, count=9)[0], on_device)


@pytest.mark.parametrize("c_dim", [0, 3])
def test_principal_directions_on_the_device(on_device, c_dim):
    cpu = _style(c_dim)
    got = principal_directions(_moved(cpu, on_device), n_components=3, n_samples=120, batch=50)
    want = principal_directions(cpu, n_components=3, n_samples=120, batch=50)
    tol = 1e-4 if on_device.type == DEVICE.type else 1e-2   # a GPU's matmuls round differently
    assert np.allclose(got.sigmas, want.sigmas, rtol=tol)
    assert np.allclose(np.abs(np.array(got.vectors)), np.abs(np.array(want.vectors)), atol=tol)
    assert len(principal_directions(_moved(_dcgan(), on_device), n_components=2, n_samples=60).vectors) == 2


@pytest.mark.parametrize("space", ["z", "w"])
def test_walk_exports_on_the_device(on_device, tmp_path, space):
    m = _moved(_style(), on_device)
    reqs = walk_requests(RenderRequest(psi=0.7), [1, 2, 3], 6, space, m.z_dim)
    path = export_walk(Renderer(m), reqs, tmp_path / "walk.gif", fps=10, min_side=32)
    with Image.open(path) as im:
        assert im.n_frames == 6 and im.size == (32, 32)


def test_cli_generate_save_raw_and_mix_and_walk_on_the_device(on_device, monkeypatch, tmp_path, tiny_stylegan2):
    """The CLI picks the device and moves the model; with the stand-in every move lands there."""
    from ganexplorer.cli import main
    from layouts import write_nvidia_pickle

    G, D = tiny_stylegan2
    pkl = str(write_nvidia_pickle(tmp_path / "net.pkl", G, D))
    if on_device.type == DEVICE.type:
        move = LoadedModel.to
        monkeypatch.setattr(LoadedModel, "to", lambda self, device: move(self, DEVICE))
    dev = ["--device", on_device.type if on_device.type == "cuda" else "cpu", "-q"]
    out = tmp_path / "out"
    assert main(["generate", "--network", pkl, "--seeds", "0,7", "--outdir", str(out), "--save-raw", *dev]) == 0
    assert main(["mix", "--network", pkl, "--rows", "1", "--cols", "2", "--styles", "0-1", "--outdir",
                 str(tmp_path / "mix"), *dev]) == 0
    assert main(["walk", "--network", pkl, "--seeds", "0,1", "--frames", "3", "--out", str(tmp_path / "w.gif"),
                 *dev]) == 0
    raw = np.load(out / "seed0007.npy")
    img = np.asarray(Image.open(out / "seed0007.png"))
    assert raw.dtype == np.float32 and raw.shape == (3, 16, 16)
    assert np.array_equal(img, np.clip(raw * 127.5 + 128, 0, 255).astype(np.uint8).transpose(1, 2, 0))
    assert (tmp_path / "mix" / "grid.png").is_file() and (tmp_path / "w.gif").is_file()


def test_the_inference_worker_renders_and_runs_the_explorer_jobs_on_the_device(qtbot, monkeypatch):
    """The GUI's worker thread: set_model moves the model to the device; renders and the Explorer's jobs
    (feature maps, variation, mixing grid, directions) come back as host pictures."""
    from ganexplorer.gui.common.background import Runner
    from ganexplorer.gui.explore.inference_worker import InferenceWorker

    work = Runner._work

    def work_on_device(self) -> None:   # the stand-in's modes are per thread: enter them on the worker's
        with FakeDevice():
            work(self)
    monkeypatch.setattr(Runner, "_work", work_on_device)
    cpu = _style()
    model = _moved(cpu, torch.device("cpu"))   # a copy; set_model moves it
    worker = InferenceWorker(DEVICE)
    rendered, done, failed = [], {}, []
    worker.rendered.connect(lambda gen, res: rendered.append(res))
    worker.job_done.connect(lambda name, result: done.__setitem__(name, result))
    worker.job_failed.connect(lambda name, message: failed.append((name, message)))
    worker.render_failed.connect(lambda gen, message: failed.append(("render", message)))
    req = RenderRequest(seed=2)
    try:
        worker.set_model(model)
        worker.submit(RenderRequest(seed=3))
        worker.run_job("layers", lambda r: views.feature_maps(r, req, "synthesis.b16.conv0", count=4)[0])
        worker.run_job("variation", lambda r: views.variation_levels(r, req, 3))
        worker.run_job("grid", lambda r: views.mixing_grid(r, [1], [2], [0], req)[0])
        worker.run_job("directions", lambda _r: principal_directions(model, 3, n_samples=60))
        qtbot.waitUntil(lambda: bool(failed) or (len(done) == 5 and bool(rendered)), timeout=60_000)
    finally:
        worker.shutdown()
    assert not failed
    assert next(model.G.parameters()).device == DEVICE
    r_cpu = Renderer(cpu)
    assert np.array_equal(rendered[-1].rgb, r_cpu.render(RenderRequest(seed=3)).rgb)
    assert np.array_equal(done["layers"], views.feature_maps(r_cpu, req, "synthesis.b16.conv0", count=4)[0])
    assert np.array_equal(done["grid"], views.mixing_grid(r_cpu, [1], [2], [0], req)[0])
    assert done["variation"].shape == (16, 16) and len(done["directions"].vectors) == 3


@pytest.mark.parametrize("device", ["cuda", "mps"])
def test_asking_for_a_device_that_is_not_there_is_one_sentence(device, tmp_path, tiny_stylegan2, capsys):
    from ganexplorer.cli import main
    from ganexplorer.core.device import pick_device
    from layouts import write_nvidia_pickle

    try:
        pick_device(device)
        pytest.skip(f"this machine has {device}")
    except ValueError:
        pass
    pkl = str(write_nvidia_pickle(tmp_path / "net.pkl", *tiny_stylegan2))
    assert main(["generate", "--network", pkl, "--seeds", "1", "--outdir", str(tmp_path), "--device", device]) == 2
    err = capsys.readouterr().err.strip()
    assert device.upper() in err.upper() and len(err.splitlines()) == 1 and "Traceback" not in err


@pytest.mark.parametrize("c_dim", [0, 3])
def test_quality_samples_a_generator_on_the_device(on_device, c_dim):
    """``ganexplorer train``'s quality report draws from G wherever it trained; the samples match the CPU's."""
    from ganexplorer.core.metrics.quality import sample_generator

    cpu = _style(c_dim).G
    want = sample_generator(cpu, 5, seed=3, batch=2)
    got = sample_generator(_moved(_style(c_dim), on_device).G, 5, seed=3, batch=2)
    assert got.device.type == "cpu"
    assert _agree(got.numpy(), want.numpy(), on_device)
