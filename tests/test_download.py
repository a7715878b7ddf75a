"""Optional downloads, tested against a server on 127.0.0.1 only (never the internet)."""

import functools
import gzip
import http.server
import struct
import threading

import numpy as np
import pytest

from ganexplorer.core.data import DatasetError, open_dataset
from ganexplorer.core.data.download import download


@pytest.fixture
def server(tmp_path):
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


def test_download_mnist_and_quickdraw_into_the_cache(server, tmp_path, monkeypatch):
    base, root = server
    monkeypatch.setenv("GANEXPLORER_CACHE", str(tmp_path / "cache"))
    seen = []
    spec = download("mnist", base_url=base, progress=lambda done, total: seen.append((done, total)))
    ds = open_dataset(spec)
    assert len(ds) == 12 and ds.labels is not None and seen and seen[-1][0] == seen[-1][1]
    (root / "train-images-idx3-ubyte.gz").unlink()  # cached: not fetched again
    assert download("mnist", base_url=base) == spec
    qd = download("quickdraw:cat", base_url=base)
    assert open_dataset(qd).images.shape == (5, 1, 28, 28)
    assert not list((tmp_path / "cache").rglob("*.tmp"))


def test_download_failures_are_one_sentence(server, tmp_path, monkeypatch):
    base, _ = server
    monkeypatch.setenv("GANEXPLORER_CACHE", str(tmp_path / "cache"))
    with pytest.raises(DatasetError, match="could not download"):
        download("quickdraw:unicorn", base_url=base)
    with pytest.raises(DatasetError, match="could not download"):
        download("mnist", base_url="http://127.0.0.1:9/")  # nothing listens on the discard port
    with pytest.raises(DatasetError, match="unknown download"):
        download("imagenet")
    with pytest.raises(InterruptedError):
        download("quickdraw:cat", base_url=base, progress=lambda d, t: False)
    assert not (tmp_path / "cache" / "quickdraw" / "cat.npy").exists()


def test_cli_download(server, tmp_path, monkeypatch, capsys):
    from ganexplorer.cli import main

    base, _ = server
    monkeypatch.setenv("GANEXPLORER_CACHE", str(tmp_path / "cache"))
    assert main(["download", "quickdraw:cat", "--base-url", base, "-q"]) == 0
    assert capsys.readouterr().out.strip().startswith("quickdraw:")
    assert main(["download", "quickdraw:dog", "--base-url", base, "-q"]) == 2
