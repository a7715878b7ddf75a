"""`project`: find the latent that draws a given picture (NVIDIA projector.py's flags and files).

Writes DIR/target.png (the target as the model sees it), DIR/proj.png, DIR/projected_w.npz
([1, num_ws, w_dim], key ``w``; z models: projected_z.npz, key ``z``) and, with --save-video,
DIR/proj.mp4 (target beside the attempt, every step). Prints the final distance and PSNR.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from ganexplorer.cli.common import AddCommand, load, progress
from ganexplorer.cli.errors import UsageError
from ganexplorer.cli.i18n import say, t


def cmd_project(args: argparse.Namespace) -> int:
    from ganexplorer.core.device import pick_device
    from ganexplorer.core.project.files import save_projected
    from ganexplorer.core.project.projector import MAX_STEPS, ProjectSettings, Projector, check_space
    from ganexplorer.core.project.target import load_target
    from ganexplorer.core.render.images import save_png

    from ganexplorer.core.project.projector import DEFAULT_STEPS

    args.num_steps = DEFAULT_STEPS if args.num_steps is None else args.num_steps
    if not 1 <= args.num_steps <= MAX_STEPS:
        raise UsageError(t("--num-steps must be in 1..{most}", most=MAX_STEPS))
    if not 0 <= args.seed < 2 ** 32:
        raise UsageError(t("--seed must be in 0..{most}", most=2 ** 32 - 1))
    if args.save_video and Path(args.outdir, "proj.mp4").exists() and not Path(args.outdir, "proj.mp4").is_file():
        raise UsageError(t("{path} exists and is not a file", path=Path(args.outdir, "proj.mp4")))
    model = load(args.network, args.nz)
    space = args.space or ("w" if model.is_style_based else "z")
    try:
        check_space(model, space)
    except ValueError as e:
        raise UsageError(f"--space {space}: {say(str(e))}") from None
    if args.class_idx is not None and not 0 <= args.class_idx < max(1, model.c_dim):
        raise UsageError(t("--class must be in 0..{most}", most=model.c_dim - 1) if model.c_dim
                         else t("--class was given, but this model is not conditional"))
    target = load_target(args.target, model.resolution, model.channels)
    if not args.quiet:
        for note in target.notes:
            print(t("target: {note}", note=say(note)), file=sys.stderr)
    outdir = Path(args.outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    save_png(target.rgb(), outdir / "target.png")
    settings = ProjectSettings(space=space, num_steps=args.num_steps, seed=args.seed,
                               optimize_noise=args.optimize_noise, label=args.class_idx,
                               picture_every=1 if args.save_video else max(1, args.num_steps // 20))
    projector = Projector(model, target.tensor(), settings, pick_device(args.device))
    frames: list[np.ndarray] = []
    final = None
    bar = progress(range(projector.total_steps), projector.total_steps, t("project"), args.quiet)
    bar.unit = t("step")   # the shared bar counts pictures; this one counts steps
    bar.refresh()
    trying = None
    for ev in projector.run():
        if ev.trial and ev.label != trying:
            trying = ev.label
            bar.set_description(t("project, trying class {label}", label=trying), refresh=False)
        elif not ev.trial and trying is not None:
            trying = None
            bar.set_description(t("project, class {label}", label=ev.label), refresh=False)
            if not args.quiet:
                bar.write(_tried_line(ev.label, ev.tried, settings.steps_per_trial), file=sys.stderr)
        if ev.step:
            bar.update(1)
            bar.set_postfix_str(t("distance {distance}", distance=f"{ev.distance:.4f}"), refresh=False)
        if args.save_video and ev.picture is not None:
            frames.append(np.concatenate([target.rgb(), ev.picture], axis=1))
        if ev.done:
            final = ev
    bar.close()
    assert final is not None and final.picture is not None and final.latent is not None
    save_png(final.picture, outdir / "proj.png")
    if space == "z":
        npz = save_projected(outdir / "projected_z.npz", "z", final.latent)
    else:
        w = final.latent if space == "w+" else np.repeat(final.latent[None], model.num_ws, axis=0)
        npz = save_projected(outdir / "projected_w.npz", "w", w, final.noise)
    if args.save_video:
        from ganexplorer.core.render.video import write_animation

        write_animation(frames, outdir / "proj.mp4", fps=60)
    if not args.quiet:
        cls = t(", class {label}", label=final.label) if final.label is not None else ""
        cls += t(" (the best of {count} tried)", count=len(final.tried)) if final.tried else ""
        print(t("distance {distance} ({kind}), PSNR {psnr} dB after {steps} steps in {space}{cls}; "
                "wrote {picture} and {npz}", distance=f"{final.distance:.5f}", kind=say(projector.distance.description),
                psnr=f"{final.psnr:.2f}", steps=final.step, space=space, cls=cls, picture=outdir / "proj.png",
                npz=npz))
    return 0


def _tried_line(label: int, tried: tuple[float, ...], steps: int) -> str:
    """Which class won the trials, and every class's distance after its trial steps."""
    each = ", ".join(f"{c}: {d:.4f}" for c, d in enumerate(tried))
    return t("class {label} fits best after {steps} steps each (distances {each}); finishing it", label=label,
             steps=steps, each=each)


def add_commands(add: AddCommand) -> None:
    """Register project."""
    p = add("project", cmd_project, "find the latent that draws a picture (a photo, a drawing)")
    p.add_argument("--network", required=True, help="checkpoint file")
    p.add_argument("--target", required=True, help="the picture to project (PNG, JPEG, ...)")
    p.add_argument("--outdir", required=True)
    p.add_argument("--num-steps", type=int, default=None, help="optimisation steps (default 200)")
    p.add_argument("--seed", type=int, default=303, help="seed of the noise added early on (default 303)")
    p.add_argument("--space", choices=["w", "w+", "z"], default=None,
                   help="w: one vector, stays editable (default); w+: one per layer; z: DCGAN / MLP models")
    p.add_argument("--optimize-noise", action="store_true", help="also fit the noise maps (saved in the .npz)")
    p.add_argument("--save-video", action="store_true", help="also write proj.mp4 (target beside each step)")
    p.add_argument("--class", dest="class_idx", type=int, default=None,
                   help="class of a conditional model (default: each class is tried for a tenth of the steps, "
                        "the best one finished)")
    p.add_argument("--device", choices=["auto", "cpu", "cuda", "mps"], default=None,
                   help="where to run (default auto: CUDA, then MPS, then CPU)")


def generate_projected(args: argparse.Namespace) -> int:
    """``generate --projected-w FILE``: render a projected latent (ours or NVIDIA's) to DIR/proj00.png."""
    import torch

    from ganexplorer.cli.common import check_label, check_render_options, renderer
    from ganexplorer.core.project.files import load_projected
    from ganexplorer.core.render import RenderRequest
    from ganexplorer.core.render.images import save_png

    if args.seeds is not None:
        raise UsageError(t("give --seeds or --projected-w, not both"))
    check_render_options(args)
    model = load(args.network, args.nz)
    check_label(model, args.class_idx)
    p = load_projected(args.projected_w, model.num_ws, model.w_dim, model.z_dim, model.is_style_based)
    if p.noise:   # fitted noise maps (project --optimize-noise): they replace the stored ones in this run only
        layers = dict(model.G.named_modules())
        for name, arr in p.noise.items():
            buf = getattr(layers.get(name), "noise_const", None)
            if not isinstance(buf, torch.Tensor) or tuple(buf.shape) != arr.shape or not np.isfinite(arr).all():
                raise UsageError(t("{path}: its noise map '{name}' does not fit this model", path=args.projected_w,
                                   name=name[:60]))
            with torch.no_grad():
                buf.copy_(torch.from_numpy(arr))
    req = RenderRequest(psi=args.trunc, cutoff=args.trunc_cutoff, noise_mode=args.noise_mode, label=args.class_idx)
    if p.kind == "w":
        req = req.with_(w=tuple(tuple(float(v) for v in row) for row in p.latent))
    else:
        req = req.with_(z=tuple(float(v) for v in p.latent))
    res = renderer(model, args.device).render(req)
    outdir = Path(args.outdir)
    out = save_png(res.rgb, outdir / "proj00.png")
    if not args.quiet:
        print(t("wrote {out}", out=out))
    return 0
