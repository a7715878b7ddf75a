"""The picture to project, read through guards and made into what the model draws.

Every file goes through: regular file only (a FIFO is refused without blocking), at most
``MAX_TARGET_BYTES`` read, the pixel count taken from the header *before* decoding (a 30000²
PNG is a few KB that would become 2.7 GB), then Pillow decodes it. The picture is then made
square (centre crop), resized to the model's resolution and converted to its channels; each
change is said in ``notes`` so the user knows what the model was asked to match.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ganexplorer.core.guarded import InputFileError, read_bounded_bytes
from ganexplorer.core.messages import message

MAX_TARGET_BYTES = 64 * 1024 * 1024      # a 64 MB photo is already bigger than any camera's JPEG
MAX_TARGET_PIXELS = 50_000_000           # 50 megapixels; a decompression bomb claims far more
MIN_TARGET_SIDE = 8                      # smaller pictures say nothing a generator could match


class TargetError(ValueError):
    """One sentence naming the file: why it cannot be a target."""


@dataclass(frozen=True)
class Target:
    """``pixels``: uint8 [R, R, C] in the model's channel count; ``notes``: what was done to the picture."""

    pixels: np.ndarray
    notes: tuple[str, ...]
    source_size: tuple[int, int]

    def tensor(self):  # noqa: ANN201 - torch is imported lazily for the CLI's start-up time
        """[1, C, R, R] float32 in [-1, 1], the convention inside core."""
        import torch

        x = torch.from_numpy(self.pixels.astype(np.float32)).permute(2, 0, 1).unsqueeze(0)
        return x / 127.5 - 1

    def rgb(self) -> np.ndarray:
        """uint8 [R, R, 3] for showing and saving (grey copied to three channels)."""
        return np.repeat(self.pixels, 3, axis=2) if self.pixels.shape[2] == 1 else self.pixels


def _read_bounded(path: Path) -> bytes:
    try:
        return read_bounded_bytes(path, MAX_TARGET_BYTES, "picture")
    except InputFileError as e:
        raise TargetError(str(e)) from None


def _decode(data: bytes, name: str) -> tuple["object", list[str]]:
    """A fully decoded Pillow image; the size is checked from the header before any pixel is decoded."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    notes: list[str] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # Pillow's other warnings (corrupt EXIF ...) are not the user's to read
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            im: Image.Image = Image.open(io.BytesIO(data))
            w, h = im.size
            if w * h > MAX_TARGET_PIXELS:
                raise TargetError(message("proj.pixels_bomb", name=name, width=w, height=h,
                                          million=MAX_TARGET_PIXELS // 1_000_000))
            if getattr(im, "n_frames", 1) > 1:
                notes.append(message("target.first_frame"))
            im.load()
            im = ImageOps.exif_transpose(im)
        except TargetError:
            raise
        except UnidentifiedImageError:
            raise TargetError(message("proj.not_picture", name=name)) from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise TargetError(message("proj.too_large", name=name)) from None
        except MemoryError:
            raise TargetError(message("proj.too_large", name=name)) from None
        except Exception as e:  # noqa: BLE001 -- a crafted file makes Pillow's decoders raise anything (TypeError, struct.error ...)
            raise TargetError(message("proj.undecodable", name=name, detail=str(e)[:120] or type(e).__name__)) from None
    return im, notes


def _to_array(im: "object", notes: list[str]) -> np.ndarray:
    """uint8 [H, W, 1 or 3] from any Pillow mode: palettes, alpha, 16-bit and float pictures included."""
    from PIL import Image

    assert isinstance(im, Image.Image)
    mode = im.mode
    if mode == "P" or mode == "PA":
        notes.append(message("target.palette"))
        im = im.convert("RGBA")
        mode = "RGBA"
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        a = np.asarray(im, dtype=np.float64)
        hi = 65535.0 if mode.startswith("I;16") or a.max(initial=0) > 255 else 255.0
        notes.append(message("target.grey_16" if hi > 255 else "target.grey_fine"))
        return np.clip(np.round(a / hi * 255), 0, 255).astype(np.uint8)[:, :, None]
    if mode in ("RGBA", "LA", "La", "RGBa") or "transparency" in im.info:
        rgba = np.asarray(im.convert("RGBA"), dtype=np.float32)
        alpha = rgba[:, :, 3:4] / 255
        if float(alpha.min(initial=1)) < 1:
            notes.append(message("target.transparent"))
        rgb = np.round(rgba[:, :, :3] * alpha).astype(np.uint8)
        return rgb[:, :, :1] if mode in ("LA", "La") else rgb
    if mode in ("1", "L"):
        return np.asarray(im.convert("L"), dtype=np.uint8)[:, :, None]
    if mode != "RGB":
        notes.append(message("target.mode_rgb", mode=mode))
    return np.asarray(im.convert("RGB"), dtype=np.uint8)


def prepare_target(pixels: np.ndarray, resolution: int, channels: int, name: str = "the picture",
                   notes: list[str] | None = None) -> Target:
    """Centre-crop to square, resize to ``resolution`` (Lanczos, as NVIDIA's projector) and convert to
    ``channels`` (1 grey, 3 RGB). ``pixels``: uint8 [H, W] or [H, W, 1|3]. The drawing pad comes in here."""
    from PIL import Image

    notes = list(notes or [])
    a = np.asarray(pixels)
    if a.dtype != np.uint8 or a.ndim not in (2, 3) or (a.ndim == 3 and a.shape[2] not in (1, 3)):
        raise TargetError(message("proj.pixels_type", name=name, dtype=a.dtype, shape=list(a.shape)))
    if a.ndim == 2:
        a = a[:, :, None]
    h, w = a.shape[:2]
    if min(h, w) < MIN_TARGET_SIDE:
        raise TargetError(message("proj.too_small", name=name, width=w, height=h, least=f"{MIN_TARGET_SIDE} x {MIN_TARGET_SIDE}"))
    if h != w:
        s = min(h, w)
        top, left = (h - s) // 2, (w - s) // 2
        a = a[top:top + s, left:left + s]
        notes.append(message("target.cropped", width=w, height=h, square=f"{s} x {s}"))
    if a.shape[2] != channels:
        if channels == 1:
            a = np.round(a.astype(np.float32) @ np.array([0.299, 0.587, 0.114], np.float32)).astype(np.uint8)[:, :, None]
            notes.append(message("target.to_grey"))
        else:
            a = np.repeat(a, 3, axis=2)
            notes.append(message("target.to_colour"))
    side = a.shape[0]
    if side != resolution:
        im = Image.fromarray(a[:, :, 0] if channels == 1 else a)
        im = im.resize((resolution, resolution), Image.Resampling.LANCZOS)
        a = np.asarray(im, dtype=np.uint8).reshape(resolution, resolution, channels)
        notes.append(message("target.enlarged" if side < resolution else "target.resized",
                             before=f"{side} x {side}", after=f"{resolution} x {resolution}"))
    return Target(np.ascontiguousarray(a), tuple(notes), (w, h))


def _shrink(im: "object", resolution: int, notes: list[str]) -> "object":
    """A picture many times the model's size, box-averaged down to at least 4x it before any float copy:
    a 7000² palette PNG took 2.5 GB on its way to 32² (review). Lanczos still makes the final size."""
    from PIL import Image

    assert isinstance(im, Image.Image)
    w, h = im.size
    factor = min(w, h) // (4 * resolution)
    if factor < 2:
        return im
    if im.mode in ("P", "PA"):
        notes.append(message("target.palette"))
        im = im.convert("RGBA")
    try:
        small = im.reduce(factor)
    except (ValueError, NotImplementedError):   # a mode reduce() does not take ('1', 16-bit): read it whole
        return im
    notes.append(message("target.reduced", factor=factor, size=f"{w} x {h}"))
    return small


def load_target(path: str | Path, resolution: int, channels: int) -> Target:
    """Read ``path`` through the guards and prepare it for a model drawing ``channels`` x ``resolution``²."""
    path = Path(path)
    im, notes = _decode(_read_bounded(path), str(path))
    return prepare_target(_to_array(_shrink(im, resolution, notes), notes), resolution, channels, str(path), notes)
