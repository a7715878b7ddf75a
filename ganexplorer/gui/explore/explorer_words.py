"""The words the Explore tab shows: captions of pictures, band names of layer ranges, the model's
info strip, file stems and the help page. Pure presentation of a request or a model, translated.

``ExplorerWords`` is told the model, its principal directions and the device (``set_model``,
``directions``); it reads nothing of the panel's.
"""

from __future__ import annotations

import html

import torch
from PySide6.QtCore import QObject

from ganexplorer.app.explorer_state import PCA, ExplorerState
from ganexplorer.core.device import device_label
from ganexplorer.gui.common.core_text import translate_core
from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.render import RenderRequest, bands
from ganexplorer.core.render.directions import Directions

IMAGE, VARIATION, GRID, LAYERS = range(4)   # the view tabs (as view_pages adds them)


def ranges_text(values, dash: str = "-") -> str:
    """[0, 1, 2, 3, 7] -> '0-3,7' (what the channel field accepts; '\u2013' for reading)."""
    vals = sorted({int(v) for v in values})
    out, k = [], 0
    while k < len(vals):
        j = k
        while j + 1 < len(vals) and vals[j + 1] == vals[j] + 1:
            j += 1
        out.append(str(vals[k]) if j == k else f"{vals[k]}{dash}{vals[j]}")
        k = j + 1
    return ",".join(out) if dash == "-" else ", ".join(out)


def short_layer(name: str) -> str:
    """'synthesis.b8.conv1' -> 'b8.conv1' (the part a student recognises)."""
    return name.removeprefix("synthesis.")


class ExplorerWords(QObject):
    """The Explore tab's words for the loaded model (``model``), its PCA (``directions``) and ``device``."""

    def __init__(self, device: torch.device, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.device = device
        self.model: LoadedModel | None = None
        self.directions: Directions | None = None

    def set_model(self, model: LoadedModel | None) -> None:
        """A new model: its directions are not known yet."""
        self.model, self.directions = model, None

    def help_html(self, view: int) -> str:
        """'What am I looking at?' for the Explore tab, about the view tab ``view``."""
        intro = self.tr("<p>A <b>generator</b> turns a random vector <i>z</i> (picked by the <b>seed</b>) into a picture. A style-based generator (StyleGAN2) first maps z to <i>w</i> and feeds w to every layer; the early layers work on coarse resolutions (4\u00b2\u20138\u00b2: pose, shape), the middle ones on 16\u00b2\u201332\u00b2, the fine ones on 64\u00b2 and up (colour, texture).</p>")
        legend = self.band_legend()
        if legend:
            intro += "<p>" + self.tr("This model: {0}.").format(legend) + "</p>"
        elif self.model is not None:
            intro += "<p>" + self.tr("This {0} feeds z straight into its first layer: it has no w per layer and no noise inputs, so Stochastic variation, Mixing grid, noise and style mixing are switched off.").format(self.family_name(self.model)) + "</p>"
        pages = {
            IMAGE: self.tr("<p><b>Image</b>: the picture for the current settings; the caption underneath says how it was made. Try the seed arrows, \u03c8 (truncation toward the average picture), the z sliders (offsets added to z) and the w directions (moves along the main directions of w, in \u03c3). The seed grid blends the ws of nearby seeds; A \u2212 B + C does arithmetic on ws.</p>"),
            VARIATION: self.tr("<p><b>Stochastic variation</b>: the same w rendered with many different noise inputs; each pixel's colour is how much it changed (standard deviation, in pixel levels 0\u2013255, see the colour bar). Bright places are details the noise decides (texture, strands); dark places are fixed by w.</p>"),
            GRID: self.tr("<p><b>Mixing grid</b>: the top row and the left column are the seeds themselves; every other picture is its row's seed with the chosen layers taken from its column's seed. Coarse layers copy pose and shape, fine layers only colour and texture.</p>"),
            LAYERS: self.tr("<p><b>Layers</b>: 16 feature maps (channels) of one layer for the current picture. Type channel numbers to switch them off (set them to zero): the picture changes, a red badge says so on the Image tab, and the switched-off maps are shown black. Each layer keeps its own list.</p>"),
        }
        return intro + pages.get(view, "")

    def family_name(self, m: LoadedModel) -> str:
        return {"mlp": "MLP GAN"}.get(m.family, "DCGAN" if m.family.startswith("dcgan") else m.family)

    def info_text(self, m: LoadedModel) -> str:
        """The info strip (rich text): everything that came from the file or its name is escaped, so a crafted
        name or metadata shows as text, never as markup."""
        d = m.describe()
        esc = html.escape
        name = esc(m.path.name) if m.path else esc(m.network)   # a Train-tab snapshot: its notes name the run
        latent = [f"z {d['z_dim']}"] + ([f"w {d['w_dim']}", f"num_ws {d['num_ws']}"] if m.is_style_based else [])
        parts = [f"<b>{name}</b>", esc(str(d['family'])), f"{d['resolution']}\u00b2\u00d7{d['channels']}", *latent,
                 self.tr("{0} parameters").format(f"{d['G_parameters']:,}"),
                 self.tr("device: {0}").format(translate_core(device_label(self.device))),
                 self._ops_text(m)]
        if d["labels"]:
            parts.insert(3, self.tr("{0} classes").format(d["labels"]))
        text = " \u00b7 ".join(parts)
        training = m.metadata.get("training")
        quality = m.metadata.get("quality")
        facts = []
        if isinstance(training, dict) and training.get("step"):
            facts.append(self.tr("trained {0} steps on {1}").format(esc(str(training["step"])),
                                                                   esc(str(training.get("dataset", "?")))))
        if isinstance(quality, dict) and quality:
            try:
                facts.append(self.tr(
                "digit classifier on {0} samples: {1:.0%} confident, {2}/10 classes, largest {3:.0%}, Fr\u00e9chet distance {4:.2f} (real data: {5:.2f})").format(
                    int(quality["samples"]), float(quality["confident_share"]), int(quality["coverage"]),
                    float(quality["largest_share"]), float(quality["frechet"]), float(quality["frechet_floor"])))
            except (KeyError, TypeError, ValueError):   # the file's own JSON: not always what we wrote
                pass
        if facts:
            text += "<br>" + " \u00b7 ".join(facts)
        if m.notes:
            text += "<br><i>" + esc("; ".join(translate_core(n) for n in m.notes)) + "</i>"
        return text

    def _ops_text(self, m: LoadedModel) -> str:
        from ganexplorer.core.ops import fused
        from ganexplorer.core.ops.fastpath import reference_path_enabled

        if self.device.type == "cuda":
            impl, why = fused.status()["upfirdn2d"]
            if impl.startswith("fused"):
                return self.tr("ops: fused GPU (Triton)")
            return self.tr("ops: reference (PyTorch) \u2014 {0}").format(why)
        if m.is_style_based and not reference_path_enabled():
            return self.tr("ops: CPU fast path (PyTorch)")
        return self.tr("ops: reference (PyTorch)")

    def band_name(self, name: str) -> str:
        words = {"coarse": self.tr("coarse"), "middle": self.tr("middle"), "fine": self.tr("fine")}
        return " + ".join(words.get(n, n) for n in name.split("+"))

    def band_legend(self) -> str:
        """E.g. 'layers 0–3 coarse (4²–8²) · 4–7 middle (16²–32²) · this 32² model has no fine band'."""
        m = self.model
        if m is None or not m.is_style_based:
            return ""
        spans = bands.band_spans(m.num_ws, m.resolution)
        parts = [self.tr("{0} {1} ({2})").format(bands.layers(s.first, s.last), self.band_name(s.name),
                                                  bands.squares(s.lo, s.hi)) for s in spans]
        text = self.tr("layers {0}").format(" \u00b7 ".join(parts))
        missing = bands.missing_bands(m.num_ws, m.resolution)
        if missing:
            text += " \u00b7 " + self.tr("this {0}\u00b2 model has no {1} band").format(
                m.resolution, self.tr(" or ").join(self.band_name(n) for n in missing))
        return text

    def range_words(self, start: int, end: int) -> str:
        """'layers 0–3: coarse (4²–8²)' for the w layers [start, end); '' for a non-style model."""
        m = self.model
        if m is None or not m.is_style_based:
            return ""
        span = bands.range_bands(start, end, m.num_ws, m.resolution)
        if span is None:
            return self.tr("empty range: b must be larger than a")
        return self.tr("layers {0}: {1} ({2})").format(bands.layers(span.first, span.last),
                                                        self.band_name(span.name), bands.squares(span.lo, span.hi))

    def caption_text(self, req: RenderRequest, state: ExplorerState | None = None, preview: bool = False) -> str:
        """One line saying what the picture made from ``req`` is (seed, blend, walk frame, settings);
        ``state`` is the explorer state ``req`` was built from (how a blend came about, which PCs moved)."""
        parts = [self._what_words(req, state.source if state is not None else ())]
        if req.z_offsets:
            parts.append(self.tr("z offsets {0}").format(", ".join(f"z[{i}] {v:+.2f}" for i, v in req.z_offsets)))
        if state is not None:
            parts += self._edit_words(state)
        parts += self._setting_words(req)
        if preview:
            parts.append(self.tr("preview \u2014 refining\u2026"))
        return " \u00b7 ".join(parts)

    def _what_words(self, req: RenderRequest, source: tuple) -> str:
        """'seed 7', 'seed grid blend of …', 'walk frame …', with the mixed layers if any."""
        m = self.model
        if source and source[0] == "walk":
            _, k, n, seeds, space = source
            main = self.tr("walk frame {0}/{1} ({2}: seeds {3})").format(
                k, n, space, " \u2192 ".join(str(s) for s in seeds + seeds[:1]))
        elif source and source[0] == "projected":   # the seed no longer says what the picture starts from
            main = self.tr("projected image (in {0})").format(source[1] if len(source) > 1 else "w")
        elif source and source[0] == "arith":
            main = self.tr("A \u2212 B + C of seeds {0}, {1}, {2}").format(*source[1:4])
        elif req.w_blend and (source and source[0] == "pad"):
            main = self.tr("seed grid blend of {0}").format(
                ", ".join(f"{s} ({w:.0%})".replace("%", " %") for s, w in req.w_blend))
        elif req.w_blend:
            main = self.tr("blend of seeds {0}").format(", ".join(f"{s} ({w:+.2f})" for s, w in req.w_blend))
        elif req.z is not None:
            main = self.tr("a custom z")
        else:
            main = self.tr("seed {0}").format(req.seed)
        if req.mix_seed is not None and m is not None:
            span = bands.range_bands(req.mix_start, m.num_ws if req.mix_end is None else req.mix_end,
                                     m.num_ws, m.resolution)
            if span is not None:
                main += " " + self.tr("with layers {0} from seed {1} ({2})").format(
                    bands.layers(span.first, span.last), req.mix_seed, self.band_name(span.name))
        return main

    def _edit_words(self, state: ExplorerState) -> list[str]:
        """'PC0 +2.0σ on layers 1–3' for each w edit the picture has (the state keeps them by component)."""
        d, m = self.directions, self.model
        n_ws = m.num_ws if m is not None else 1
        out = []
        for e in state.w_edits:
            if e.set_name != PCA:
                named = {s.name: s for s in state.direction_sets}.get(e.set_name)
                if named is not None and e.component < len(named) and e.sigmas:
                    out.append(f"{e.set_name}[{e.component}] {e.sigmas:+.1f}\u03c3")
                continue
            if d is None or e.component >= len(d.vectors) or e.sigmas == 0:
                continue
            end = n_ws if e.layer_end is None else e.layer_end
            where = "" if (e.layer_start == 0 and end >= n_ws) else " " + self.tr("on layers {0}").format(
                bands.layers(e.layer_start, end - 1))
            out.append(f"PC{e.component} {e.sigmas:+.1f}\u03c3{where}")
        return out

    def _setting_words(self, req: RenderRequest) -> list[str]:
        """Truncation, class, noise and switch-offs, each only when it is not the default."""
        m, parts = self.model, []
        if req.psi != 1:
            psi = f"\u03c8 = {req.psi:.2f}"
            if req.cutoff:
                psi += " " + self.tr("on layers {0}").format(bands.layers(0, req.cutoff - 1))
            parts.append(psi)
        if req.label is not None and m is not None and m.c_dim:
            parts.append(self.tr("class {0}").format(req.label))
        if m is not None and m.is_style_based:
            if req.noise_mode == "random":
                parts.append(self.tr("random noise (seed {0})").format(req.noise_seed))
            elif req.noise_mode == "none":
                parts.append(self.tr("no noise"))
            if req.noise_mode != "none" and req.noise_strength != 1:
                parts.append(self.tr("noise \u00d7 {0:.2f}").format(req.noise_strength))
        if req.ablations:
            parts.append(self.tr("switched off: {0}").format("; ".join(
                self.tr("{0} channels {1}").format(short_layer(n), ranges_text(c, "\u2013")) for n, c in req.ablations)))
        return parts

    def ablation_words(self, ablations: tuple) -> str:
        """'b8.conv1 channels 0–3' for each layer with switched-off channels ('' when none)."""
        return "; ".join(self.tr("{0} channels {1}").format(short_layer(n), ranges_text(c, "\u2013"))
                         for n, c in ablations)

    @staticmethod
    def stem_for(req: RenderRequest, source: tuple) -> str:
        """A file stem naming the picture: 'seed0042', 'seed0042-mix7', 'arith-3-7-9', 'walk-frame012'."""
        if source and source[0] == "walk":
            return f"walk-frame{source[1]:03d}"
        if source and source[0] == "arith":
            return "arith-{}-{}-{}".format(*source[1:4])
        if source and source[0] == "projected":
            return "projected-" + str(source[1] if len(source) > 1 else "w").replace("+", "plus")
        if req.w_blend:
            return "blend-" + "-".join(str(s) for s, _ in req.w_blend)
        if req.z is not None:
            return "custom-z"
        stem = f"seed{req.seed:04d}"
        if req.mix_seed is not None:
            stem += f"-mix{req.mix_seed}"
        return stem
