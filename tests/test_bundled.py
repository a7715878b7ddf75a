"""The models the app opens on, offline, on first launch."""

import numpy as np
import pytest

from ganexplorer.core.formats import load_checkpoint
from ganexplorer.core.paths import checkpoints_dir
from ganexplorer.core.render import RenderRequest, Renderer


def test_bundled_dcgan_loads_and_renders_digit_like_images():
    m = load_checkpoint(checkpoints_dir() / "dcgan-digits.safetensors")
    assert (m.family, m.resolution, m.channels, m.z_dim) == ("dcgan32", 32, 1, 100)
    assert m.metadata["training"]["step"] >= 2000 and m.metadata["training"]["dataset"] == "builtin:digits"
    r = Renderer(m)
    imgs = np.stack([r.render(RenderRequest(seed=s)).rgb[..., 0] for s in range(8)]).astype(float)
    # White strokes on a black background, different for different seeds.
    assert imgs[:, :3, :].mean() < 30 and imgs[:, 10:22, 10:22].mean() > imgs[:, :3, :].mean() + 30
    assert np.abs(imgs[0] - imgs[1]).mean() > 5


def test_the_app_opens_on_the_bundled_stylegan2_and_its_styles_mix():
    from ganexplorer.gui.app import default_checkpoint

    path = default_checkpoint()
    assert path is not None and path.name == "stylegan2-digits.safetensors"
    m = load_checkpoint(path)
    assert (m.family, m.resolution, m.channels, m.num_ws) == ("stylegan2", 32, 1, 8)
    assert m.network in ("G", "G_ema") and m.metadata["training"]["dataset"] == "builtin:digits"
    r = Renderer(m)
    a, b = (r.render(RenderRequest(seed=s)).rgb[..., 0].astype(float) for s in (1, 2))
    assert a[:3].mean() < 40 and np.abs(a - b).mean() > 5          # strokes on black; seeds differ
    coarse = r.render(RenderRequest(seed=1, mix_seed=2, mix_start=0, mix_end=4)).rgb[..., 0].astype(float)
    fine = r.render(RenderRequest(seed=1, mix_seed=2, mix_start=4, mix_end=None)).rgb[..., 0].astype(float)
    # Taking seed 2's coarse styles moves the picture further from seed 1 than taking its fine styles.
    assert np.abs(coarse - a).mean() > np.abs(fine - a).mean()
    for name in ("stylegan2-digits.safetensors", "dcgan-digits.safetensors"):
        q = load_checkpoint(checkpoints_dir() / name).metadata["quality"]
        assert q["samples"] >= 800 and q["frechet"] > q["frechet_floor"] > 0 and 1 <= q["coverage"] <= 10


@pytest.mark.slow
@pytest.mark.parametrize("name", ["stylegan2-digits.safetensors", "dcgan-digits.safetensors"])
def test_the_quality_stored_in_a_bundled_model_is_what_quality_measures_now(name):
    """The figures the README and the info strip quote are the ones `ganexplorer quality` computes today,
    not just numbers in a plausible range."""
    from ganexplorer.core.data import open_dataset
    from ganexplorer.core.metrics.digit_classifier import load_classifier
    from ganexplorer.core.metrics.quality import evaluate

    m = load_checkpoint(checkpoints_dir() / name)
    stored = m.metadata["quality"]
    now = evaluate(m.G, load_classifier()[0], open_dataset(stored["data"]), seed=stored["seed"]).as_dict()
    assert now["samples"] == stored["samples"] and list(now["counts"]) == list(stored["counts"])
    assert now["coverage"] == stored["coverage"] == 10
    for key in ("confident_share", "largest_share", "frechet", "frechet_floor"):
        assert now[key] == pytest.approx(stored[key], rel=1e-3), key
