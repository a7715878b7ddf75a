"""How the explorer feels: UI-thread stalls and frames per second during a slider drag.

For each model: opens the window offscreen, drags the truncation slider for a few seconds
(one step every 10 ms, as a mouse drag does), and reports, measured in this run:
- the worst and 99th-percentile lateness of a 5 ms UI timer (a stalled event loop shows here),
- renders per second achieved by the inference worker and the bare synthesis time per image,
- how many of the slider positions were rendered (the rest were superseded, by design),
- the UI thread's own cost of one slider step (widget -> controller -> request -> worker, median us):
  what issue 22 item 2's "one trip" is about.

Before/after in one run: ``--before DIR`` also runs the same measurement on another checkout (e.g.
``git worktree add /tmp/before 2d07ace``) in a child process, alternating, and prints both.

Usage: QT_QPA_PLATFORM=offscreen python benchmarks/bench_gui.py [--seconds 5]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import torch  # noqa: E402
from PySide6.QtCore import QSettings, QTimer  # noqa: E402

from ganexplorer.core.formats.loaded import LoadedModel  # noqa: E402
from ganexplorer.core.models.registry import build_preset  # noqa: E402
from ganexplorer.core.render import RenderRequest, Renderer  # noqa: E402
from ganexplorer.gui.app import make_app  # noqa: E402


def measure(name: str, seconds: float) -> dict:
    from ganexplorer.gui.window.main_window import MainWindow

    app = make_app()
    torch.manual_seed(0)
    G, _ = build_preset(name)
    model = LoadedModel(G=G.eval(), family="stylegan2" if name.startswith("stylegan2") else "dcgan", format="native")
    r = Renderer(model)
    for _ in range(2):
        r.render(RenderRequest(seed=1))
    t0 = time.perf_counter()
    n = 5
    for i in range(n):
        r.render(RenderRequest(seed=1, psi=0.5 + i * 0.01))
    direct_ms = (time.perf_counter() - t0) / n * 1000

    settings = QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings)
    win.resize(1280, 860)
    win.show()
    win.show_model(model)
    win.worker.wait_until_idle(120)
    app.processEvents()
    lateness: list[float] = []
    last = [time.perf_counter()]

    stamps: list[float] = []

    def tick() -> None:
        now = time.perf_counter()
        lateness.append(max(0.0, now - last[0] - 0.005))
        stamps.append(now)
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    e = win.explorer
    start_renders = win.worker.render_count
    shown = [0]
    win.worker.rendered.connect(lambda *_: shown.__setitem__(0, shown[0] + 1))
    steps = 0
    t_start = time.perf_counter()
    t_end = t_start + seconds
    direction = 1
    step_us: list[float] = []
    while time.perf_counter() < t_end:
        v = e.psi.slider.value()
        if v >= e.psi.slider.maximum() - 1 or v <= 1:
            direction = -direction
        t_step = time.perf_counter()
        e.psi.slider.setValue(v + direction)
        step_us.append((time.perf_counter() - t_step) * 1e6)
        steps += 1
        deadline = time.perf_counter() + 0.010
        while time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.001)
    elapsed = seconds
    timer.stop()  # before waiting: the wait below blocks the UI thread on purpose
    win.worker.wait_until_idle(120)
    app.processEvents()
    renders = win.worker.render_count - start_renders
    lat = np.array(lateness) * 1000
    win.close()
    worst_at = stamps[int(lat.argmax())] - t_start
    return dict(model=name, direct_ms=direct_ms, steps=steps, renders=renders, fps=renders / elapsed,
                worst_ms=float(lat.max()), p99_ms=float(np.percentile(lat, 99)), over30=int((lat > 30).sum()),
                worst_at=worst_at, step_us=float(np.median(step_us)))


HEADER = (f"{'code':<8}{'model':<16}{'render ms':>10}{'fps':>8}{'renders/steps':>16}{'worst stall ms':>16}"
          f"{'at s':>7}{'p99 ms':>9}{'>30 ms':>8}{'step us':>9}")


def row(code: str, m: dict) -> str:
    return (f"{code:<8}{m['model']:<16}{m['direct_ms']:>10.1f}{m['fps']:>8.1f}{m['renders']:>8}/{m['steps']:<7}"
            f"{m['worst_ms']:>16.1f}{m['worst_at']:>7.2f}{m['p99_ms']:>9.1f}{m['over30']:>8}{m['step_us']:>9.0f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--models", default="dcgan64,stylegan2-256")
    ap.add_argument("--before", default=None, metavar="DIR", help="another checkout to measure in the same run")
    ap.add_argument("--one", default=None, help=argparse.SUPPRESS)   # child process: one model, one line
    args = ap.parse_args()
    torch.set_num_threads(min(2, os.cpu_count() or 1))
    if args.one:
        m = measure(args.one, args.seconds)
        print("RESULT " + repr(m))
        return
    import ast
    import subprocess

    print(HEADER)
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    trees = [("after", here)] + ([("before", os.path.abspath(args.before))] if args.before else [])
    for name in args.models.split(","):
        for code, tree in trees:   # alternating, each in a fresh process on its own checkout
            env = {**os.environ, "PYTHONPATH": tree}
            p = subprocess.run([sys.executable, os.path.abspath(__file__), "--one", name, "--seconds",
                                str(args.seconds)], cwd=tree, env=env, capture_output=True, text=True)
            line = next((x for x in p.stdout.splitlines() if x.startswith("RESULT ")), None)
            print(row(code, ast.literal_eval(line[7:])) if line else f"{code:<8}{name:<16} failed: {p.stderr[-300:]}")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
