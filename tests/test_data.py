"""Dataset readers on files the tests make, including broken ones."""

import gzip
import json
import pickle
import struct

import numpy as np
import pytest
import torch
from PIL import Image

from ganexplorer.core.data import DatasetError, open_dataset


def write_idx(path, arr: np.ndarray, gz: bool = False) -> None:
    header = struct.pack(">BBBB", 0, 0, 0x08, arr.ndim) + struct.pack(">" + "I" * arr.ndim, *arr.shape)
    data = header + arr.astype(np.uint8).tobytes()
    if gz:
        with gzip.open(path, "wb") as f:
            f.write(data)
    else:
        path.write_bytes(data)


def test_builtin_digits():
    ds = open_dataset("builtin:digits")
    assert len(ds) == 1797 and ds.images.shape[1:] == (1, 32, 32) and ds.n_classes == 10
    assert set(ds.labels.tolist()) == set(range(10)) and "CC BY 4.0" in ds.attribution
    x = ds.prepared(28, 1)
    assert x.shape == (1797, 1, 28, 28) and x.min() >= -1 and x.max() <= 1
    assert ds.images[:, :, :3].max() < 40  # MNIST-like empty margin


@pytest.mark.parametrize("gz", [False, True])
def test_mnist_idx_with_labels(tmp_path, gz):
    rng = np.random.RandomState(0)
    imgs, labs = rng.randint(0, 256, (20, 28, 28)), rng.randint(0, 10, 20)
    suffix = ".gz" if gz else ""
    write_idx(tmp_path / f"train-images-idx3-ubyte{suffix}", imgs, gz)
    write_idx(tmp_path / f"train-labels-idx1-ubyte{suffix}", labs, gz)
    ds = open_dataset(f"mnist:{tmp_path / f'train-images-idx3-ubyte{suffix}'}")
    assert np.array_equal(ds.images[:, 0].numpy(), imgs) and np.array_equal(ds.labels.numpy(), labs)


def test_broken_idx_files(tmp_path):
    write_idx(tmp_path / "t10k-images-idx3-ubyte", np.zeros((10, 28, 28)))
    data = (tmp_path / "t10k-images-idx3-ubyte").read_bytes()
    (tmp_path / "cut").write_bytes(data[:500])
    with pytest.raises(DatasetError, match="truncated"):
        open_dataset(f"mnist:{tmp_path / 'cut'}")
    (tmp_path / "text").write_text("not mnist at all")
    with pytest.raises(DatasetError, match="not an IDX file"):
        open_dataset(f"mnist:{tmp_path / 'text'}")
    write_idx(tmp_path / "labels-only", np.zeros(10))
    with pytest.raises(DatasetError, match="not images"):
        open_dataset(f"mnist:{tmp_path / 'labels-only'}")
    with pytest.raises(DatasetError, match="does not exist"):
        open_dataset(f"mnist:{tmp_path / 'missing'}")


def test_quickdraw_npy_and_ndjson(tmp_path):
    arr = np.random.RandomState(1).randint(0, 256, (7, 784)).astype(np.uint8)
    np.save(tmp_path / "full_numpy_bitmap_cat.npy", arr)
    ds = open_dataset(f"quickdraw:{tmp_path / 'full_numpy_bitmap_cat.npy'}")
    assert ds.name == "quickdraw:cat" and len(ds) == 7 and np.array_equal(ds.images[3, 0].numpy().ravel(), arr[3])
    rec = {"word": "cat", "recognized": True, "drawing": [[[10, 200, 250], [10, 120, 250]], [[50, 60], [200, 30]]]}
    (tmp_path / "cat.ndjson").write_text(json.dumps(rec) + "\n" + json.dumps(rec) + "\n")
    ds2 = open_dataset(f"quickdraw:{tmp_path / 'cat.ndjson'}")
    assert ds2.images.shape == (2, 1, 28, 28) and ds2.images.max() > 200 and ds2.images[0, 0, 27, 0] == 0
    np.save(tmp_path / "wrong.npy", np.zeros((3, 10), np.float32))
    with pytest.raises(DatasetError, match="not Quick Draw bitmaps"):
        open_dataset(f"quickdraw:{tmp_path / 'wrong.npy'}")
    (tmp_path / "bad.ndjson").write_text('{"word": "cat"}\n')
    with pytest.raises(DatasetError, match="line 1"):
        open_dataset(f"quickdraw:{tmp_path / 'bad.ndjson'}")


def test_cifar10_batches_and_a_malicious_one(tmp_path):
    rng = np.random.RandomState(2)
    for i in (1, 2):
        batch = {b"data": rng.randint(0, 256, (5, 3072)).astype(np.uint8), b"labels": list(range(5)),
                 b"batch_label": b"training batch"}
        (tmp_path / f"data_batch_{i}").write_bytes(pickle.dumps(batch, protocol=2))
    ds = open_dataset(f"cifar10:{tmp_path}")
    assert ds.images.shape == (10, 3, 32, 32) and ds.class_names[0] == "airplane"
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            import os
            return (os.system, (f"touch {marker}",))

    evil_dir = tmp_path / "evil"
    evil_dir.mkdir()
    (evil_dir / "data_batch_1").write_bytes(pickle.dumps({b"data": Evil()}))
    with pytest.raises(DatasetError, match="refuses to run"):
        open_dataset(f"cifar10:{evil_dir}")
    assert not marker.exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(DatasetError, match="no CIFAR-10 batches"):
        open_dataset(f"cifar10:{empty}")


def test_folder_of_images(tmp_path):
    for i in range(3):
        Image.fromarray(np.full((40, 60), 50 * i, np.uint8)).save(tmp_path / f"{i}.png")
    (tmp_path / "notes.txt").write_text("hello")
    (tmp_path / "broken.jpg").write_bytes(b"not a jpeg")
    ds = open_dataset(f"folder:{tmp_path}")
    assert ds.images.shape == (3, 1, 64, 64)
    (tmp_path / "empty").mkdir()
    with pytest.raises(DatasetError, match="holds no images"):
        open_dataset(f"folder:{tmp_path / 'empty'}")
    with pytest.raises(DatasetError, match="unknown dataset"):
        open_dataset("imagenet:/data")


@pytest.mark.slow
def test_builtin_shapes_are_reproducible_and_carry_fine_detail():
    """builtin:shapes is drawn from a seed; its speckles and strands live at the finest scale (64²),
    which is what a StyleGAN2's noise inputs and fine layers are meant to show."""
    import torch.nn.functional as F

    from ganexplorer.core.data.shapes import SHAPES, draw_shapes

    a, la = draw_shapes(64, seed=3)
    b, lb = draw_shapes(64, seed=3)
    c, _ = draw_shapes(64, seed=4)
    assert a.shape == (64, 3, 64, 64) and a.dtype == np.uint8
    assert np.array_equal(a, b) and np.array_equal(la, lb) and not np.array_equal(a, c)
    assert set(la.tolist()) == set(range(len(SHAPES)))
    x = torch.from_numpy(a).float() / 255
    blurred = F.interpolate(F.avg_pool2d(x, 2), scale_factor=2, mode="nearest")
    detail = (x - blurred).abs().mean().item()       # what a 32² picture cannot hold
    coarse = (x - x.mean(dim=(2, 3), keepdim=True)).abs().mean().item()
    assert detail > 0.1 * coarse, (detail, coarse)
    ds = open_dataset("builtin:shapes", limit=10)
    assert ds.class_names == SHAPES and ds.channels == 3 and ds.resolution == 64 and len(ds) == 10
