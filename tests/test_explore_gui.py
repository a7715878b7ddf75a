"""The Explore tab driven as a student would: typing, clicking, then checking what is on screen."""

import os
import numpy as np
import pytest
import torch

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

from gui_fixtures import *  # noqa: E402,F403  (fixtures: dialogs, settings, pkl, window)
from gui_fixtures import click_tab, expected, open_window, pick, settle, shown  # noqa: E402
from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtWidgets import QFileDialog  # noqa: E402

from ganexplorer.core.formats import save_native  # noqa: E402
from ganexplorer.core.models.registry import build_preset  # noqa: E402
from ganexplorer.core.render import RenderRequest  # noqa: E402

IMAGE, VARIATION, GRID, LAYERS = range(4)
B8, B16 = "synthesis.b8.conv1", "synthesis.b16.conv0"


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_into(qtbot, field, text):
    """Select what is there, type ``text``, press Enter (a line edit or a spin box)."""
    target = getattr(field, "lineEdit", lambda: field)() or field
    target.setFocus()
    target.selectAll()
    qtbot.keyClicks(target, text)
    qtbot.keyClick(target, Qt.Key.Key_Return)


def choose(qtbot, combo, text):
    index = combo.findText(text)
    assert index >= 0, text
    pick(qtbot, combo, index)


@pytest.fixture
def dcgan_window(qtbot, settings, tmp_path):
    torch.manual_seed(0)
    G, D = build_preset("dcgan32")
    win = open_window(qtbot, settings, save_native(tmp_path / "d.safetensors", "dcgan32", G.eval(), D))
    yield win
    win.worker.shutdown()


def test_switched_off_channels_stay_with_the_layer_they_were_typed_for(window, qtbot):
    e = window.explorer
    click_tab(qtbot, e.views, LAYERS)
    choose(qtbot, e.views.layers.layer_combo, B8)
    type_into(qtbot, e.views.layers.ablate_edit, "0-3")
    settle(qtbot, window)
    choose(qtbot, e.views.layers.layer_combo, B16)            # look at another layer: the switch-off must not move with it
    assert e.views.layers.ablate_edit.text() == ""
    click(qtbot, e.seed.next_btn)
    settle(qtbot, window)
    assert np.array_equal(shown(window), expected(window, RenderRequest(seed=1, ablations=((B8, (0, 1, 2, 3)),))))
    # A second layer gets its own switch-offs; both apply, both are listed.
    type_into(qtbot, e.views.layers.ablate_edit, "5")
    settle(qtbot, window)
    both = ((B8, (0, 1, 2, 3)), (B16, (5,)))
    assert e.current_request().ablations == both
    assert np.array_equal(shown(window), expected(window, RenderRequest(seed=1, ablations=both)))
    assert "b8.conv1" in e.views.layers.ablation_list.text() and "b16.conv0" in e.views.layers.ablation_list.text()
    choose(qtbot, e.views.layers.layer_combo, B8)
    assert e.views.layers.ablate_edit.text() == "0-3"
    # The Image tab carries a badge naming them, with a way to clear.
    click_tab(qtbot, e.views, IMAGE)
    assert e.ablation_badge.isVisible()
    assert "b8.conv1" in e.ablation_badge.text() and "0\u20133" in e.ablation_badge.text()
    qtbot.waitUntil(lambda: "switched off" in e.caption.text(), timeout=5_000)
    click(qtbot, e.views.image.clear_ablations)
    settle(qtbot, window)
    assert not e.ablation_badge.isVisible() and e.current_request().ablations == ()
    assert np.array_equal(shown(window), expected(window, RenderRequest(seed=1)))


def test_a_bad_channel_list_says_so_and_keeps_what_was_there(window, qtbot):
    e = window.explorer
    click_tab(qtbot, e.views, LAYERS)
    choose(qtbot, e.views.layers.layer_combo, B8)
    type_into(qtbot, e.views.layers.ablate_edit, "2")
    settle(qtbot, window)
    type_into(qtbot, e.views.layers.ablate_edit, "two")
    settle(qtbot, window)
    assert "0-7,12" in window.statusBar().currentMessage()
    assert e.current_request().ablations == ((B8, (2,)),)


def test_layers_view_shows_switched_off_channels_black(window, qtbot):
    e = window.explorer
    click_tab(qtbot, e.views, LAYERS)
    choose(qtbot, e.views.layers.layer_combo, B8)
    settle(qtbot, window)
    tile = 8  # b8: 8×8 maps, 4 per row, 1 px gaps
    assert e.views.layers.view.rgb[:tile, :tile].max() > 0
    type_into(qtbot, e.views.layers.ablate_edit, "0")
    settle(qtbot, window)
    assert e.views.layers.view.rgb[:tile, :tile].max() == 0
    assert e.views.layers.view.rgb[:tile, tile + 1:2 * tile + 1].max() > 0
    assert "switched off" in e.views.layers.channels.text()
    click(qtbot, e.views.layers.norm)            # without per-channel normalisation a zero is still black
    settle(qtbot, window)
    assert e.views.layers.view.rgb[:tile, :tile].max() == 0
    assert e.current_picture()[1] == "layers-b8.conv1"


def test_style_only_views_are_disabled_for_a_dcgan_and_say_why(dcgan_window, qtbot):
    e = dcgan_window.explorer
    for tab in (VARIATION, GRID):
        assert not e.views.isTabEnabled(tab)
        assert "style-based generator" in e.views.tabToolTip(tab) and "DCGAN" in e.views.tabToolTip(tab)
    click_tab(qtbot, e.views, GRID)
    assert e.views.currentIndex() == IMAGE
    for group in (e.noise, e.mixing):
        assert not group.isEnabled() and "noise inputs" in group.toolTip()
    assert not e.w_start.isEnabled() and not e.cutoff.isEnabled()
    assert e.seed.isEnabled() and e.psi.isEnabled()
    click_tab(qtbot, e.views, LAYERS)
    assert e.views.currentIndex() == LAYERS


def test_style_views_are_enabled_for_stylegan2(window):
    e = window.explorer
    assert e.views.isTabEnabled(VARIATION) and e.views.isTabEnabled(GRID)
    assert e.noise.isEnabled() and e.mixing.isEnabled()


def test_layer_ranges_use_the_band_words_of_this_model(window, qtbot):
    e = window.explorer  # the tiny model: 16², 6 ws
    legend = ("layers 0\u20133 coarse (4\u00b2\u20138\u00b2) \u00b7 4\u20135 middle (16\u00b2) \u00b7 "
              "this 16\u00b2 model has no fine band")
    assert e.mixing.mix_legend.text() == legend and e.w_group.legend.text() == legend and e.views.grid.legend.text() == legend
    assert e.mixing.mix_band.text() == "layers 0\u20133: coarse (4\u00b2\u20138\u00b2)"
    type_into(qtbot, e.mix_end, "6")
    assert e.mixing.mix_band.text() == "layers 0\u20135: coarse + middle (4\u00b2\u201316\u00b2)"
    type_into(qtbot, e.mix_start, "6")
    assert "empty" in e.mixing.mix_band.text()
    type_into(qtbot, e.w_start, "4")
    assert e.w_group.band.text() == "layers 4\u20135: middle (16\u00b2)"


def test_caption_says_what_the_picture_is(window, qtbot):
    e = window.explorer
    qtbot.waitUntil(lambda: e.caption.text() == "seed 0", timeout=5_000)
    click(qtbot, e.seed.next_btn)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: e.caption.text() == "seed 1", timeout=5_000)
    type_into(qtbot, e.mix_seed.spin, "7")
    click(qtbot, e.mix_on)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: e.caption.text() == "seed 1 with layers 0\u20133 from seed 7 (coarse)", timeout=5_000)
    click(qtbot, e.mix_on)
    for _ in range(50):                   # ψ slider: 50 steps of 0.01 to the left
        qtbot.keyClick(e.psi.slider, Qt.Key.Key_Left)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: e.caption.text() == "seed 1 \u00b7 \u03c8 = 0.50", timeout=5_000)
    for _ in range(50):
        qtbot.keyClick(e.psi.slider, Qt.Key.Key_Right)
    for box, v in zip(e.arith_group.boxes, ("3", "7", "9")):
        type_into(qtbot, box.spin, v)
    click(qtbot, e.arith_group.button)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: e.caption.text() == "A \u2212 B + C of seeds 3, 7, 9", timeout=5_000)
    assert e.current_picture()[1] == "arith-3-7-9"
    margin = 14                           # the pad's inner margin: grid point (i, j) at margin + i * step
    x = margin + (e.pad_group.pad.width() - 2 * margin) // 2
    qtbot.mouseClick(e.pad_group.pad, Qt.MouseButton.LeftButton, pos=QPoint(x, margin))   # half-way from seed 2 to 3
    settle(qtbot, window)
    qtbot.waitUntil(lambda: e.caption.text().startswith("seed grid blend of 2 ("), timeout=5_000)
    assert ", 3 (" in e.caption.text()
    type_into(qtbot, e.walk.seeds, "4,5")
    type_into(qtbot, e.walk.frames, "10")
    click(qtbot, e.walk.play)
    qtbot.waitUntil(lambda: "walk frame" in e.caption.text(), timeout=10_000)
    click(qtbot, e.walk.play)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: "/10" in e.caption.text() and "4 \u2192 5" in e.caption.text(), timeout=5_000)
    assert e.current_picture()[1].startswith("walk-frame")


def test_caption_marks_a_low_resolution_preview(window, qtbot):
    """A slow model previews while a slider moves: the caption and status bar say so."""
    e, worker = window.explorer, window.worker
    worker.preview_after_s, worker.preview_min_resolution, worker.preview_min_speedup = 0.0, 0, 1.0
    worker.rest_s = 120.0  # the refined picture would come only after two minutes of rest
    qtbot.keyClick(e.psi.slider, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: e.image_view.rgb is not None and e.image_view.rgb.shape[0] == 8, timeout=30_000)
    qtbot.waitUntil(lambda: "preview" in e.caption.text() and "refining" in e.caption.text(), timeout=5_000)
    assert "8 px" in window.statusBar().currentMessage()


def test_mixing_grid_is_labelled_and_exported_as_shown(window, qtbot):
    e = window.explorer
    click_tab(qtbot, e.views, GRID)
    type_into(qtbot, e.grid_rows, "1,2")
    type_into(qtbot, e.grid_cols, "3,4,5")
    click(qtbot, e.views.grid.button)
    settle(qtbot, window)
    pic, stem = e.current_picture()
    assert stem == "mixing-1-2-x-3-4-5"
    assert np.array_equal(pic, e.grid_view.rgb) and pic.shape[0] > 3 * 96 and pic.shape[1] > 4 * 96
    assert "layers 0\u20133" in e.grid_caption and "coarse" in e.grid_caption and "row" in e.grid_caption
    click(qtbot, e.arith_group.button)          # a blend shown in the Image tab must not leak into the grid's seeds
    settle(qtbot, window)
    click(qtbot, e.views.grid.button)
    settle(qtbot, window)
    assert np.array_equal(e.current_picture()[0], pic)
    type_into(qtbot, e.grid_rows, "1,x")
    click(qtbot, e.views.grid.button)
    assert "1,x" in window.statusBar().currentMessage()


def test_variation_map_keeps_its_scale_in_pixel_levels(window, qtbot):
    from ganexplorer.core.render import Renderer
    from ganexplorer.core.render.views import variation_levels

    e = window.explorer
    click_tab(qtbot, e.views, VARIATION)
    type_into(qtbot, e.views.variation.draws, "6")
    click(qtbot, e.views.variation.button)
    settle(qtbot, window)
    pic, stem = e.current_picture()
    assert stem == "variation-seed0000" and np.array_equal(pic, e.views.variation.view.rgb)
    levels = variation_levels(Renderer(window.model), RenderRequest(seed=0), 6)
    assert f"{levels.max():.2f}" in e.views.variation.scale.text() and "pixel levels" in e.views.variation.scale.text()
    assert pic.shape[1] > pic.shape[0] // 2 + 512 // 2   # heat map plus a colour bar beside it


def test_walk_export_at_a_chosen_size(window, qtbot, tmp_path, monkeypatch):
    from PIL import Image

    e = window.explorer
    out = tmp_path / "walk.gif"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    assert e.walk.export_size.value() >= 512
    type_into(qtbot, e.walk.frames, "4")
    type_into(qtbot, e.walk.export_size, "64")
    click(qtbot, e.walk.export_button)
    settle(qtbot, window)
    assert Image.open(out).size == (64, 64)    # 16² frames, ×4 nearest neighbour


def test_tooltips_help_and_presentation(window, qtbot):
    e = window.explorer
    for w in (e.psi, e.cutoff, e.mix_start, e.mix_end, e.w_start, e.w_end, e.noise_mode, e.noise_strength,
              e.noise_seed, e.z_sliders[0], e.w_sliders[0], e.pad_group.pad, e.arith_group.boxes[0], e.arith_group.button, e.walk.seeds,
              e.walk.space, e.seed_group.label_combo, e.seed_group.force_fp32, e.views.layers.ablate_edit, e.seed, e.mix_seed, e.views.variation.draws,
              e.grid_rows, e.walk.export_size):
        assert len(w.toolTip()) > 20, w
    assert "\u03c3" in e.w_sliders[0].toolTip() and "offset" in e.z_sliders[0].toolTip()
    html_image = e.help_html()
    click_tab(qtbot, e.views, VARIATION)
    assert e.help_html() != html_image and "noise" in e.help_html()
    size = e.caption.font().pointSizeF()
    e.set_presentation(True)
    e.set_presentation(True)
    big = e.caption.font().pointSizeF()
    assert big > size
    e.set_presentation(False)
    assert e.caption.font().pointSizeF() == size


def test_a_saved_state_brings_back_everything_the_user_set(window, qtbot, tmp_path, monkeypatch):
    """Save state / Open state through the File menu: w edits on a layer range, a switch-off, the seed-grid
    blend, the walk's settings and the view tab come back as they were, and so does the picture."""
    e = window.explorer
    qtbot.waitUntil(lambda: e.directions is not None, timeout=30_000)
    type_into(qtbot, e.w_start, "1")
    e.w_sliders[1].setValue(1.5)
    pad = e.pad_group.pad
    qtbot.mouseClick(pad, Qt.MouseButton.LeftButton, pos=QPoint(pad.width() // 3, pad.height() // 2))
    dot = pad.pos_xy
    type_into(qtbot, e.walk.seeds, "5,6,9")
    type_into(qtbot, e.walk.frames, "24")
    click_tab(qtbot, e.views, LAYERS)
    choose(qtbot, e.views.layers.layer_combo, B8)
    type_into(qtbot, e.views.layers.ablate_edit, "2,4")
    settle(qtbot, window)
    saved_req, picture_zoom = e.current_request(), e.image_view.zoom
    assert saved_req.w_blend and saved_req.ablations == ((B8, (2, 4)),) and saved_req.w_edits[0].layer_start == 1
    click_tab(qtbot, e.views, IMAGE)
    settle(qtbot, window)
    picture = shown(window)
    click_tab(qtbot, e.views, LAYERS)
    path = tmp_path / "lesson.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    window.save_state_action.trigger()
    assert path.exists()
    # The user moves on: the dot elsewhere, the next seed, Reset w, switch-offs cleared, another walk, Image.
    qtbot.mouseClick(pad, Qt.MouseButton.LeftButton, pos=QPoint(pad.width() - 20, 20))
    assert pad.pos_xy != pytest.approx(dot)
    click(qtbot, e.seed.next_btn)
    click(qtbot, e.w_group.reset)
    click(qtbot, e.views.image.clear_ablations)
    type_into(qtbot, e.walk.seeds, "1,2")
    click_tab(qtbot, e.views, IMAGE)
    settle(qtbot, window)
    assert e.current_request() != saved_req and e.w_sliders[1].value() == 0
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.open_state_action.trigger()
    settle(qtbot, window)
    assert e.current_request() == saved_req
    assert e.w_sliders[1].value() == pytest.approx(1.5) and e.w_start.value() == 1
    assert pad.pos_xy == pytest.approx(dot)   # the dot is back where the saved blend was made
    assert (e.walk.seeds.text(), e.walk.frames.value()) == ("5,6,9", 24)
    assert e.views.currentIndex() == LAYERS and e.image_view.zoom == picture_zoom
    assert e.ablation_badge.text().endswith("b8.conv1 channels 2, 4") and e.views.layers.ablate_edit.text() == "2,4"
    click_tab(qtbot, e.views, IMAGE)
    settle(qtbot, window)
    assert np.array_equal(shown(window), picture)
    assert np.array_equal(picture, expected(window, saved_req))


def test_a_failed_model_swap_is_reported_and_the_old_model_never_draws_the_new_ones_pictures(qtbot, tiny_stylegan2):
    """Issue 21 (code review): the swap job failed silently and the next requests, meant for the new model,
    were drawn by the old one."""
    from ganexplorer.core.formats.loaded import LoadedModel
    from ganexplorer.gui.explore.inference_worker import InferenceWorker

    w = InferenceWorker(torch.device("cpu"))
    shown, refused, failed = [], [], []
    w.rendered.connect(lambda gen, res: shown.append(gen))
    w.render_failed.connect(lambda gen, message: refused.append((gen, message)))
    w.job_failed.connect(lambda name, message: failed.append((name, message)))
    try:
        w.set_model(LoadedModel(G=tiny_stylegan2[0], family="stylegan2", format="native"))
        first = w.submit(RenderRequest(seed=1))
        qtbot.waitUntil(lambda: first in shown, timeout=30_000)
        broken = LoadedModel(G=build_preset("dcgan32")[0].eval(), family="dcgan32", format="native")

        def no_room(_device):
            raise RuntimeError("not enough memory on the device")
        broken.to = no_room
        w.set_model(broken)
        gen = w.submit(RenderRequest(seed=2))
        qtbot.waitUntil(lambda: any(g == gen for g, _ in refused) or gen in shown, timeout=30_000)
        assert gen not in shown
        assert [n for n, _ in failed] == ["set_model"] and "memory" in failed[0][1]
        w.set_model(LoadedModel(G=tiny_stylegan2[0], family="stylegan2", format="native"))   # a good one again
        gen = w.submit(RenderRequest(seed=3))
        qtbot.waitUntil(lambda: gen in shown, timeout=30_000)
    finally:
        w.shutdown()


def test_noise_none_switches_its_strength_off_and_the_noise_seed_is_for_random_only(window, qtbot):
    """Issue 21: noise mode 'none' left its strength slider enabled (moving it changed nothing)."""
    e = window.explorer
    e.noise_mode.setFocus()
    choose(qtbot, e.noise_mode, "none")
    qtbot.waitUntil(lambda: e.controller.state.noise_mode == "none")
    assert not e.noise_strength.isEnabled() and not e.noise_seed.isEnabled()
    choose(qtbot, e.noise_mode, "random")
    assert e.noise_strength.isEnabled() and e.noise_seed.isEnabled()
    choose(qtbot, e.noise_mode, "const (stored)")
    assert e.noise_strength.isEnabled() and not e.noise_seed.isEnabled()


def test_ctrl_arrows_step_the_seed_while_the_seed_box_has_focus(window, qtbot):
    """Issue 21: Ctrl+Left/Right did nothing while the seed box had focus (its line edit took them)."""
    e = window.explorer
    window.activateWindow()
    field = e.seed.spin.lineEdit()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    before = e.seed.value()
    qtbot.keyClick(field, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: e.seed.value() == before + 1, timeout=5_000)
    qtbot.keyClick(field, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: e.seed.value() == before, timeout=5_000)
    assert e.controller.state.seed == before


def test_a_dcgan_is_told_in_z_words_not_w(dcgan_window, qtbot):
    """Issue 21: a DCGAN's info strip, psi tooltip and direction sliders spoke of a w space it does not have."""
    e = dcgan_window.explorer
    info = e.info.text()
    assert "z 100" in info and "w 100" not in info and "num_ws" not in info
    for tip in (e.psi.toolTip(), e.w_sliders[0].toolTip()):
        assert " w " not in tip and "ws" not in tip and " z " in tip
    assert e.w_group.title().startswith("z directions")
    assert not e.w_start.isVisible() and not e.w_group.reset.text().endswith("w")


@pytest.mark.parametrize("kind", ["fifo", "overflow", "ablations", "huge"])
def test_opening_a_hostile_state_file_is_one_sentence_and_keeps_what_was_there(window, qtbot, tmp_path, monkeypatch,
                                                                                dialogs, kind):
    """Issue 21: a FIFO hung the window, '1e400' in an integer field raised OverflowError, 250k switched-off
    channels froze the UI for 12 s and took 3 GB, a huge file was read whole."""
    import json
    import os
    import tracemalloc

    path = tmp_path / f"{kind}.json"
    body = {"overflow": {"z_offsets": [[1e400, 0.5]]}, "ablations": {"ablations": [[B8, [0] * 250_000]]}}
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "huge":
        path.write_bytes(b"[" + b"0," * (20 * 2 ** 20) + b"0]")
    else:
        path.write_text(json.dumps({"ganexplorer_state": 2, "checkpoint": None, "state": body[kind]}))
    e = window.explorer
    before = e.controller.state
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    tracemalloc.start()
    try:
        window.open_state_action.trigger()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(dialogs) == 1 and str(path) in dialogs[0] or path.name in dialogs[0]
    assert "\n" not in dialogs[0] and "Traceback" not in dialogs[0]
    assert e.controller.state == before and peak < 1.5 * 2 ** 30


def test_layer_tiles_are_numbered_and_a_click_switches_a_channel_off_and_on(window, qtbot):
    """Issue 21: the Layers view's tiles carried no channel numbers and could not be clicked."""
    e = window.explorer
    click_tab(qtbot, e.views, LAYERS)
    choose(qtbot, e.views.layers.layer_combo, B8)
    type_into(qtbot, e.views.layers.first, "16")
    settle(qtbot, window)
    tiles = e.views.layers.view
    assert tiles.channels == list(range(16, 32))               # each tile says its channel
    before = shown(window)
    k = 5
    centre = tiles._tile_rect(k).center().toPoint()
    qtbot.mouseClick(tiles, Qt.MouseButton.LeftButton, pos=centre)
    settle(qtbot, window)
    assert e.controller.state.ablations == ((B8, (21,)),) and e.views.layers.ablate_edit.text() == "21"
    assert 21 in tiles.off and not np.array_equal(shown(window), before)
    qtbot.mouseClick(tiles, Qt.MouseButton.LeftButton, pos=centre)   # again: back on
    settle(qtbot, window)
    assert e.controller.state.ablations == () and np.array_equal(shown(window), before)


def test_the_mixing_grid_shows_its_progress_and_can_be_cancelled(window, qtbot):
    """Issue 21: the mixing grid gave no sign it was working (~10 s on the shapes model) and could not be stopped."""
    import threading

    e = window.explorer
    click_tab(qtbot, e.views, GRID)
    assert not e.views.grid.progress.isVisible() and not e.views.grid.cancel.isVisible()
    calls, gate = [], threading.Event()

    def slow(_module, _args):           # the grid's 5th picture waits until the test lets it go
        calls.append(1)
        if len(calls) == 5:
            gate.wait(30)
    handle = window.model.G.synthesis.register_forward_pre_hook(slow)
    try:
        click(qtbot, e.views.grid.button)
        qtbot.waitUntil(lambda: e.views.grid.progress.isVisible() and e.views.grid.progress.value() > 0, timeout=30_000)
        assert e.views.grid.cancel.isVisible() and e.views.grid.cancel.isEnabled() and not e.views.grid.button.isEnabled()
        click(qtbot, e.views.grid.cancel)
        gate.set()
        qtbot.waitUntil(lambda: not e.views.grid.progress.isVisible(), timeout=30_000)
    finally:
        gate.set()
        handle.remove()
    settle(qtbot, window)
    assert e.grid_view.rgb is None and e.views.grid.button.isEnabled() and len(calls) < 19   # stopped early
    click(qtbot, e.views.grid.button)                                    # and it still works afterwards
    qtbot.waitUntil(lambda: e.grid_view.rgb is not None, timeout=60_000)
    assert not e.views.grid.progress.isVisible() and not e.views.grid.cancel.isVisible()


def test_a_minus_b_plus_c_shows_a_b_and_c_beside_the_result(window, qtbot):
    """Issue 21: A - B + C showed only the result; the three seeds it came from are shown beside it."""
    e = window.explorer
    for box, v in zip(e.arith_group.boxes, (3, 4, 5)):
        type_into(qtbot, box.spin, str(v))
    assert not e.views.image.arith_strip.isVisible()
    click(qtbot, e.arith_group.button)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: e.views.image.arith_strip.isVisible() and e.views.image.arith_strip.rgb is not None, timeout=30_000)
    strip = e.views.image.arith_strip.rgb
    side = 16                                              # the tiny model's pictures
    f = strip.shape[0] // side
    tiles = [strip[:, 2 * k * side * f:(2 * k + 1) * side * f:f][::f] for k in range(4)]   # A, B, C, result
    for tile, seed in zip(tiles, (3, 4, 5)):
        assert np.array_equal(tile, expected(window, RenderRequest(seed=seed)))
    assert np.array_equal(tiles[3], shown(window))
    click(qtbot, e.seed.next_btn)                          # a plain seed again: the strip goes
    settle(qtbot, window)
    assert not e.views.image.arith_strip.isVisible()


def _explore_models(tmp_path):
    """The bundled models and a 256² StyleGAN2 (the window grew to 1423 px with one)."""
    from ganexplorer.core.paths import bundled_models

    torch.manual_seed(0)
    G, D = build_preset("stylegan2-256")
    big = save_native(tmp_path / "stylegan2-256.safetensors", "stylegan2", G.eval(), D)
    return [p for p in bundled_models() if "classifier" not in p.name] + [big]


@pytest.mark.slow
def test_the_explore_tab_fits_1280x720_in_presentation_mode_with_every_model(qtbot, settings, tmp_path):
    """Issue 21: F5 on a 1280x720 projector cut off the Explore tab's controls with a StyleGAN2 model."""
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from ganexplorer.gui.window.main_window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    win.presentation_action.trigger()
    shots = Path(os.environ.get("GANEXPLORER_SHOTS", "/nonexistent"))   # set it to keep the screenshots
    try:
        for path in _explore_models(tmp_path):
            win.open_checkpoint(path, show_progress=False)
            qtbot.waitUntil(lambda path=path: win.model is not None and win.model.path == path, timeout=120_000)
            settle(qtbot, win)
            win.resize(1280, 720)
            QApplication.processEvents()
            e = win.explorer
            need = e.minimumSizeHint()
            assert need.width() <= 1280 and win.minimumSizeHint().width() <= 1280, (path.name, need)
            assert win.minimumSizeHint().height() <= 720 - 40, (path.name, win.minimumSizeHint())
            assert win.width() <= 1280 and e.controls_scroll.horizontalScrollBar().maximum() == 0
            if shots.is_dir():
                win.grab().save(str(shots / f"explore_f5_{path.stem}.png"))
    finally:
        win.trainer_panel.shutdown()
        win.worker.shutdown()


def test_a_projected_picture_says_so_and_in_which_space(window, qtbot, tmp_path, monkeypatch):
    """Issue 23: once a projection is the picture (here: a saved state holding one, opened from the File menu),
    the caption says it is a projection and in which space, not 'seed N'; typing a seed goes back to the seed."""
    import json

    from ganexplorer.app.explorer_state import ProjectedLatent
    from ganexplorer.app.state_json import state_file

    e, m = window.explorer, window.model
    rng = np.random.RandomState(3)
    w = tuple(float(x) for x in rng.randn(m.w_dim) * 0.5)
    w_plus = tuple(tuple(float(x) for x in rng.randn(m.w_dim) * 0.5) for _ in range(m.num_ws))
    for space, latent in (("w", w), ("w+", w_plus)):
        state = e.controller.state.with_(projected=ProjectedLatent(space, latent), source=("projected", space))
        path = tmp_path / f"projected-{space}.json"
        path.write_text(json.dumps(state_file(state, None)))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, path=path, **k: (str(path), ""))
        window.open_state_action.trigger()
        settle(qtbot, window)
        qtbot.waitUntil(lambda s=space: e.caption.text().startswith(f"projected image (in {s})"), timeout=10_000)
        assert "seed" not in e.caption.text()
        assert np.array_equal(shown(window), expected(window, e.current_request()))
    type_into(qtbot, e.seed.spin, "5")
    qtbot.waitUntil(lambda: e.caption.text() == "seed 5", timeout=10_000)


def _wait_for_cancel(worker, timeout: float = 30.0) -> None:
    """On the worker thread: stay in the job until the user's Cancel reaches it (a long job still running)."""
    import time

    deadline = time.monotonic() + timeout
    while not worker.should_stop() and time.monotonic() < deadline:
        time.sleep(0.002)


def test_principal_directions_show_progress_and_cancel_then_compute(window, qtbot, pkl, monkeypatch):
    """Issue 24/26: the background PCA shows how far it is and has Cancel; after Cancel the sliders stay off and
    Compute starts it again, which ends with the sliders on and the count of samples core used."""
    import ganexplorer.gui.explore.background_jobs as background_jobs

    e, worker = window.explorer, window.worker
    real = background_jobs.principal_directions

    def slow(model, *args, on_progress, **kwargs):
        def counts(done, total):
            on_progress(done, total)
            if done < total:
                _wait_for_cancel(worker)
        return real(model, *args, on_progress=counts, **kwargs)

    monkeypatch.setattr(background_jobs, "principal_directions", slow)
    window.open_checkpoint(pkl, show_progress=False)   # the same model again: its directions are computed again
    g = e.w_group
    qtbot.waitUntil(lambda: g.progress.isVisible() and g.progress.value() > 0, timeout=30_000)
    assert g.cancel.isVisible() and not g.compute.isVisible() and not e.w_sliders[0].isEnabled()
    click(qtbot, g.cancel)
    qtbot.waitUntil(lambda: g.status.text().startswith("Cancelled"), timeout=30_000)
    settle(qtbot, window)
    assert e.directions is None and not e.w_sliders[0].isEnabled()
    assert g.compute.isVisible() and not g.progress.isVisible() and not g.cancel.isVisible()
    monkeypatch.setattr(background_jobs, "principal_directions", real)
    click(qtbot, g.compute)
    qtbot.waitUntil(lambda: e.directions is not None, timeout=30_000)
    d = e.directions
    assert d.samples >= d.pca_samples > 0 and e.w_sliders[0].isEnabled()
    assert f"directions from {d.pca_samples:,} samples, \u03c3 over {d.samples:,}" in g.status.text()
    assert not g.compute.isVisible() and not g.progress.isVisible()


def test_walk_export_shows_progress_and_cancel_leaves_no_file(window, qtbot, tmp_path, monkeypatch):
    """Issue 26: exporting a walk shows a progress dialog fed by the frames rendered; Cancel stops it and no
    file (finished or partial) is left; the status bar says so."""
    import ganexplorer.gui.explore.background_jobs as background_jobs

    e, worker = window.explorer, window.worker
    real = background_jobs.export_walk

    def slow(r, requests, path, fps, min_side=0, progress=None):
        def step(k, n):
            progress(k, n)
            if k == 2:
                _wait_for_cancel(worker)
        return real(r, requests, path, fps, min_side=min_side, progress=step)

    monkeypatch.setattr(background_jobs, "export_walk", slow)
    out = tmp_path / "clips" / "walk.gif"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    type_into(qtbot, e.walk.frames, "8")
    click(qtbot, e.walk.export_button)
    qtbot.waitUntil(lambda: e.walk_export.dialog is not None and e.walk_export.dialog.value() == 25, timeout=30_000)
    assert e.walk_export.dialog.isVisible()
    click(qtbot, e.walk_export.cancel_button)
    settle(qtbot, window)
    assert e.walk_export.dialog is None
    assert not out.exists() and not list(out.parent.glob("*partial*"))
    assert "cancelled" in window.statusBar().currentMessage()
    monkeypatch.setattr(background_jobs, "export_walk", real)
    click(qtbot, e.walk.export_button)   # the same export, left to finish: the file, and no partial one
    qtbot.waitUntil(lambda: out.exists(), timeout=30_000)
    settle(qtbot, window)
    assert not list(out.parent.glob("*partial*")) and e.walk_export.dialog is None


def test_a_direction_set_gets_sliders_that_move_the_picture(window, qtbot):
    """Issue 24: a set made in the Directions menu (SeFa, from Compare) appears in the Explore tab as sliders on
    its own layers; dragging one moves the picture along that direction, as the render of that edit does;
    Remove takes the set and its move off the picture."""
    e, g = window.explorer, window.explorer.sets_group.sets
    qtbot.waitUntil(lambda: e.directions is not None, timeout=30_000)
    assert g.empty.isVisible() and not g.sliders
    window.directions_menu.compare_action.trigger()
    dialog = window.directions_menu.dialogs["compare"]
    qtbot.addWidget(dialog)
    click(qtbot, dialog.sefa_btn)
    qtbot.waitUntil(lambda: len(e.controller.state.direction_sets) > 0, timeout=60_000)
    named = e.controller.state.direction_sets[0]
    settle(qtbot, window)
    assert not g.empty.isVisible() and len(g.sliders) == len(named.vectors)
    before = shown(window)
    slider = g.sliders[(named.name, 0)]
    slider.slider.setFocus()
    for _ in range(10):
        qtbot.keyClick(slider.slider, Qt.Key.Key_PageUp)   # dragging it up, a page at a time
    settle(qtbot, window)
    edit = next(x for x in e.controller.state.w_edits if x.set_name == named.name)
    assert edit.component == 0 and edit.sigmas == pytest.approx(slider.value()) and edit.sigmas > 0
    assert (edit.layer_start, edit.layer_end) == (named.layer_start, min(named.layer_end, window.model.num_ws))
    assert not np.array_equal(shown(window), before)
    assert np.array_equal(shown(window), expected(window, e.current_request()))
    qtbot.waitUntil(lambda: f"{named.name}[0] {edit.sigmas:+.1f}\u03c3" in e.caption.text(), timeout=5_000)
    click(qtbot, g.remove_buttons[named.name])
    settle(qtbot, window)
    assert not e.controller.state.direction_sets and g.empty.isVisible() and not g.sliders
    assert np.array_equal(shown(window), before)


def test_one_slider_tick_is_one_trip_and_touches_no_other_widget(window, qtbot, monkeypatch):
    """Issue 22 item 2: a tick of ψ goes widget → controller → one request to the worker, and showing the new
    state sets no widget at all (the ψ slider already shows it; no other field changed)."""
    from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox

    from ganexplorer.gui.common.widgets import FloatSlider, SeedBox

    e, worker = window.explorer, window.worker
    settle(qtbot, window)
    touched, sent = [], []
    for cls, name in ((FloatSlider, "setValue"), (SeedBox, "setValue"), (QSpinBox, "setValue"),
                      (QComboBox, "setCurrentIndex"), (QCheckBox, "setChecked"), (QLineEdit, "setText")):
        real = getattr(cls, name)

        def counting(self, *args, real=real, name=name):
            touched.append((type(self).__name__, name))
            return real(self, *args)
        monkeypatch.setattr(cls, name, counting)
    real_submit = worker.submit
    monkeypatch.setattr(worker, "submit", lambda req, state=None: (sent.append(req), real_submit(req, state))[1])
    before = e.current_request()
    e.psi.slider.setFocus()
    qtbot.keyClick(e.psi.slider, Qt.Key.Key_Left)
    settle(qtbot, window)
    assert e.current_request().psi == pytest.approx(before.psi - 0.01)
    assert sent == [e.current_request()] and touched == []
    assert np.array_equal(shown(window), expected(window, e.current_request()))


def test_switching_the_language_retells_the_caption_and_the_info_strip(window, qtbot):
    """Settings > Language while a picture is shown: the caption and the info strip, which the tab composes from
    several translated pieces, are said again in the new language, and again in English after switching back."""
    e, acts = window.explorer, window.menus.language_actions
    choose(qtbot, e.noise_mode, "random")
    settle(qtbot, window)
    qtbot.waitUntil(lambda: e.caption.text() == "seed 0 \u00b7 random noise (seed 0)", timeout=5_000)
    info = e.info.text()
    acts["ko"].trigger()
    try:
        qtbot.waitUntil(lambda: e.caption.text() == "\uc2dc\ub4dc 0 \u00b7 \ubb34\uc791\uc704 \ub178\uc774\uc988 (\uc2dc\ub4dc 0)",
                        timeout=5_000)   # 시드 0 · 무작위 노이즈 (시드 0)
        assert "\ub9e4\uac1c\ubcc0\uc218" in e.info.text() and "parameters" not in e.info.text()   # 매개변수
    finally:
        acts["en"].trigger()
    qtbot.waitUntil(lambda: e.caption.text() == "seed 0 \u00b7 random noise (seed 0)", timeout=5_000)
    assert e.info.text() == info


def test_every_control_group_shows_fields_the_state_has():
    """A group is asked to show a state only when one of its FIELDS changed: a renamed state field must fail here,
    not leave a control silently showing an old value."""
    from dataclasses import fields

    from PySide6.QtWidgets import QGroupBox

    from ganexplorer.app.explorer_state import ExplorerState
    from ganexplorer.gui.explore import latent_groups, settings_groups

    names = {f.name for f in fields(ExplorerState)}
    groups = [c for m in (latent_groups, settings_groups) for c in vars(m).values()
              if isinstance(c, type) and issubclass(c, QGroupBox) and hasattr(c, "show_state")]
    assert len(groups) == 10
    for group in groups:
        assert group.FIELDS and set(group.FIELDS) <= names, (group.__name__, set(group.FIELDS) - names)
