"""Google Quick, Draw! files: ``numpy_bitmap`` .npy (N x 784) and ``simplified`` .ndjson strokes."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
import torch
from PIL import Image, ImageDraw

from ganexplorer.core.data.base import MAX_IMAGE_BYTES, DatasetError, ImageDataset, guarded_open, too_many
from ganexplorer.core.guarded import shown_path
from ganexplorer.core.messages import message

ATTRIBUTION = "Quick, Draw! dataset by Google, CC BY 4.0"


def rasterise(strokes: list, size: int = 28, line_width: int = 12) -> np.ndarray:
    """Draw simplified strokes (coordinates in 0..255) white on black, then shrink to ``size``."""
    img = Image.new("L", (256, 256), 0)
    draw = ImageDraw.Draw(img)
    for stroke in strokes:
        xs, ys = stroke[0], stroke[1]
        pts = list(zip(xs, ys))
        if len(pts) == 1:
            x, y = pts[0]
            draw.ellipse([x - line_width / 2, y - line_width / 2, x + line_width / 2, y + line_width / 2], fill=255)
        else:
            draw.line(pts, fill=255, width=line_width, joint="curve")
    return np.asarray(img.resize((size, size), Image.Resampling.LANCZOS))


MAX_NPY_HEADER = 64 * 1024
MAX_LINE = 1 << 20           # bytes of one .ndjson record (a real one is under 10 KB)
MAX_POINTS = 20_000          # points of one drawing (real ones: a few hundred)
MAX_DRAWINGS = 25_000        # drawings rasterised from one .ndjson file (seconds each thousand); the rest: a note
MAX_LINES = 2_000_000        # lines read from one .ndjson file
MAX_NDJSON_BYTES = 8 * 2**30


def _load_npy(path: Path, category: str) -> ImageDataset:
    """Quick Draw bitmaps [N, 784] uint8: the header is checked, then exactly N*784 bytes are read (never the
    whole file into a copy: a 1 GB file used to take 2.2 GB)."""
    f, size = guarded_open(path, MAX_NDJSON_BYTES, "NumPy file")
    with f:
        try:
            version = np.lib.format.read_magic(f)
            read_header = (np.lib.format.read_array_header_1_0 if version == (1, 0)
                           else np.lib.format.read_array_header_2_0)
            shape, fortran, dtype = read_header(f, max_header_size=MAX_NPY_HEADER)
        except Exception:  # noqa: BLE001 -- numpy's own words are not the user's; one sentence
            raise DatasetError(message("data.npy_unreadable", path=shown_path(path))) from None
        if len(shape) != 2 or shape[1] != 784 or dtype != np.uint8 or fortran:
            raise DatasetError(message("data.npy_shape", path=shown_path(path), shape=list(shape), dtype=dtype))
        n_bytes = shape[0] * 784
        if n_bytes > MAX_IMAGE_BYTES:
            raise too_many(path, n_bytes, "drawings")
        if size - f.tell() < n_bytes:
            raise DatasetError(message("data.npy_truncated", path=shown_path(path), expected=f"{n_bytes:,}",
                                       got=f"{max(0, size - f.tell()):,}"))
        arr = np.empty(n_bytes, np.uint8)
        got = f.readinto(arr.data)
        if got != n_bytes:
            raise DatasetError(message("data.npy_changed", path=shown_path(path)))
    images = torch.from_numpy(arr).reshape(-1, 1, 28, 28)
    return ImageDataset(f"quickdraw:{category}", images, None, (), ATTRIBUTION)


def _strokes(rec: object) -> list | None:
    """The record's strokes checked (lists of two equally long lists of numbers in 0..255); None: not recognised."""
    if not isinstance(rec, dict):
        raise TypeError("not a record")
    if rec.get("recognized", True) is False:
        return None
    strokes, points = rec["drawing"], 0
    if not isinstance(strokes, list):
        raise TypeError("drawing is not a list")
    for stroke in strokes:
        if not isinstance(stroke, list) or len(stroke) < 2:
            raise TypeError("a stroke is not [xs, ys]")
        xs, ys = stroke[0], stroke[1]
        if not isinstance(xs, list) or not isinstance(ys, list) or len(xs) != len(ys) or not xs:
            raise TypeError("a stroke's xs and ys differ")
        points += len(xs)
        if points > MAX_POINTS:
            raise ValueError("too many points")
        for v in (*xs, *ys):
            if type(v) not in (int, float) or not -1024 <= v <= 1024:   # also refuses NaN
                raise ValueError("a coordinate is not a number in 0..255")
    return strokes


def _load_ndjson(path: Path, category: str) -> ImageDataset:
    """Simplified drawings, one JSON record a line, rasterised; read a line at a time (bounded), BOM allowed."""
    f, _ = guarded_open(path, MAX_NDJSON_BYTES, "Quick Draw file")
    pics: list[np.ndarray] = []
    notes: list[str] = []
    with f:
        for lineno in itertools.count(1):
            raw = f.readline(MAX_LINE + 1)
            if not raw:
                break
            if lineno > MAX_LINES:   # millions of blank or unrecognised lines: stop, keep what was drawn
                notes.append(message("data.lines_cut", count=f"{MAX_LINES:,}", path=shown_path(path)))
                break
            if len(raw) > MAX_LINE:
                raise DatasetError(message("data.line_long", path=shown_path(path), line=lineno, limit=f"{MAX_LINE:,}"))
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError:
                raise DatasetError(message("data.line_not_utf8", path=shown_path(path), line=lineno)) from None
            if not line.strip():
                continue
            if len(pics) >= MAX_DRAWINGS:
                notes.append(message("data.drawings_cut", count=f"{MAX_DRAWINGS:,}", path=shown_path(path)))
                break
            try:
                strokes = _strokes(json.loads(line))
                if strokes is not None:
                    pics.append(rasterise(strokes))
            except (ValueError, KeyError, TypeError, IndexError, RecursionError, OverflowError):
                raise DatasetError(message("data.line_not_record", path=shown_path(path), line=lineno)) from None
    if not pics:
        raise DatasetError(message("data.no_drawings", path=shown_path(path)))
    images = torch.from_numpy(np.stack(pics)).unsqueeze(1)
    return ImageDataset(f"quickdraw:{category}", images, None, (), ATTRIBUTION, tuple(notes))


def load_quickdraw(path: Path) -> ImageDataset:
    category = path.stem.replace("full_numpy_bitmap_", "").replace("full_simplified_", "")
    if path.suffix.lower() == ".npy":
        return _load_npy(path, category)
    if path.suffix.lower() == ".ndjson":
        return _load_ndjson(path, category)
    raise DatasetError(message("data.quickdraw_kind", path=shown_path(path)))
