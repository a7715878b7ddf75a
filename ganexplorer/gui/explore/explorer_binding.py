"""State binding for the Explore tab: widgets send the user's edits to the controller, and every new
ExplorerState is shown in the widgets again. Nothing here computes a picture or keeps a second copy
of what the user chose; the state lives in ``ganexplorer.app.explorer_controller``.
"""

from __future__ import annotations

from collections.abc import Callable

from ganexplorer.app.explorer_state import PCA, ExplorerState
from ganexplorer.core.render import RenderRequest
from ganexplorer.core.render.blend import blend_position
from ganexplorer.core.render.latents import parse_int_list
from ganexplorer.core.render.walk import walk_request
from ganexplorer.gui.explore.explorer_words import ranges_text


class StateBinding:
    """Mixin of ExplorerPanel: ``_connect_controls`` (widgets -> edits) and ``state_changed`` (state -> widgets)."""

    def _edit(self, fn: Callable) -> Callable:
        """A slot that forwards a widget's signal as an edit, except while the panel itself sets widgets."""
        def slot(*args: object) -> None:
            if not self._building:
                fn(*args)
        return slot

    def _connect_controls(self) -> None:
        c, edit = self.controller, self._edit
        self.seed.valueChanged.connect(edit(c.set_seed))
        self.label_combo.currentIndexChanged.connect(edit(lambda _: c.update(label=self.label_combo.currentData())))
        self.force_fp32.toggled.connect(edit(lambda on: c.update(force_fp32=bool(on))))
        self.psi.valueChanged.connect(edit(c.set_psi))
        self.cutoff.valueChanged.connect(edit(lambda v: c.update(cutoff=int(v))))
        self.noise_mode.currentIndexChanged.connect(
            edit(lambda _: c.update(noise_mode=self.noise_mode.currentData() or "const")))
        self.noise_strength.valueChanged.connect(edit(lambda v: c.update(noise_strength=float(v))))
        self.noise_seed.valueChanged.connect(edit(lambda v: c.update(noise_seed=int(v))))
        self.mix_on.toggled.connect(edit(lambda on: c.update(mix_on=bool(on))))
        self.mix_seed.valueChanged.connect(edit(lambda v: c.update(mix_seed=int(v))))
        for box in (self.mix_start, self.mix_end):
            box.valueChanged.connect(edit(lambda _: c.update(mix_start=self.mix_start.value(),
                                                             mix_end=self.mix_end.value())))
        for box in (self.w_start, self.w_end):
            box.valueChanged.connect(edit(lambda _: c.set_w_range(self.w_start.value(), self.w_end.value())))
        for i, s in enumerate(self.z_sliders):
            s.valueChanged.connect(edit(lambda v, i=i: c.set_z_offset(i, v)))
        for i, s in enumerate(self.w_sliders):
            s.valueChanged.connect(edit(lambda v, i=i: c.set_edit(i, v)))
        self.z_reset.clicked.connect(lambda: c.reset_z())
        self.w_reset.clicked.connect(lambda: c.reset_w())
        self.pad.moved.connect(edit(lambda blend: c.set_blend(tuple(blend), ("pad",))))
        for box in self.arith:
            box.valueChanged.connect(edit(lambda _: c.update(arith=tuple(b.value() for b in self.arith))))
        self.arith_button.clicked.connect(self.show_arithmetic)
        self._connect_walk()
        self.views.currentChanged.connect(edit(lambda i: c.update(view=int(i))))

    def _connect_walk(self) -> None:
        w, c, edit = self.walk, self.controller, self._edit
        w.frame.connect(self._walk_frame)
        w.export.connect(self.export_walk)
        w.message.connect(self.status)
        w.seeds.textChanged.connect(edit(lambda text: c.set_walk(seeds=text)))
        w.space.currentIndexChanged.connect(edit(lambda _: c.set_walk(space=w.space.currentData() or "w")))
        w.frames.valueChanged.connect(edit(lambda v: c.set_walk(frames=int(v))))
        w.fps.valueChanged.connect(edit(lambda v: c.set_walk(fps=int(v))))
        w.loop.toggled.connect(edit(lambda on: c.set_walk(loop=bool(on))))
        w.export_size.valueChanged.connect(edit(lambda v: c.set_walk(export_side=int(v))))

    # -- edits that need a word from the panel ----------------------------------------------------
    def show_arithmetic(self) -> None:
        self.controller.show_arithmetic()

    def _walk_frame(self, seeds, i: int, j: int, t: float, space: str) -> None:
        if self.model is None:
            return
        req = walk_request(RenderRequest(), list(seeds), i, j, t, space, self.model.z_dim)
        self.controller.set_walk_frame(req, ("walk", self.walk.index, self.walk.frames.value(), tuple(seeds), space))

    def _ablation_typed(self) -> None:
        layer, text = self.layer_combo.currentText(), self.ablate_edit.text().strip()
        if not layer:
            return
        try:
            channels = tuple(parse_int_list(text)) if text else ()
        except ValueError:
            self.status.emit(self.tr("Channels to switch off must look like 0-7,12"))
            return
        self.controller.set_ablation(layer, channels)

    def _channel_clicked(self, channel: int) -> None:
        """A click on a Layers tile switches its channel off, or back on."""
        layer = self.layer_combo.currentText()
        if layer:
            off = set(dict(self.controller.state.ablations).get(layer, ())) ^ {int(channel)}
            self.controller.set_ablation(layer, tuple(sorted(off)))

    def _layer_changed(self, *_: object) -> None:
        """Show the selected layer's own switch-offs (they stay with their layer)."""
        self.ablate_edit.setText(ranges_text(dict(self.controller.state.ablations).get(self.layer_combo.currentText(),
                                                                                         ())))
        self._refresh_layer_view()

    def clear_switch_offs(self) -> None:
        self.controller.clear_ablations()
        self.ablate_edit.clear()

    # -- state -> widgets -------------------------------------------------------------------------
    def state_changed(self, state: ExplorerState, old: ExplorerState) -> None:
        """The controller has a new state: show what changed in it and render what it asks for.

        Only the widgets whose field changed are touched (one slider tick sets one widget); after a new
        model or an opened file (``_show_all``) every widget is set, since their ranges changed too."""
        full, self._show_all = self._show_all, False
        changed = (lambda *names: True) if full else (
            lambda *names: any(getattr(state, n) != getattr(old, n) for n in names))
        self._show_state(state, old, changed)
        if changed("mix_start", "mix_end", "w_start", "w_end"):
            self._update_range_words()
        if changed("noise_mode"):
            self.noise_strength.setEnabled(state.noise_mode != "none")   # (the group is off for a DCGAN)
            self.noise_seed.setEnabled(state.noise_mode == "random")
        if changed("ablations"):
            self._update_ablation_labels()
        if changed("zoom"):
            for view in (self.image_view, self.variation_view, self.grid_view, self.layer_view):
                view.set_zoom(state.zoom)
        if ("arith",) in (state.source[:1], old.source[:1]):   # A − B + C beside its picture, kept up to date
            self._show_arith_strip(state.source)
        self.request_render()

    def _show_state(self, s: ExplorerState, old: ExplorerState, changed: Callable[..., bool]) -> None:
        self._building = True
        try:
            if changed("seed"):
                self.seed.setValue(s.seed)
                self.pad.set_base(s.seed)
            if changed("seed", "blend", "source"):
                dot = blend_position(s.blend, s.seed, self.pad.columns) if s.source == ("pad",) else None
                if dot is not None:
                    self.pad.show_position(*dot)
            if changed("label") and s.label is not None:
                self.label_combo.setCurrentIndex(max(0, self.label_combo.findData(s.label)))
            for name, widget in (("force_fp32", self.force_fp32),):
                if changed(name):
                    widget.setChecked(getattr(s, name))
            for name in ("psi", "cutoff", "noise_strength", "noise_seed", "mix_seed", "mix_start", "mix_end",
                         "w_start", "w_end"):
                if changed(name):
                    getattr(self, name).setValue(getattr(s, name))
            if changed("noise_mode"):
                self.noise_mode.setCurrentIndex(max(0, self.noise_mode.findData(s.noise_mode)))
            if changed("mix_on"):
                self.mix_on.setChecked(s.mix_on)
            if changed("z_offsets", "w_edits"):
                self._show_sliders(s)
            if changed("arith"):
                for box, v in zip(self.arith, s.arith):
                    box.setValue(v)
            if changed("walk"):
                self._show_walk(s)
            if changed("view"):
                self.views.setCurrentIndex(s.view)
            if changed("ablations"):
                layer = self.layer_combo.currentText()
                if s.ablations and layer not in dict(s.ablations):
                    self.layer_combo.setCurrentIndex(max(0, self.layer_combo.findText(s.ablations[0][0])))
                    layer = self.layer_combo.currentText()
                self._show_channels(dict(s.ablations).get(layer, ()))
        finally:
            self._building = False

    def _show_channels(self, channels: tuple[int, ...]) -> None:
        """The switched-off channels of the selected layer, unless the field already says them as typed."""
        try:
            typed = tuple(sorted(set(parse_int_list(self.ablate_edit.text())))) if self.ablate_edit.text().strip() else ()
        except ValueError:
            typed = None
        if typed != tuple(channels):
            self.ablate_edit.setText(ranges_text(channels))

    def _show_sliders(self, s: ExplorerState) -> None:
        for sliders, values in ((self.z_sliders, dict(s.z_offsets)),
                                (self.w_sliders, {e.component: e.sigmas for e in s.w_edits if e.set_name == PCA})):
            for i, slider in enumerate(sliders):
                if slider.value() != values.get(i, 0.0):
                    slider.setValue(values.get(i, 0.0))

    def _show_walk(self, s: ExplorerState) -> None:
        w, k = self.walk, s.walk
        if w.seeds.text() != k.seeds:
            w.seeds.setText(k.seeds)
        w.space.setCurrentIndex(max(0, w.space.findData(k.space)))
        w.frames.setValue(k.frames)
        w.fps.setValue(k.fps)
        w.loop.setChecked(k.loop)
        w.export_size.setValue(k.export_side)
