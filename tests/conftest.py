import functools
import gzip
import http.server
import os
import struct
import sys
import tempfile
import threading
from pathlib import Path

import numpy as np
import pytest
import torch

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The app's log file (ganexplorer.applog) goes to a scratch folder, never the machine's real log folder.
os.environ.setdefault("GANEXPLORER_LOG_DIR", tempfile.mkdtemp(prefix="ganexplorer-test-logs-"))
sys.path.insert(0, str(Path(__file__).parent))
torch.set_num_threads(min(2, torch.get_num_threads()))

DATA = Path(__file__).parent / "data"


def pytest_collection_modifyitems(config, items):
    """Mark every test that drives Qt widgets ``gui``, so ``pytest -m "not gui"`` opens no window."""
    for item in items:
        if {"qtbot", "qapp"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _keep_torch_thread_count():
    """A test that calls ``torch.set_num_threads`` does not change the thread count of the tests after it."""
    threads = torch.get_num_threads()
    yield
    if torch.get_num_threads() != threads:
        torch.set_num_threads(threads)


@pytest.fixture
def one_torch_thread():
    """Tiny models: one thread is as fast, and far steadier on a CPU other processes share (the count
    comes back after the test through ``_keep_torch_thread_count``)."""
    torch.set_num_threads(1)
    yield


@pytest.fixture(autouse=True)
def _collect_garbage_on_ui_thread(request):
    """As in the app: cycles are collected on the UI thread only, never on a loader or training thread
    (where destroying a closed test window's widgets deadlocks). Only for tests that use Qt."""
    if "qtbot" in request.fixturenames or "qapp" in request.fixturenames:
        from ganexplorer.gui.app import collect_garbage_on_ui_thread

        request.getfixturevalue("qapp")
        collect_garbage_on_ui_thread()
    yield
    isolated = sys.modules.get("ganexplorer.core.formats.isolated")
    if isolated is not None:   # a window keeps a reader process started ahead; no test leaves one behind
        isolated.keep_warm(False)
    app = sys.modules.get("ganexplorer.gui.app")
    if app is not None and app._collector is not None:   # tests without an event loop: collect here, on the main thread
        app._collector.check()


@pytest.fixture(scope="session")
def tiny_stylegan2():
    """A small StyleGAN2 G/D with non-trivial noise strengths, biases and w_avg."""
    from ganexplorer.core.models.stylegan2 import Generator
    from ganexplorer.core.models.stylegan2_discriminator import Discriminator

    torch.manual_seed(0)
    G = Generator(z_dim=32, c_dim=0, w_dim=32, img_resolution=16, img_channels=3,
                  mapping_kwargs=dict(num_layers=2), synthesis_kwargs=dict(channel_base=256, channel_max=32,
                                                                           num_fp16_res=1, conv_clamp=256))
    D = Discriminator(c_dim=0, img_resolution=16, img_channels=3, channel_base=256, channel_max=32)
    randomise(G)
    return G.eval(), D.eval()


def wide_generator(seed: int) -> torch.nn.Module:
    """A 32 px StyleGAN2 G with 256 channels at 8 and 16 px (Winograd on the CPU fast path), 128 at 32 px
    (direct convolution), clamped and with noise that matters: the fast path's hardest case."""
    from ganexplorer.core.models.stylegan2 import Generator

    torch.manual_seed(seed)
    G = Generator(z_dim=32, w_dim=32, img_resolution=32, img_channels=3, mapping_kwargs=dict(num_layers=2),
                  synthesis_kwargs=dict(channel_base=4096, channel_max=256, conv_clamp=256))
    return randomise(G).eval()


def randomise(module: torch.nn.Module, seed: int = 1) -> torch.nn.Module:
    """Make zero-initialised strengths, biases and w_avg matter in comparisons."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, p in module.named_parameters():
            if name.endswith("noise_strength"):
                p.copy_(torch.randn(p.shape, generator=g) * 0.3)
            elif name.endswith("bias"):
                p.copy_(p + torch.randn(p.shape, generator=g) * 0.1)
        for name, b in module.named_buffers():
            if name.endswith("w_avg"):
                b.copy_(torch.randn(b.shape, generator=g))
    return module


@pytest.fixture
def dataset_server(tmp_path):
    """A loopback HTTP server holding a tiny MNIST pair and a Quick Draw category (never the internet)."""
    root = tmp_path / "www"
    root.mkdir()
    imgs = np.random.RandomState(0).randint(0, 256, (12, 28, 28)).astype(np.uint8)
    labs = np.arange(12, dtype=np.uint8) % 10
    for name, arr in (("train-images-idx3-ubyte.gz", imgs), ("train-labels-idx1-ubyte.gz", labs)):
        head = struct.pack(">BBBB", 0, 0, 8, arr.ndim) + struct.pack(">" + "I" * arr.ndim, *arr.shape)
        (root / name).write_bytes(gzip.compress(head + arr.tobytes()))
    np.save(root / "cat.npy", np.zeros((5, 784), np.uint8))
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/", root
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def pkl(tmp_path, tiny_stylegan2):
    """The tiny StyleGAN2 as NVIDIA's pickle, under a snapshot's name (a module may define its own ``pkl``)."""
    from layouts import write_nvidia_pickle

    G, D = tiny_stylegan2
    return str(write_nvidia_pickle(tmp_path / "network-snapshot-000000.pkl", G, D))


@pytest.fixture
def dcgan_file(tmp_path):
    """A freshly initialised conditional DCGAN-32 as a native safetensors file."""
    from ganexplorer.core.formats import save_native
    from ganexplorer.core.models.registry import build_preset

    torch.manual_seed(0)
    G, D = build_preset("dcgan32-cond")
    return str(save_native(tmp_path / "cond.safetensors", "dcgan32", G.eval(), D))
