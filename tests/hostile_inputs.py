"""A corpus of hostile training-data files (issue 21), built by the tests into a folder: one case per file.

Each case builds what it needs under its own folder and returns the ``--data`` spec that opens it,
with the sentence the refusal must match (``good`` cases must load, ``note`` ones load and say
what they skipped). Used by ``test_hostile_inputs.py`` through core and through the CLI.
"""

from __future__ import annotations

import gzip
import json
import os
import pickle
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

POSIX = os.name == "posix"


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], str]   # folder -> dataset spec
    expect: str                    # regex over the sentence (or over the note, for a 'note' case)
    good: bool = False             # loads (its notes, if any, match ``expect``)
    posix_only: bool = False
    heavy: bool = False            # a memory or time bomb: only in a child process


# -- IDX ---------------------------------------------------------------------------------------------

def idx_header(dims: tuple[int, ...], dtype: int = 0x08) -> bytes:
    return struct.pack(">BBBB", 0, 0, dtype, len(dims)) + struct.pack(">" + "I" * len(dims), *dims)


def _file(d: Path, name: str, data: bytes) -> str:
    (d / name).write_bytes(data)
    return str(d / name)


def _zero_members(total: int, chunk: int = 64 * 2**20) -> bytes:
    """``total`` zero bytes as repeated gzip members: gigabytes for a few megabytes, built in a second."""
    member = gzip.compress(bytes(chunk), compresslevel=9)
    return member * (total // chunk)


def idx_bomb_small_header(d: Path) -> str:
    """A header that claims 10 images, then 3.6 GB of zeros (gzip members): the old reader gunzipped all."""
    head = gzip.compress(idx_header((10, 28, 28)) + bytes(7840))
    return "mnist:" + _file(d, "bomb-images-idx3-ubyte.gz", head + _zero_members(56 * 64 * 2**20))


def idx_bomb_honest(d: Path) -> str:
    """A header that honestly claims 4.6 million images, and the zeros to fill them (3.6 GB gunzipped)."""
    n = 4_600_000
    head = gzip.compress(idx_header((n, 28, 28)))
    return "mnist:" + _file(d, "big-images-idx3-ubyte.gz", head + _zero_members(n * 784))


def idx_raw(dims: tuple[int, ...], body: int | None = None, dtype: int = 0x08, name: str = "x-images-idx3-ubyte"):
    def build(d: Path) -> str:
        n = int(np.prod(dims, dtype=object)) if body is None else body
        return "mnist:" + _file(d, name, idx_header(dims, dtype) + bytes(min(n, 10**7)))
    return build


def idx_gz(data: bytes, name: str = "g-images-idx3-ubyte.gz"):
    return lambda d: "mnist:" + _file(d, name, data)


def idx_with_labels(labels: bytes) -> Callable[[Path], str]:
    def build(d: Path) -> str:
        _file(d, "train-labels-idx1-ubyte", labels)
        return "mnist:" + _file(d, "train-images-idx3-ubyte", idx_header((5, 28, 28)) + bytes(5 * 784))
    return build


def labels_fifo(d: Path) -> str:
    os.mkfifo(d / "train-labels-idx1-ubyte")
    return "mnist:" + _file(d, "train-images-idx3-ubyte", idx_header((5, 28, 28)) + bytes(5 * 784))


def fifo(name: str, kind: str) -> Callable[[Path], str]:
    def build(d: Path) -> str:
        os.mkfifo(d / name)
        return f"{kind}:{d / name}"
    return build


def dev_zero(name: str, kind: str) -> Callable[[Path], str]:
    def build(d: Path) -> str:
        os.symlink("/dev/zero", d / name)
        return f"{kind}:{d / name}"
    return build


def sparse(name: str, kind: str, size: int, head: bytes = b"") -> Callable[[Path], str]:
    """A file of ``size`` bytes that costs no disk (a hole after ``head``)."""
    def build(d: Path) -> str:
        with open(d / name, "wb") as f:
            f.write(head)
            f.truncate(size)
        return f"{kind}:{d / name}"
    return build


# -- CIFAR ------------------------------------------------------------------------------------------

def cifar(labels: object = "ok", data: object = "ok", n: int = 4) -> Callable[[Path], str]:
    def build(d: Path) -> str:
        arr = np.zeros((n, 3072), np.uint8) if isinstance(data, str) else data
        lab = list(range(n)) if isinstance(labels, str) and labels == "ok" else labels
        (d / "data_batch_1").write_bytes(pickle.dumps({b"data": arr, b"labels": lab}, protocol=2))
        return f"cifar10:{d}"
    return build


def cifar_raw(payload: bytes) -> Callable[[Path], str]:
    return lambda d: "cifar10:" + _file(d, "data_batch_1", payload)


def cifar_fifo_in_dir(d: Path) -> str:
    os.mkfifo(d / "data_batch_1")
    return f"cifar10:{d}"


# -- Quick Draw -------------------------------------------------------------------------------------

def npy(arr_header: dict, body: bytes = b"", name: str = "cat.npy", v2: bool = False) -> Callable[[Path], str]:
    """A .npy file with a hand-written header (any shape, no data needed)."""
    def build(d: Path) -> str:
        with open(d / name, "wb") as f:
            (np.lib.format.write_array_header_2_0 if v2 else np.lib.format.write_array_header_1_0)(f, arr_header)
            f.write(body)
        return f"quickdraw:{d / name}"
    return build


def npy_sparse_big(d: Path) -> str:
    """A real-looking 1 GB Quick Draw bitmap file (sparse on disk): the old reader held it twice (2.2 GB)."""
    n = 1_400_000
    with open(d / "full_numpy_bitmap_cat.npy", "wb") as f:
        np.lib.format.write_array_header_1_0(f, {"descr": "|u1", "fortran_order": False, "shape": (n, 784)})
        f.truncate(f.tell() + n * 784)
    return f"quickdraw:{d / 'full_numpy_bitmap_cat.npy'}"


def npy_array(arr: np.ndarray, name: str = "cat.npy") -> Callable[[Path], str]:
    def build(d: Path) -> str:
        np.save(d / name, arr, allow_pickle=True)
        return f"quickdraw:{d / name}"
    return build


RECORD = {"word": "cat", "recognized": True, "drawing": [[[10, 200, 250], [10, 120, 250]], [[50, 60], [200, 30]]]}


def ndjson(text: str | bytes, name: str = "cat.ndjson") -> Callable[[Path], str]:
    def build(d: Path) -> str:
        (d / name).write_bytes(text.encode() if isinstance(text, str) else text)
        return f"quickdraw:{d / name}"
    return build


def record(drawing: object, **extra: object) -> str:
    return json.dumps({"word": "cat", "recognized": True, "drawing": drawing, **extra}) + "\n"


GOOD_LINE = json.dumps(RECORD) + "\n"


# -- folders of images ------------------------------------------------------------------------------

def png_header_only(w: int, h: int, mode: int = 0) -> bytes:
    """A PNG whose header claims ``w`` x ``h`` grey pixels and whose data is a few bytes (never decodable)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", w, h, 8, mode, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(bytes(64))) + chunk(b"IEND", b"")


def good_png(path: Path, value: int = 80) -> None:
    from PIL import Image

    Image.fromarray(np.full((20, 30), value, np.uint8)).save(path)


def folder(*extras: Callable[[Path], None], goods: int = 2) -> Callable[[Path], str]:
    def build(d: Path) -> str:
        for i in range(goods):
            good_png(d / f"good{i}.png", 40 * i)
        for extra in extras:
            extra(d)
        return f"folder:{d}"
    return build


def put(name: str, data: bytes) -> Callable[[Path], None]:
    return lambda d: (d / name).write_bytes(data) and None


def put_fifo(name: str) -> Callable[[Path], None]:
    return lambda d: os.mkfifo(d / name)


def put_link(name: str, target: str) -> Callable[[Path], None]:
    return lambda d: os.symlink(target, d / name)


def put_dir(name: str) -> Callable[[Path], None]:
    return lambda d: (d / name).mkdir()


def folder_is_fifo(d: Path) -> str:
    os.mkfifo(d / "pics")
    return f"folder:{d / 'pics'}"


# -- the corpus -------------------------------------------------------------------------------------

_nan = float("nan")
IDX_OK = idx_header((3, 28, 28)) + bytes(3 * 784)

CORPUS: list[Case] = [
    # IDX (MNIST, Fashion-MNIST)
    Case("idx-good", idx_raw((3, 28, 28), name="train-images-idx3-ubyte"), r"", good=True),
    Case("idx-gz-good", idx_gz(gzip.compress(IDX_OK)), r"", good=True),
    Case("idx-size-0", idx_raw((10, 0, 0)), r"images of 0 x 0 pixels"),
    Case("idx-width-0", idx_raw((10, 28, 0)), r"images of 28 x 0 pixels"),
    Case("idx-no-images", idx_raw((0, 28, 28)), r"holds no images"),
    Case("idx-huge-claim-raw", idx_raw((4_600_000, 28, 28), body=1000), r"3\.4 GB of images, more than"),
    Case("idx-dims-overflow", idx_raw((2**32 - 1, 2**32 - 1, 2**32 - 1), body=100), r"more than"),
    Case("idx-huge-side", idx_raw((1, 70000, 70000), body=100), r"more than|70000 x 70000"),
    Case("idx-truncated", idx_raw((10, 28, 28), body=500), r"truncated"),
    Case("idx-ndim-255", lambda d: "mnist:" + _file(d, "x", bytes([0, 0, 8, 255]) + bytes(100)), r"header"),
    Case("idx-float-type", idx_raw((3, 28, 28), dtype=0x0D), r"only unsigned bytes"),
    Case("idx-gz-bomb", idx_bomb_small_header, r"more data than its header", heavy=True),
    Case("idx-gz-bomb-honest", idx_bomb_honest, r"3\.4 GB of images, more than", heavy=True),
    Case("idx-gz-corrupt", idx_gz(gzip.compress(IDX_OK)[:-8] + b"\x00" * 8), r"damaged|could not be read"),
    Case("idx-gz-truncated", idx_gz(gzip.compress(IDX_OK)[:40]), r"truncated|damaged"),
    Case("idx-gz-not-gzip", idx_gz(b"\x1f\x8b" + bytes(50)), r"damaged|could not be read"),
    Case("idx-fifo", fifo("train-images-idx3-ubyte", "mnist"), r"FIFO", posix_only=True),
    Case("idx-dev-zero", dev_zero("train-images-idx3-ubyte", "mnist"), r"is a device", posix_only=True),
    Case("idx-labels-fifo", labels_fifo, r"labels-idx1-ubyte'.*FIFO", posix_only=True),
    Case("idx-labels-garbage", idx_with_labels(b"garbage!"), r"labels-idx1-ubyte' is not an IDX file"),
    Case("idx-labels-short", idx_with_labels(idx_header((3,)) + bytes(3)), r"3 labels for 5 images"),
    Case("idx-labels-2d", idx_with_labels(idx_header((5, 2)) + bytes(10)), r"not one label per image"),
    Case("idx-sparse-3GB", sparse("train-images-idx3-ubyte", "mnist", 3 * 2**30,
                                  idx_header((4_000_000, 28, 28))), r"more than"),
    Case("idx-folder", lambda d: f"mnist:{d}", r"is a folder"),
    # CIFAR-10
    Case("cifar-good", cifar(), r"", good=True),
    Case("cifar-labels-int", cifar(labels=5), r"labels.*one integer label in 0\.\.9 per image"),
    Case("cifar-labels-nan", cifar(labels=[_nan] * 4), r"labels.*0\.\.9"),
    Case("cifar-labels-strings", cifar(labels=["cat", "dog", "cat", "dog"]), r"labels.*0\.\.9"),
    Case("cifar-labels-bytes", cifar(labels=b"abcd"), r"labels.*0\.\.9"),
    Case("cifar-labels-huge", cifar(labels=[10**30] * 4), r"labels.*0\.\.9"),
    Case("cifar-labels-negative", cifar(labels=[-1] * 4), r"labels.*0\.\.9"),
    Case("cifar-labels-short", cifar(labels=[1, 2]), r"2 labels for 4 images"),
    Case("cifar-labels-array-float", cifar(labels=np.array([0.5, 1, 2, 3])), r"labels.*0\.\.9"),
    Case("cifar-labels-none", cifar(labels=None), r"no 3072-wide 'data' array with 'labels'"),
    Case("cifar-data-float", cifar(data=np.full((4, 3072), _nan, np.float32)), r"bytes|0\.\.255"),
    Case("cifar-data-empty", cifar(data=np.zeros((0, 3072), np.uint8), labels=[]), r"holds no images|refuses to run"),
    Case("cifar-data-wrong-width", cifar(data=np.zeros((4, 100), np.uint8)), r"3072-wide"),
    Case("cifar-not-pickle", cifar_raw(b"hello world"), r"not a readable CIFAR-10 batch"),
    Case("cifar-deep-nesting", cifar_raw(b"\x80\x02" + b"]" * 200_000 + b"a" * 199_999 + b"."),
         r"not a (readable )?CIFAR-10 batch"),
    Case("cifar-fifo", fifo("data_batch_1", "cifar10"), r"FIFO", posix_only=True),
    Case("cifar-fifo-in-dir", cifar_fifo_in_dir, r"FIFO", posix_only=True),
    Case("cifar-dev-zero", dev_zero("data_batch_1", "cifar10"), r"is a device", posix_only=True),
    Case("cifar-sparse-2GB", sparse("data_batch_1", "cifar10", 2 * 2**30, b"\x80\x02"), r"more than"),
    # Quick Draw .npy
    Case("npy-good", npy_array(np.zeros((3, 784), np.uint8)), r"", good=True),
    Case("npy-1GB", npy_sparse_big, r"1 GB of drawings, more than the 384 MB", heavy=True),
    Case("npy-claims-2^40", npy({"descr": "|u1", "fortran_order": False, "shape": (2**40, 784)}), r"more than"),
    Case("npy-truncated", npy({"descr": "|u1", "fortran_order": False, "shape": (10, 784)}, bytes(100)),
         r"truncated"),
    Case("npy-empty", npy({"descr": "|u1", "fortran_order": False, "shape": (0, 784)}), r"holds no images"),
    Case("npy-object", npy_array(np.array([{"a": 1}] * 3, dtype=object)), r"not Quick Draw bitmaps"),
    Case("npy-float", npy_array(np.zeros((3, 784), np.float32)), r"not Quick Draw bitmaps"),
    Case("npy-3d", npy_array(np.zeros((3, 28, 28), np.uint8)), r"not Quick Draw bitmaps"),
    Case("npy-fortran", npy({"descr": "|u1", "fortran_order": True, "shape": (3, 784)}, bytes(3 * 784)),
         r"not Quick Draw bitmaps"),
    Case("npy-bad-header", ndjson(b"\x93NUMPY\x01\x00\x10\x00{garbage}      \n", name="cat.npy"),
         r"not a readable NumPy file"),
    Case("npy-text", ndjson("hello", name="cat.npy"), r"not a readable NumPy file"),
    Case("npy-fifo", fifo("cat.npy", "quickdraw"), r"FIFO", posix_only=True),
    Case("npy-dev-zero", dev_zero("cat.npy", "quickdraw"), r"is a device", posix_only=True),
    # Quick Draw .ndjson
    Case("ndjson-good", ndjson(GOOD_LINE * 2), r"", good=True),
    Case("ndjson-bom", ndjson("\ufeff" + GOOD_LINE * 2), r"", good=True),
    Case("ndjson-crlf-blank-lines", ndjson(GOOD_LINE.replace("\n", "\r\n") + "\r\n\n" + GOOD_LINE), r"", good=True),
    Case("ndjson-nested-1e5", ndjson("[" * 100_000 + "]" * 100_000 + "\n"), r"line 1 is not a Quick Draw"),
    Case("ndjson-nested-drawing", ndjson(record("X").replace('"X"', "[" * 100_000 + "]" * 100_000)),
         r"line 1 is not a Quick Draw"),
    Case("ndjson-not-utf8", ndjson(GOOD_LINE.encode() + b"\xff\xfe\xfa\n"), r"line 2 is not UTF-8"),
    Case("ndjson-coords-strings", ndjson(record([[["a", "b"], ["c", "d"]]])), r"line 1 is not a Quick Draw"),
    Case("ndjson-coords-nan", ndjson(record([[[_nan, 1], [2, 3]]]).replace("NaN", "NaN")),
         r"line 1 is not a Quick Draw"),
    Case("ndjson-coords-huge", ndjson(record([[[1e300, 1], [2, 3]]])), r"line 1 is not a Quick Draw"),
    Case("ndjson-coords-bigint", ndjson(record([[[10**400, 1], [2, 3]]])), r"line 1 is not a Quick Draw"),
    Case("ndjson-drawing-dict", ndjson(record({"a": 1})), r"line 1 is not a Quick Draw"),
    Case("ndjson-stroke-ragged", ndjson(record([[[1, 2, 3], [1]]])), r"line 1 is not a Quick Draw"),
    Case("ndjson-record-list", ndjson("[1, 2, 3]\n"), r"line 1 is not a Quick Draw"),
    Case("ndjson-too-many-points", ndjson(record([[[i % 256 for i in range(30_000)]] * 2])),
         r"line 1 is not a Quick Draw"),
    Case("ndjson-none-recognized", ndjson(record(RECORD["drawing"], recognized=False)), r"holds no drawings"),
    Case("ndjson-empty", ndjson(""), r"holds no drawings"),
    Case("ndjson-one-200MB-line", sparse("cat.ndjson", "quickdraw", 200 * 2**20), r"line 1 is longer than"),
    Case("ndjson-fifo", fifo("cat.ndjson", "quickdraw"), r"FIFO", posix_only=True),
    Case("ndjson-dev-zero", dev_zero("cat.ndjson", "quickdraw"), r"is a device", posix_only=True),
    Case("quickdraw-other-suffix", ndjson("x", name="cat.txt"), r"neither a Quick Draw"),
    # folders of images
    Case("folder-good", folder(), r"", good=True),
    Case("folder-fifo-png", folder(put_fifo("x.png")), r"skipped 1 unreadable image.*x\.png.*FIFO",
         good=True, posix_only=True),
    Case("folder-dev-zero-png", folder(put_link("z.png", "/dev/zero")), r"skipped 1 .*z\.png.*device",
         good=True, posix_only=True),
    Case("folder-30000^2", folder(put("huge.png", png_header_only(30000, 30000))),
         r"skipped 1 .*huge\.png.*more than 67 million pixels", good=True),
    Case("folder-65535^2", folder(put("huge.png", png_header_only(65535, 65535))),
         r"skipped 1 .*huge\.png.*more than 67 million pixels", good=True),
    Case("folder-12000^2", folder(put("big.png", png_header_only(12000, 12000))),
         r"skipped 1 .*big\.png.*12000 x 12000 pixels, more than the 67 million", good=True),
    Case("folder-truncated-png", folder(put("cut.png", png_header_only(40, 40))), r"skipped 1 .*cut\.png", good=True),
    Case("folder-garbage", folder(put("a.jpg", b"not a jpeg"), put("b.png", b"")), r"skipped 2 .*a\.jpg", good=True),
    Case("folder-dangling-link", folder(put_link("gone.png", "/nonexistent/x.png")), r"skipped 1 .*gone\.png",
         good=True, posix_only=True),
    Case("folder-link-loop", folder(put_link("loop.png", "loop.png")), r"skipped 1 .*loop\.png.*loops",
         good=True, posix_only=True),
    Case("folder-dir-named-png", folder(put_dir("d.png")), r"", good=True),
    Case("folder-only-bad", folder(put_fifo("x.png"), put("huge.png", png_header_only(30000, 30000)), goods=0),
         r"none of the 2 image files.*could be read.*huge\.png", posix_only=True),
    Case("folder-is-fifo", folder_is_fifo, r"is not a folder", posix_only=True),
    # more of the same classes
    Case("idx-4d", idx_raw((2, 28, 28, 3)), r"not images \[N, H, W\]"),
    Case("idx-labels-gz-bomb", idx_with_labels(gzip.compress(idx_header((5,)) + bytes(5)) + _zero_members(2**27)),
         r"labels-idx1-ubyte' holds more data than its header"),
    Case("cifar-batch-is-folder", lambda d: ((d / "data_batch_1").mkdir(), f"cifar10:{d}")[1], r"is a folder"),
    Case("cifar-labels-bool", cifar(labels=[True, False, True, False]), r"labels.*0\.\.9"),
    Case("cifar-labels-10", cifar(labels=np.array([0, 1, 2, 10])), r"labels.*0\.\.9"),
    Case("cifar-data-list", cifar(data=[[0] * 3072] * 4), r"3072-wide"),
    Case("cifar-not-dict", cifar_raw(pickle.dumps([1, 2, 3], protocol=2)), r"not a CIFAR-10 batch \(it holds a list\)"),
    Case("npy-big-endian-u2", npy_array(np.zeros((3, 784), ">u2")), r"not Quick Draw bitmaps"),
    Case("npy-header-too-long", npy({"descr": "|u1", "fortran_order": False, "shape": (3, 784), "x": "y" * 100_000}, v2=True),
         r"not a readable NumPy file"),
    Case("ndjson-empty-strokes", ndjson(record([]) * 2), r"", good=True),
    Case("ndjson-strokes-not-lists", ndjson(record([5, 6])), r"line 1 is not a Quick Draw"),
    Case("ndjson-bom-mid-file", ndjson(GOOD_LINE + "\ufeff" + GOOD_LINE), r"line 2 is not a Quick Draw"),
    Case("folder-300MB-file", folder(lambda d: sparse("big.png", "folder", 300 * 2**20)(d) and None),
         r"skipped 1 .*big\.png.*300 MB, more than", good=True),
    Case("folder-text-bomb-png", folder(put("t.png", b"\x89PNG\r\n\x1a\n" + bytes(10))), r"skipped 1 .*t\.png", good=True),
    Case("ndjson-3e6-blank-lines", ndjson("\n" * 3_000_000), r"holds no drawings"),
]


def npz_claiming_huge(member: str) -> bytes:
    """A tiny .npz whose one member's .npy header claims a [1, 100000, 100000] float32 array (37 GiB):
    np.load would allocate it before reading a byte."""
    import io
    import zipfile

    import numpy as np

    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(header, {"descr": "<f4", "fortran_order": False, "shape": (1, 100_000, 100_000)})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(member + ".npy", header.getvalue() + bytes(64))
    return out.getvalue()
