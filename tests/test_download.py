"""Optional downloads, tested against a server on 127.0.0.1 only (never the internet)."""

import hashlib

import pytest

from ganexplorer.core.data import DatasetError, open_dataset
from ganexplorer.core.data import download as dl
from ganexplorer.core.data.download import download


@pytest.fixture(autouse=True)
def fake_mnist_is_known(request, monkeypatch):
    """The server's tiny MNIST pair stands in for the real one: its sizes and SHA-256 are the published ones."""
    if "dataset_server" not in request.fixturenames:
        return
    _, root = request.getfixturevalue("dataset_server")
    for f in root.glob("*.gz"):
        data = f.read_bytes()
        monkeypatch.setitem(dl.KNOWN, ("mnist", f.name), (len(data), hashlib.sha256(data).hexdigest()))


def test_download_mnist_and_quickdraw_into_the_cache(dataset_server, tmp_path, monkeypatch):
    base, root = dataset_server
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


def test_download_failures_are_one_sentence(dataset_server, tmp_path, monkeypatch):
    base, _ = dataset_server
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


def test_cli_download(dataset_server, tmp_path, monkeypatch, capsys):
    from ganexplorer.cli import main

    base, _ = dataset_server
    monkeypatch.setenv("GANEXPLORER_CACHE", str(tmp_path / "cache"))
    assert main(["download", "quickdraw:cat", "--base-url", base, "-q"]) == 0
    assert capsys.readouterr().out.strip().startswith("quickdraw:")
    assert main(["download", "quickdraw:dog", "--base-url", base, "-q"]) == 2
