"""Low-resolution previews of big StyleGAN2 models while a slider moves, refined when it rests.

Core: the preview is the skip architecture's accumulated RGB image after the block at r
px, on the fast path and on the reference path alike; its colours are calibrated against
the full pictures already rendered. Worker: slow models preview the newest request during
a storm of requests and render it in full once requests stop; fast models never preview.
"""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from ganexplorer.core.formats import load_checkpoint
from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.models.stylegan2 import NoiseControl
from ganexplorer.core.ops import reference_path
from ganexplorer.core.render import Renderer, RenderRequest
from ganexplorer.core.render.images import to_uint8
from ganexplorer.core.render.renderer import RenderCancelled

pytest.importorskip("PySide6")

from gui_fixtures import *  # noqa: E402,F401,F403  (fixtures: dialogs, settings, pkl, window)
from gui_fixtures import expected, settle  # noqa: E402,F401
from PySide6.QtCore import Qt  # noqa: E402

CHECKPOINTS = Path(__file__).resolve().parents[1] / "checkpoints"


@pytest.fixture(scope="module")
def wide_g():
    from conftest import wide_generator

    return wide_generator(5)


def skip_images_by_hand(G, ws, noise):
    """The reference path's running ``img`` after each block, stepping through the blocks one by one."""
    S = G.synthesis
    x = img = None
    out = {}
    with reference_path(), torch.inference_mode():
        for block, cur in zip(S.blocks(), S.block_ws(ws)):
            x, img = block(x, img, cur, noise)
            out[block.resolution] = img.clone()
    return out


@pytest.mark.parametrize("mode", ["const", "random", "none"])
def test_preview_is_the_skip_image_after_that_block(wide_g, mode):
    ws = wide_g.mapping(torch.randn(1, 32, generator=torch.Generator().manual_seed(2)), None).detach()
    assert wide_g.synthesis.preview_resolutions() == [4, 8, 16]
    by_hand = skip_images_by_hand(wide_g, ws, NoiseControl(mode, 1.5, torch.Generator().manual_seed(1)))
    for r in wide_g.synthesis.preview_resolutions():
        want = by_hand[r]
        with torch.inference_mode():
            fast = wide_g.synthesis(ws, NoiseControl(mode, 1.5, torch.Generator().manual_seed(1)), stop_at=r)
            with reference_path():
                ref = wide_g.synthesis(ws, NoiseControl(mode, 1.5, torch.Generator().manual_seed(1)), stop_at=r)
        assert fast.shape == ref.shape == (1, 3, r, r)
        torch.testing.assert_close(ref, want, rtol=0, atol=0)
        torch.testing.assert_close(fast, want, rtol=0, atol=1e-4 * float(want.abs().max()))


def test_stopping_at_a_missing_block_says_so(wide_g):
    with pytest.raises(ValueError, match="no block at resolution 12"):
        wide_g.synthesis(torch.zeros(1, wide_g.num_ws, 32), stop_at=12)


def test_full_render_is_unchanged_by_the_block_timing(tiny_stylegan2):
    G, _ = tiny_stylegan2
    renderer = Renderer(LoadedModel(G=G, family="stylegan2", format="native"))
    req = RenderRequest(seed=4, psi=0.7, noise_mode="random", noise_seed=3)
    full = renderer.render(req)
    with torch.inference_mode():
        direct = G.synthesis(renderer.ws_for(req), NoiseControl("random", 1.0, torch.Generator().manual_seed(3)))
    assert torch.equal(full.image, direct)
    assert not full.preview and full.preview_resolution is None
    assert sorted(renderer.block_seconds) == [4, 8, 16]
    assert renderer.block_seconds[4] <= renderer.block_seconds[8] <= renderer.block_seconds[16]


def test_renderer_preview_equals_the_truncated_network_and_shares_the_mapping_cache(tiny_stylegan2):
    G, _ = tiny_stylegan2
    renderer = Renderer(LoadedModel(G=G, family="stylegan2", format="native"))
    req = RenderRequest(seed=9, psi=0.6, mix_seed=2, mix_start=3)
    prev = renderer.render(req, preview_resolution=8, calibrate=False)
    with torch.inference_mode():
        want = G.synthesis(renderer.ws_for(req), stop_at=8)
    assert prev.preview and prev.preview_resolution == 8
    assert prev.rgb.shape == (8, 8, 3)
    assert np.array_equal(prev.rgb, to_uint8(want))
    cached = len(renderer._ws_cache)
    renderer.render(req)
    assert len(renderer._ws_cache) == cached  # the full render reused the preview's mapping
    with pytest.raises(ValueError, match="cannot preview at 16"):
        renderer.render(req, preview_resolution=16)  # the last block is the full picture


def test_calibrated_preview_has_the_final_pictures_levels(tiny_stylegan2):
    """Least squares per channel: after seeing a full picture, its preview has that picture's mean colour."""
    G, _ = tiny_stylegan2
    renderer = Renderer(LoadedModel(G=G, family="stylegan2", format="native"))
    req = RenderRequest(seed=11)
    raw = renderer.render(req, preview_resolution=8, calibrate=False).image
    assert torch.equal(renderer.render(req, preview_resolution=8).image, raw)  # nothing seen yet: as computed
    final = F.adaptive_avg_pool2d(renderer.render(req).image, 8)
    cal = renderer.render(req, preview_resolution=8).image
    torch.testing.assert_close(cal.mean(dim=(2, 3)), final.mean(dim=(2, 3)), rtol=0, atol=1e-5)
    assert (cal - final).abs().mean() < (raw - final).abs().mean()


def test_preview_colours_are_close_to_the_final_picture_on_a_trained_model():
    """The bundled digits StyleGAN2: calibrated on three full pictures, previews of three others match theirs."""
    model = load_checkpoint(CHECKPOINTS / "stylegan2-digits.safetensors")
    renderer = Renderer(model)
    for seed in (0, 1, 2):
        renderer.render(RenderRequest(seed=seed))
        for r in renderer.preview_resolutions():
            renderer.render(RenderRequest(seed=seed), preview_resolution=r)  # folds the picture into the fit
    for seed in (10, 11, 12):
        final = renderer.render(RenderRequest(seed=seed)).image
        for r in (8, 16):
            down = F.adaptive_avg_pool2d(final, r).flatten()
            cal = renderer.render(RenderRequest(seed=seed), preview_resolution=r).image.flatten()
            raw = renderer.render(RenderRequest(seed=seed), preview_resolution=r, calibrate=False).image.flatten()
            assert np.corrcoef(cal.numpy(), down.numpy())[0, 1] > 0.7, (seed, r)
            err, raw_err = float((cal - down).abs().mean()), float((raw - down).abs().mean())
            assert err < 0.35 and err < 0.7 * raw_err, (seed, r, err, raw_err)


def test_preview_resolution_is_picked_from_the_measured_block_times(tiny_stylegan2, wide_g):
    renderer = Renderer(LoadedModel(G=wide_g, family="stylegan2", format="native"))
    assert renderer.can_preview and renderer.preview_resolutions() == [8, 16]
    assert renderer.preview_resolution() is None  # nothing measured yet
    renderer.block_seconds = {4: 0.001, 8: 0.02, 16: 0.09, 32: 1.5}
    assert renderer.preview_resolution(0.1) == 16
    assert renderer.preview_resolution(0.05) == 8
    assert renderer.preview_resolution(0.001) == 8  # nothing fits: the smallest worth showing
    renderer.block_seconds = {4: 0.001, 8: 0.02, 16: 0.09, 32: 0.2}
    assert renderer.preview_resolution(0.1) == 8  # 16 px would cost half the full picture
    assert renderer.preview_resolution(0.1, min_speedup=2) == 16
    renderer.block_seconds = {4: 0.001, 8: 0.06, 16: 0.09, 32: 0.2}
    assert renderer.preview_resolution(0.1) is None  # no preview is worth it: render in full


def test_preview_resolution_follows_the_previews_measured_cost(wide_g):
    """A profile from a full render on a busier moment (or with cold caches) is corrected by the previews' times."""
    renderer = Renderer(LoadedModel(G=wide_g, family="stylegan2", format="native"))
    renderer.render(RenderRequest(seed=1))
    renderer.block_seconds = {r: s * 1000 for r, s in renderer.block_seconds.items()}  # as if 1000x slower
    budget = renderer.block_seconds[16] / 100  # the real cost of 16 px is about 1/1000 of that profile's
    assert renderer.preview_resolution(budget, min_speedup=1) == 8
    for i in range(12):
        renderer.render(RenderRequest(seed=1, psi=0.5 + i / 100), preview_resolution=8)
    assert renderer.preview_resolution(budget, min_speedup=1) == 16


def test_other_models_never_preview():
    model = load_checkpoint(CHECKPOINTS / "dcgan-digits.safetensors")
    renderer = Renderer(model)
    renderer.render(RenderRequest(seed=1))
    assert not renderer.can_preview and renderer.preview_resolution() is None
    with pytest.raises(ValueError, match="cannot preview"):
        renderer.render(RenderRequest(seed=1), preview_resolution=8)


def test_cancel_abandons_a_full_render_between_blocks(wide_g):
    renderer = Renderer(LoadedModel(G=wide_g, family="stylegan2", format="native"))
    asked = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) >= 2

    with pytest.raises(RenderCancelled):
        renderer.render(RenderRequest(seed=1), cancel=cancel)
    assert len(asked) == 2
    assert renderer.block_seconds == {}  # an abandoned render measures nothing
    renderer.render(RenderRequest(seed=1), cancel=lambda: False)
    assert sorted(renderer.block_seconds) == [4, 8, 16, 32]


# -- the inference worker -------------------------------------------------------------------------

@pytest.fixture
def worker(qtbot):
    from ganexplorer.gui.explore.inference_worker import InferenceWorker

    w = InferenceWorker(torch.device("cpu"))
    results: list = []
    w.rendered.connect(lambda gen, res: results.append((gen, res)))
    w.results = results
    yield w
    w.shutdown()


def load(qtbot, worker, G) -> Renderer:
    worker.set_model(LoadedModel(G=G, family="stylegan2", format="native"))
    assert worker.wait_until_idle(30)
    return Renderer(LoadedModel(G=G, family="stylegan2", format="native"))


def storm(qtbot, worker, requests):
    """Submit each request once the previous one has produced a picture (as a dragged slider keeps doing)."""
    gens = []
    for req in requests:
        gen = worker.submit(req)
        gens.append(gen)
        qtbot.waitUntil(lambda gen=gen: any(g == gen for g, _ in worker.results), timeout=30_000)
    return gens


def test_fast_models_never_preview(qtbot, worker, tiny_stylegan2):
    direct = load(qtbot, worker, tiny_stylegan2[0])
    worker.preview_min_resolution = 0  # only the render time decides here
    reqs = [RenderRequest(seed=3, psi=1 - i / 40) for i in range(12)]
    storm(qtbot, worker, reqs)
    assert worker.wait_until_idle(30)
    qtbot.waitUntil(lambda: len(worker.results) >= len(reqs))
    assert worker.preview_count == 0 and not worker.previewing
    assert all(not res.preview and res.rgb.shape == (16, 16, 3) for _, res in worker.results)
    assert np.array_equal(worker.results[-1][1].rgb, direct.render(reqs[-1]).rgb)
    worker.preview_min_resolution = worker.PREVIEW_MIN_RESOLUTION
    worker.preview_after_s = 0.0
    assert not worker.previewing  # small models (the bundled 32 px ones) never preview, however slow


def test_slow_models_preview_during_a_storm_and_refine_when_it_stops(qtbot, worker, tiny_stylegan2):
    direct = load(qtbot, worker, tiny_stylegan2[0])
    worker.preview_after_s = 0.0   # every render counts as slow, even of a 16 px model,
    worker.preview_min_resolution = 0
    worker.preview_min_speedup = 1.0  # and its 8 px preview counts as worth it
    worker.rest_s = 0.5            # longer than a storm step, so the storm is only previewed
    worker.submit(RenderRequest(seed=3))  # the first full render measures the model
    qtbot.waitUntil(lambda: len(worker.results) == 1, timeout=30_000)
    assert worker.previewing
    reqs = [RenderRequest(seed=3, psi=1 - i / 30) for i in range(1, 16)]
    gens = storm(qtbot, worker, reqs)
    storm_results = list(worker.results[1:])
    qtbot.waitUntil(lambda: worker.results[-1][0] == gens[-1] and not worker.results[-1][1].preview, timeout=30_000)
    assert worker.wait_until_idle(30)

    previews = [(g, r) for g, r in storm_results if r.preview]
    assert len(previews) >= len(reqs) // 2, [(g, r.preview) for g, r in storm_results]
    assert all(r.preview_resolution == 8 and r.rgb.shape == (8, 8, 3) for _, r in previews)
    gen, final = worker.results[-1]
    assert gen == gens[-1] and final.request == reqs[-1] and final.rgb.shape == (16, 16, 3)
    assert np.array_equal(final.rgb, direct.render(reqs[-1]).rgb)
    full_gens = [g for g, r in worker.results if not r.preview]
    assert len(full_gens) <= 1 + len(reqs) // 2  # the storm was not rendered in full request by request


def test_a_newer_request_abandons_a_slow_full_render(qtbot, worker, tiny_stylegan2):
    """The 8 px block is made slow on demand; the full render of A stops there when B arrives."""
    G = tiny_stylegan2[0]
    direct = load(qtbot, worker, G)
    worker.preview_after_s, worker.preview_min_resolution, worker.preview_min_speedup = 0.0, 0, 1.0
    worker.submit(RenderRequest(seed=1))
    qtbot.waitUntil(lambda: len(worker.results) == 1, timeout=30_000)

    entered, release = threading.Event(), threading.Event()
    calls = []

    def slow_block(*_):
        calls.append(1)
        if len(calls) == 2:  # 1: A's preview, 2: A's full render
            entered.set()
            release.wait(30)

    handle = G.synthesis.b8.register_forward_hook(slow_block)
    try:
        worker.rest_s = 0.0
        gen_a = worker.submit(RenderRequest(seed=5))
        qtbot.waitUntil(entered.is_set, timeout=30_000)
        gen_b = worker.submit(RenderRequest(seed=6))
        release.set()
        qtbot.waitUntil(lambda: worker.results[-1][0] == gen_b and not worker.results[-1][1].preview,
                        timeout=30_000)
        assert worker.wait_until_idle(30)
    finally:
        handle.remove()
    assert [r.preview for g, r in worker.results if g == gen_a] == [True]  # A was never finished
    assert [r.preview for g, r in worker.results if g == gen_b] == [True, False]
    assert np.array_equal(worker.results[-1][1].rgb, direct.render(RenderRequest(seed=6)).rgb)


# -- what the user sees in the Explore tab --------------------------------------------------------


def test_dragging_psi_on_a_slow_model_shows_previews_then_the_full_picture(window, qtbot):
    e, worker = window.explorer, window.worker
    worker.preview_after_s = 0.0   # treat the tiny model as a slow, big one
    worker.preview_min_resolution, worker.preview_min_speedup = 0, 1.0
    worker.rest_s = 0.5
    assert worker.previewing        # the picture shown at load was a full render: the model is measured
    sizes = []
    for _ in range(10):
        before = worker.render_count
        qtbot.keyClick(e.psi.slider, Qt.Key.Key_Left)
        qtbot.waitUntil(lambda before=before: worker.render_count > before, timeout=30_000)
        qtbot.waitUntil(lambda: e.image_view.rgb is not None and e.last_result is not None
                        and e.last_result.request == e.current_request(), timeout=30_000)
        sizes.append(e.image_view.rgb.shape[0])
    assert sizes.count(8) >= 5, sizes  # the drag was shown as 8 px previews
    qtbot.waitUntil(lambda: e.image_view.rgb.shape[0] == 16, timeout=30_000)  # the slider rests: refined
    settle(qtbot, window)
    assert e.psi.value() == pytest.approx(0.9)
    assert np.array_equal(e.image_view.rgb, expected(window, e.current_request()))


def test_jobs_run_during_the_rest_period(qtbot, worker, tiny_stylegan2):
    """A job (e.g. the stochastic-variation map) does not wait for the owed full render."""
    load(qtbot, worker, tiny_stylegan2[0])
    worker.preview_after_s, worker.preview_min_resolution, worker.preview_min_speedup = 0.0, 0, 1.0
    worker.submit(RenderRequest(seed=1))
    qtbot.waitUntil(lambda: len(worker.results) == 1, timeout=30_000)
    worker.rest_s = 120.0  # the full render would come only after two minutes without a newer request
    worker.submit(RenderRequest(seed=2))
    qtbot.waitUntil(lambda: len(worker.results) == 2, timeout=30_000)
    assert worker.results[-1][1].preview
    done = []
    worker.job_done.connect(lambda name, result: done.append((name, result)))
    worker.run_job("probe", lambda renderer: renderer.model.resolution)
    qtbot.waitUntil(lambda: done == [("probe", 16)], timeout=30_000)
    assert not worker.wait_until_idle(0.01)  # the full picture is still owed
    assert len(worker.results) == 2


def test_slow_models_whose_previews_would_not_pay_render_every_picture_in_full(qtbot, worker, tiny_stylegan2):
    """Like a 256 px model at 175 ms: previews are off, and a newer request never abandons a render."""
    direct = load(qtbot, worker, tiny_stylegan2[0])
    worker.preview_after_s, worker.preview_min_resolution = 0.0, 0
    worker.preview_min_speedup = 1e9  # no preview resolution is that much cheaper
    worker.submit(RenderRequest(seed=3))
    qtbot.waitUntil(lambda: len(worker.results) == 1, timeout=30_000)
    assert worker.previewing
    reqs = [RenderRequest(seed=3, psi=1 - i / 30) for i in range(1, 8)]
    gens = storm(qtbot, worker, reqs)
    assert worker.wait_until_idle(30)
    qtbot.waitUntil(lambda: len(worker.results) == 1 + len(reqs))
    assert [g for g, _ in worker.results[1:]] == gens
    assert all(not r.preview for _, r in worker.results) and worker.preview_count == 0
    assert np.array_equal(worker.results[-1][1].rgb, direct.render(reqs[-1]).rgb)
