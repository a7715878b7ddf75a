"""Write frame sequences as GIF (Pillow) or MP4 (imageio-ffmpeg, an optional extra)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from ganexplorer.core.messages import message


def mp4_problem() -> str | None:
    """Why an MP4 cannot be written here (None: it can), checked before any frame is rendered."""
    try:
        import imageio.v2  # noqa: F401
        import imageio_ffmpeg
    except ImportError:
        return message("render.mp4_extra")
    try:
        imageio_ffmpeg.get_ffmpeg_exe()
    except RuntimeError as e:   # the package without its ffmpeg (the installers leave its copy out)
        return message("render.mp4_ffmpeg", detail=e)
    return None


def write_animation(frames: list[np.ndarray], path: str | Path, fps: int = 24) -> Path:
    """Save uint8 HxWx3 frames; the format follows the suffix (.gif or .mp4)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not frames:
        raise ValueError(message("render.no_frames"))
    if path.suffix.lower() == ".gif":
        images = [Image.fromarray(f) for f in frames]
        images[0].save(path, save_all=True, append_images=images[1:], duration=max(1, round(1000 / fps)), loop=0)
        return path
    if path.suffix.lower() == ".mp4":
        try:
            import imageio.v2 as imageio
        except ImportError:
            raise ValueError(message("render.mp4_extra")) from None
        # H.264 needs even sizes; 1x1 macro blocks keep small images sharp.
        try:
            writer = imageio.get_writer(path, fps=fps, codec="libx264", quality=8, macro_block_size=1)
        except RuntimeError as e:  # imageio-ffmpeg found no ffmpeg (the installers leave its copy out)
            raise ValueError(message("render.mp4_ffmpeg", detail=e)) from None
        with writer as w:
            for f in frames:
                h, wd = f.shape[:2]
                # imageio.v2.get_writer is annotated with the v3 base class; the legacy writer it returns has append_data
                w.append_data(np.ascontiguousarray(f[: h - h % 2, : wd - wd % 2]))  # type: ignore[attr-defined]
        return path
    raise ValueError(message("render.animation_format", suffix=path.suffix))
