"""Projection (issue 23): how close, how fast, and does a drawn digit come back as the same digit?

Prints, in one run on this machine (say whether it was shared; timings are wall and process CPU seconds):
1. the bundled 32² digits model: pictures it generated, projected with the default settings (the projector
   picks its threads: one for this model) on a 2-core machine: PSNR (target >= 33 dB), seconds wall (target
   <= 10 s) and process CPU seconds (steadier on a shared machine), and for --before-seeds the same on two
   threads, as the projector ran before (torch's default count here), in the same run, as ratios;
2. drawn digits (thick polylines, as on the drawing pad): the digit classifier's label of the drawing
   and of its projection, with the pixel distance alone and with the digit-classifier features
   (the perceptual term's measurement);
3. a 256² StyleGAN2 NVIDIA pickle (random weights, written by tests/layouts.py): seconds per step and PSNR
   after --steps-256 steps;
4. the window's UI lateness while the dialog projects a drawing (benchmarks/ui_lateness.py);
5. the same while it projects a picture into the 256² pickle.

    python benchmarks/bench_project.py [--seeds 0,1,2] [--before-seeds 0] [--steps N] [--drawn-steps N]
                                       [--steps-256 20] [--skip 1,2,3,4]
"""

from __future__ import annotations

import argparse
from dataclasses import replace
import os
import sys
import time
from pathlib import Path

import numpy as np
import torch
from PIL import Image, ImageDraw

from ganexplorer.core.formats import load_checkpoint
from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.metrics.digit_classifier import load_classifier
from ganexplorer.core.models.registry import build_preset
from ganexplorer.core.paths import checkpoints_dir
from ganexplorer.core.project.projector import DEFAULT_STEPS, ProjectSettings, Projector
from ganexplorer.core.project.target import prepare_target
from ganexplorer.core.render import Renderer, RenderRequest

# Before the speed work (issue 23) the projector ran on torch's own count of threads (two on the 2-core machine);
# the schedule is the same. (Not repeated here: torch.optim.Adam's import of torch._dynamo, 2 s and more once a
# process, and the mean w of 10,000 mapped z, now computed once per model and class.)
BEFORE = dict(threads=2)

# Strokes of each digit in a unit box, as a hand on the drawing pad would make them.
STROKES = {
    0: [[(0.5, 0.15), (0.75, 0.3), (0.75, 0.7), (0.5, 0.85), (0.25, 0.7), (0.25, 0.3), (0.5, 0.15)]],
    1: [[(0.5, 0.12), (0.5, 0.88)]],
    2: [[(0.28, 0.3), (0.5, 0.15), (0.72, 0.3), (0.7, 0.45), (0.28, 0.85), (0.75, 0.85)]],
    3: [[(0.28, 0.2), (0.68, 0.2), (0.48, 0.48), (0.72, 0.65), (0.5, 0.85), (0.28, 0.78)]],
    4: [[(0.6, 0.88), (0.6, 0.12), (0.25, 0.62), (0.78, 0.62)]],
    5: [[(0.72, 0.15), (0.32, 0.15), (0.3, 0.45), (0.65, 0.5), (0.7, 0.75), (0.45, 0.87), (0.27, 0.78)]],
    6: [[(0.65, 0.15), (0.35, 0.45), (0.3, 0.72), (0.5, 0.87), (0.7, 0.72), (0.55, 0.52), (0.32, 0.62)]],
    7: [[(0.25, 0.2), (0.75, 0.2), (0.45, 0.88)]],
    8: [[(0.5, 0.5), (0.3, 0.32), (0.5, 0.14), (0.7, 0.32), (0.5, 0.5), (0.28, 0.7), (0.5, 0.87), (0.72, 0.7),
         (0.5, 0.5)]],
    9: [[(0.68, 0.45), (0.45, 0.52), (0.3, 0.32), (0.5, 0.14), (0.68, 0.3), (0.68, 0.45), (0.6, 0.88)]],
}


def drawn_digit(k: int, side: int = 224) -> np.ndarray:
    im = Image.new("L", (side, side), 0)
    d = ImageDraw.Draw(im)
    for stroke in STROKES[k]:
        pts = [(x * side, y * side) for x, y in stroke]
        d.line(pts, fill=255, width=side // 11, joint="curve")
        for x, y in pts:
            r = side // 22
            d.ellipse((x - r, y - r, x + r, y + r), fill=255)
    return np.asarray(im)


def project(model: LoadedModel, target: torch.Tensor, settings: ProjectSettings) -> tuple[object, float, float]:
    t0, c0 = time.perf_counter(), time.process_time()
    last = None
    for ev in Projector(model, target, settings).run():
        last = ev
    return last, time.perf_counter() - t0, time.process_time() - c0


def load() -> str:
    """The machine's load averages (1, 5, 15 min): timings on a shared CPU need them beside."""
    return " ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "unknown"


def generated(model: LoadedModel, seeds: list[int], steps: int, before_seeds: list[int]) -> None:
    now = ProjectSettings(num_steps=steps)
    threads = Projector(model, torch.zeros(1, model.channels, model.resolution, model.resolution), now).threads
    print(f"1. bundled digits model, pictures it generated, default settings ({steps} steps, space w, lr "
          f"{now.initial_lr:g}, noise ramp {now.noise_ramp_length:g}), {threads} projector thread(s); load {load()}")
    for seed in seeds:
        rgb = Renderer(model).render(RenderRequest(seed=seed)).rgb
        t = prepare_target(rgb[:, :, :1].copy(), model.resolution, model.channels)
        ev, wall, cpu = project(model, t.tensor(), now)
        line = (f"   seed {seed}: PSNR {ev.psnr:.2f} dB (target >= 33: {'yes' if ev.psnr >= 33 else 'NO'}), "
                f"{wall:.1f} s wall ({wall / 10:.2f} x the 10 s target), {cpu:.2f} s process CPU, "
                f"{cpu / steps * 1000:.1f} ms CPU a step")
        if seed in before_seeds:
            old, owall, ocpu = project(model, t.tensor(), replace(now, **BEFORE))
            line += (f"; as before, on {BEFORE['threads']} threads: PSNR {old.psnr:.2f} dB, {owall:.1f} s wall, "
                     f"{ocpu:.2f} s CPU "
                     f"(now {owall / wall:.1f}x faster wall, {ocpu / cpu:.1f}x less CPU)")
        print(line, flush=True)
    print(f"   load afterwards {load()}")


def drawn(model: LoadedModel, steps: int, digits: list[int]) -> None:
    clf, _ = load_classifier()
    print(f"2. drawn digits ({steps} steps, space w): digit drawn:classifier's label of the drawing -> of the "
          f"projection")
    for weight in (0.0, ProjectSettings().perceptual_weight):
        same, drawn_as, rows, secs, cpus = 0, 0, [], 0.0, 0.0
        for k in digits:
            t = prepare_target(drawn_digit(k), model.resolution, model.channels)
            with torch.no_grad():
                want = int(clf(t.tensor()).argmax())
            ev, wall, cpu = project(model, t.tensor(), ProjectSettings(num_steps=steps, perceptual_weight=weight))
            pic = torch.from_numpy(ev.picture[:, :, :1].astype(np.float32)).permute(2, 0, 1)[None] / 127.5 - 1
            with torch.no_grad():
                got = int(clf(pic).argmax())
            same += got == want
            drawn_as += got == k
            secs, cpus = secs + wall, cpus + cpu
            rows.append(f"{k}:{want}->{got}")
        name = "pixels only" if weight == 0 else f"pixels + {weight:g} x digit features"
        print(f"   {name}: {same}/{len(digits)} keep the classifier's label of the drawing, {drawn_as}/{len(digits)} "
              f"come back as the digit drawn ({' '.join(rows)}); {secs / len(digits):.1f} s wall, "
              f"{cpus / len(digits):.2f} s CPU each; load {load()}", flush=True)


def big_model_file(folder: Path) -> tuple[Path, str]:
    """The 256² model as a file in ``folder``: an NVIDIA pickle if tests/layouts.py is here, else a native file."""
    torch.manual_seed(0)
    G, D = build_preset("stylegan2-256")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    try:
        from layouts import write_nvidia_pickle
    except ImportError:   # an installed copy without the tests: the same network, not through a pickle
        from ganexplorer.core.formats import save_native

        return save_native(folder / "stylegan2-256.safetensors", "stylegan2-256", G.eval(), D), "a native file"
    return write_nvidia_pickle(folder / "network-snapshot-256.pkl", G.eval(), D), "an NVIDIA network-snapshot pickle"


def big(steps: int) -> None:
    """A 256² network-snapshot pickle as stylegan2-ada-pytorch writes it (tests/layouts.py writes one around the
    preset's random weights), read back through the restricted unpickler like any NVIDIA file."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path, how = big_model_file(Path(tmp))
        model = load_checkpoint(path)
    rgb = Renderer(model).render(RenderRequest(seed=1)).rgb
    t = prepare_target(rgb, 256, 3)
    settings = ProjectSettings(num_steps=steps)
    projector = Projector(model, t.tensor(), settings)
    t0, c0 = time.perf_counter(), time.process_time()
    times, last = [], None
    for ev in projector.run():
        times.append(time.perf_counter())
        last = ev
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    start = times[0] - t0   # the mean w of 10,000 mapped z (512-d), before the first step
    per_step = float(np.median(np.diff(times))) if len(times) > 2 else wall / steps
    mean_step = (times[-1] - times[0]) / steps
    assert last is not None and last.psnr is not None
    print(f"3. 256² StyleGAN2 (random weights, {how}), {steps} of the default {DEFAULT_STEPS} steps on "
          f"{projector.threads} thread(s): {per_step:.2f} s/step wall (median; mean {mean_step:.2f}), "
          f"{cpu / steps:.2f} s CPU a step (all included), {start:.1f} s for the mean w first, "
          f"PSNR {last.psnr:.2f} dB after {steps} steps; "
          f"the default {DEFAULT_STEPS} steps would take ~{(start + mean_step * DEFAULT_STEPS) / 60:.1f} min here; load {load()}")


def ui_lateness(steps: int, big_model: bool = False) -> None:
    """The window while the dialog projects a drawing (or, ``big_model``, a picture into the 256² pickle): how
    late a 10 ms UI timer runs (a stall shows here)."""
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from ganexplorer.gui.window.main_window import MainWindow
    from ui_lateness import UiLateness

    app = QApplication.instance() or QApplication([])
    win = MainWindow(QSettings("/tmp/bench_project.ini", QSettings.Format.IniFormat))
    win.show()
    tmp = tempfile.TemporaryDirectory()
    path, what = (big_model_file(Path(tmp.name))[0], "256² pickle") if big_model else \
        (checkpoints_dir() / "stylegan2-digits.safetensors", "digits")
    win.open_checkpoint(path, show_progress=False)
    while win.model is None:
        app.processEvents()
    win.project_action.trigger()
    d = win.project_dialog
    d.steps.setValue(steps)
    if big_model:
        picture = Path(tmp.name) / "target.png"
        Image.fromarray(Renderer(win.model).render(RenderRequest(seed=1)).rgb).save(picture)
        d.open_picture(picture)
    probe = UiLateness().start()
    if big_model:
        d.project_btn.click()
    else:
        d._drawn(drawn_digit(3))    # as letting go of the pad does
    clicks = QTimer()
    clicks.timeout.connect(win.explorer.seed.next_btn.click)   # the user keeps exploring meanwhile
    clicks.start(500)
    while d.result is None and d.task is not None:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    clicks.stop()
    late = probe.stop()
    ended = f"PSNR {d.result.psnr:.1f} dB" if d.result is not None else d.notes_label.text()
    print(f"{5 if big_model else 4}. UI lateness while projecting {steps} steps into the {what} model (and clicking "
          f"Next seed): median {np.median(late):.1f} ms, 99th percentile {np.percentile(late, 99):.1f} ms, worst "
          f"{late.max():.1f} ms over {len(late)} ticks; it ended with {ended}")
    d.close()
    win.worker.shutdown()
    win.close()
    tmp.cleanup()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default="0,1,2")
    ap.add_argument("--steps", type=int, default=DEFAULT_STEPS)
    ap.add_argument("--drawn-steps", type=int, default=DEFAULT_STEPS)
    ap.add_argument("--digits", default="0,1,2,3,4,5,6,7,8,9")
    ap.add_argument("--before-seeds", default="0", help="seeds also projected with the earlier defaults (ratio)")
    ap.add_argument("--steps-256", type=int, default=20)
    ap.add_argument("--ui-steps", type=int, default=40)
    ap.add_argument("--ui-steps-256", type=int, default=10)
    ap.add_argument("--threads", type=int, default=2, help="the process's torch threads (the projector picks its own)")
    ap.add_argument("--skip", default="", help="comma list of parts to skip: 1,2,3,4,5")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    model = load_checkpoint(checkpoints_dir() / "stylegan2-digits.safetensors")
    skip = set(a.skip.split(","))
    if "1" not in skip:
        generated(model, [int(s) for s in a.seeds.split(",")], a.steps,
                  [int(s) for s in a.before_seeds.split(",") if s.strip()])
    if "2" not in skip:
        drawn(model, a.drawn_steps, [int(s) for s in a.digits.split(",")])
    if "3" not in skip:
        big(a.steps_256)
    if "4" not in skip:
        ui_lateness(a.ui_steps)
    if "5" not in skip:
        ui_lateness(a.ui_steps_256, big_model=True)


if __name__ == "__main__":
    main()
