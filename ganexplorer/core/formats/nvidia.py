"""NVIDIA StyleGAN2 network pickles (stylegan2-ada-pytorch and stylegan3's StyleGAN2).

The pickle has already been read by the restricted unpickler, so every network is an
inert :class:`PersistentObject`: class name, constructor arguments (``_init_args`` /
``_init_kwargs``) and tensors. We rebuild the generator from our own classes with those
arguments and copy the tensors by name (our names equal NVIDIA's).

stylegan2-ada-pytorch: ``Generator(z_dim, c_dim, w_dim, img_resolution, img_channels,
mapping_kwargs={}, synthesis_kwargs={})``; the stylegan3 repository's StyleGAN2 passes
the synthesis kwargs flat: ``Generator(..., mapping_kwargs={}, **synthesis_kwargs)``.

A record holds only the kwargs its constructor was called with; what it omits took the
defaults of the code that wrote it, and those differ between the two repositories (the
stylegan3 one clamps at 256 and marks 4 resolutions fp16 unless ``train.py --fp32``). So
the repository is detected first (:func:`detect_repository`) and its defaults filled in
(:func:`effective_settings`); the info text says which.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from ganexplorer.core.formats.bounds import build_bounded, check_finite, check_kwargs, numel
from ganexplorer.core.formats.errors import CheckpointError
from ganexplorer.core.formats.loaded import LoadedModel, load_weights
from ganexplorer.core.formats.persistent import PersistentObject
from ganexplorer.core.models.stylegan2 import Generator
from ganexplorer.core.models.stylegan2_discriminator import Discriminator
from ganexplorer.core.messages import message

_G_POSITIONAL = ("z_dim", "c_dim", "w_dim", "img_resolution", "img_channels", "mapping_kwargs", "synthesis_kwargs")
_D_POSITIONAL = ("c_dim", "img_resolution", "img_channels")
NETWORK_KEYS = ("G_ema", "G", "D")


def looks_like_nvidia(obj: Any) -> bool:
    return isinstance(obj, dict) and any(isinstance(obj.get(k), PersistentObject) for k in NETWORK_KEYS)


def _bind(rec: PersistentObject, positional: tuple[str, ...]) -> dict[str, Any]:
    kwargs = dict(zip(positional, rec.init_args))
    kwargs.update({str(k): v for k, v in rec.init_kwargs.items()})
    return kwargs


_PLAIN_BUDGET = 100_000  # values in one network's constructor arguments (real ones: a few dozen)


def _plain(obj: Any, budget: list[int] | None = None) -> Any:
    """EasyDicts and OrderedDicts -> dicts, recursively, so kwargs are plain data (a bounded walk)."""
    budget = [_PLAIN_BUDGET] if budget is None else budget
    budget[0] -= 1
    if budget[0] < 0:
        raise ValueError("constructor arguments larger than any network's")
    if isinstance(obj, dict):
        return {str(k): _plain(v, budget) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_plain(v, budget) for v in obj]
    if isinstance(obj, tuple):
        return tuple(_plain(v, budget) for v in obj)
    return obj


def _is_stylegan3(rec: PersistentObject) -> bool:
    # The reader's "networks_stylegan3" hint never matches a real file: stylegan3's
    # training/networks_stylegan3.py does not contain its own name (its docstring names the paper,
    # "Alias-Free Generative Adversarial Networks", L10). The structure is what tells: its
    # SynthesisNetwork has an ``input`` (SynthesisInput) child, StyleGAN2's never does.
    synth = rec.children.get("synthesis")
    if rec.module_name == "networks_stylegan3":
        return True
    return isinstance(synth, PersistentObject) and "input" in synth.children


# -- which repository wrote a record, and the defaults of its classes ------------------------------

ADA = "stylegan2-ada-pytorch"
SG3 = "stylegan3"
REPOSITORY_NAMES = {ADA: "stylegan2-ada-pytorch (training/networks.py)",
                    SG3: "stylegan3 repository (networks_stylegan2)"}

# Constructor defaults that differ between the repositories; every other default is the same in
# both and equals our classes' (diff of stylegan2-ada-pytorch@d72cc7d training/networks.py and
# stylegan3@c233a91 training/networks_stylegan2.py). ``where`` says which of our kwargs dicts holds it.
#   conv_clamp:   SynthesisBlock   ADA L339 None,  SG3 L373 256 (SynthesisNetwork passes it to every block)
#   num_fp16_res: SynthesisNetwork ADA L431 0,     SG3 L474 4
#   w_avg_beta:   MappingNetwork   ADA L185 0.995, SG3 L202 0.998 (only matters when w_avg is updated)
G_DEFAULTS: dict[str, dict[str, Any]] = {
    ADA: {"conv_clamp": None, "num_fp16_res": 0, "w_avg_beta": 0.995},
    SG3: {"conv_clamp": 256, "num_fp16_res": 4, "w_avg_beta": 0.998},
}
_G_WHERE = {"conv_clamp": "synthesis_kwargs", "num_fp16_res": "synthesis_kwargs", "w_avg_beta": "mapping_kwargs"}
#   Discriminator: num_fp16_res ADA L681 0 / SG3 L742 4; conv_clamp ADA L682 None / SG3 L743 256
#   (passed to every block and the epilogue, so their own None defaults never apply).
D_DEFAULTS: dict[str, dict[str, Any]] = {
    ADA: {"conv_clamp": None, "num_fp16_res": 0},
    SG3: {"conv_clamp": 256, "num_fp16_res": 4},
}
_BASE_G = ("z_dim", "c_dim", "w_dim", "img_resolution", "img_channels", "mapping_kwargs")


def detect_repository(rec: PersistentObject) -> tuple[str | None, str]:  # how: the code of the layout's sentence
    """(ADA, SG3 or None, how it was told) for an NVIDIA network record.

    The pickle names no module (both repositories pickle through
    ``torch_utils.persistence._reconstruct_persistent_obj``); what tells them apart is
    ``module_src``, the defining module's own source, of which the reader keeps a marker:
    only stylegan3's networks_stylegan2.py contains "networks_stylegan2" (docstring L9-12);
    a module defining ``modulated_conv2d`` without it is stylegan2-ada-pytorch's networks.py
    (stylegan3's alias-free networks are refused before this). Without a marker, a
    Generator's argument layout tells: ADA's Generator takes ``synthesis_kwargs`` as one dict
    (ADA L485, and its train.py always passes it, L176), stylegan3's takes them flat (SG3 L535)
    and accepts no such dict key.
    """
    if rec.module_name == "networks_stylegan2":
        return SG3, "fmt.layout_source"
    if rec.module_name == "def modulated_conv2d":
        return ADA, "fmt.layout_source"
    if rec.class_name == "Generator":
        kw = rec.init_kwargs
        if "synthesis_kwargs" in kw or len(rec.init_args) >= 7:
            return ADA, "fmt.layout_args"
        if any(str(k) not in _BASE_G for k in kw) or len(rec.init_args) > 6:
            return SG3, "fmt.layout_args"
    return None, ""


def _number_or_none(v: Any) -> bool:
    return v is None or (isinstance(v, (int, float)) and not isinstance(v, bool))


def _layer_records(rec: PersistentObject, names: tuple[str, ...]) -> list[PersistentObject]:
    """The block records ``b<res>`` of ``rec`` (a SynthesisNetwork or Discriminator) and their ``names`` children."""
    out = []
    for bname, block in rec.children.items():
        if not (isinstance(block, PersistentObject) and str(bname).startswith("b")):
            continue
        out.append(block)
        out += [c for n, c in block.children.items() if n in names and isinstance(c, PersistentObject)]
    return out


def _stated(records: list[PersistentObject], key: str) -> tuple[bool, Any]:
    """(True, value) when the records that state ``key`` in their own kwargs all state the same value."""
    values = [r.init_kwargs[key] for r in records if key in r.init_kwargs]
    if not values or not all(_number_or_none(v) and v == values[0] for v in values):
        return False, None
    return True, values[0]


def _fp16_from_blocks(blocks: list[PersistentObject]) -> int | None:
    """num_fp16_res reproducing the blocks' recorded ``use_fp16`` flags (they mark the n highest resolutions)."""
    flags = [b.init_kwargs.get("use_fp16") for b in blocks if "use_fp16" in b.init_kwargs]
    if not flags or not all(isinstance(f, bool) for f in flags):
        return None
    return sum(1 for f in flags if f)


@dataclass
class Settings:
    """What was filled in for kwargs a record omits: name -> (value, where it came from)."""

    filled: dict[str, tuple[Any, str]] = field(default_factory=dict)

    def text(self) -> str:
        by_source: dict[str, list[str]] = {}
        for name, (value, source) in self.filled.items():
            by_source.setdefault(source, []).append(f"{name}={value}")
        return "; ".join(message(source, items=", ".join(items)) for source, items in by_source.items())


def effective_settings(kwargs: dict[str, Any], stated_by_layers: dict[str, Any],
                       defaults: dict[str, Any] | None) -> Settings:
    """Fill the settings ``kwargs`` omits, in place, and say where each value came from.

    Order: the record's own kwargs; else the value its layers recorded (every SynthesisLayer,
    ToRGBLayer and D Conv2dLayer stores the ``conv_clamp`` it was built with, every block its
    ``use_fp16``: what the authors' code actually ran with, so it wins over a default we
    would infer, and it is all there is when the repository cannot be told); else the
    detected repository's class default; else nothing (our classes' defaults are ADA's).
    """
    out = Settings()
    for name in (defaults or stated_by_layers):
        if name in kwargs:
            continue
        if name in stated_by_layers:
            kwargs[name] = stated_by_layers[name]
            out.filled[name] = (stated_by_layers[name], "fmt.read_from_layers")
        elif defaults is not None:
            kwargs[name] = defaults[name]
            out.filled[name] = (defaults[name], "fmt.class_defaults")
    return out


def _g_layer_settings(rec: PersistentObject) -> dict[str, Any]:
    synth = rec.children.get("synthesis")
    if not isinstance(synth, PersistentObject):
        return {}
    found: dict[str, Any] = {}
    ok, clamp = _stated(_layer_records(synth, ("conv0", "conv1", "torgb")), "conv_clamp")
    if ok:
        found["conv_clamp"] = clamp
    n = synth.state.get("num_fp16_res")   # an attribute in stylegan3 (SG3 L483), absent in ADA
    if isinstance(n, int) and not isinstance(n, bool):
        found["num_fp16_res"] = n
    else:
        n = _fp16_from_blocks([b for b in _layer_records(synth, ()) if b.class_name == "SynthesisBlock"])
        if n is not None:
            found["num_fp16_res"] = n
    return found


def _d_layer_settings(rec: PersistentObject) -> dict[str, Any]:
    found: dict[str, Any] = {}
    blocks = [b for b in _layer_records(rec, ()) if b.class_name in ("DiscriminatorBlock", "DiscriminatorEpilogue")]
    ok, clamp = _stated(blocks, "conv_clamp")   # blocks and epilogue record the Discriminator's own value
    if ok:
        found["conv_clamp"] = clamp
    n = _fp16_from_blocks([b for b in blocks if b.class_name == "DiscriminatorBlock"])
    if n is not None:
        found["num_fp16_res"] = n
    return found


def generator_kwargs(rec: PersistentObject) -> dict[str, Any]:
    """Our Generator's kwargs from an NVIDIA Generator record (either repository's layout), as stated in it."""
    kw = _plain(_bind(rec, _G_POSITIONAL))
    base = {k: kw.pop(k) for k in ("z_dim", "c_dim", "w_dim", "img_resolution", "img_channels") if k in kw}
    mapping = kw.pop("mapping_kwargs", {}) or {}
    synthesis = kw.pop("synthesis_kwargs", None)
    if synthesis is None:  # stylegan3 repository: synthesis kwargs are the remaining flat kwargs
        synthesis = kw
    elif kw:
        synthesis = {**synthesis, **kw} if isinstance(synthesis, dict) else synthesis
    return dict(base, mapping_kwargs=mapping, synthesis_kwargs=synthesis)


def load_nvidia(path: Path, obj: dict) -> LoadedModel:
    """An NVIDIA network pickle (already read as inert records) as our Generator, never running its code.

    Long because each refusal (no G, another class, StyleGAN3, settings it cannot honour) is one sentence in
    the order a user's file meets them; the rebuilding itself is in ``effective_settings`` and the loaders.
    """
    key = next((k for k in ("G_ema", "G") if isinstance(obj.get(k), PersistentObject)), None)
    if key is None:
        raise CheckpointError(path, message("ckpt.only_discriminator"))
    rec: PersistentObject = obj[key]
    if rec.class_name != "Generator":
        raise CheckpointError(path, message("ckpt.not_generator_class", key=key, cls=rec.class_name))
    if _is_stylegan3(rec):
        raise CheckpointError(path, message("ckpt.stylegan3"))
    try:
        kwargs = generator_kwargs(rec)
    except (TypeError, ValueError) as e:
        raise CheckpointError(path, message("ckpt.bad_arguments", detail=e)) from None
    repo, how = detect_repository(rec)
    g_settings = Settings()
    if isinstance(kwargs["synthesis_kwargs"], dict) and isinstance(kwargs["mapping_kwargs"], dict):
        flat = {**kwargs["synthesis_kwargs"], **{k: v for k, v in kwargs["mapping_kwargs"].items()
                                                   if k == "w_avg_beta"}}
        g_settings = effective_settings(flat, _g_layer_settings(rec), G_DEFAULTS.get(repo) if repo else None)
        for name, (value, _) in g_settings.filled.items():
            kwargs[_G_WHERE[name]][name] = value
    check_kwargs(path, kwargs, "StyleGAN2 generator")
    state = rec.tensors()
    G = cast(Generator, build_bounded(path, lambda: Generator(**kwargs), numel(state), "StyleGAN2 generator"))
    load_weights(path, G, state, f"StyleGAN2 {key}")
    G.float().eval()
    check_finite(path, G)
    notes: list[str] = []
    if any(b.use_fp16 for b in G.synthesis.blocks()):
        notes.append(message("fmt.fp16_float32"))
    D = None
    d_settings = Settings()
    drec = obj.get("D")
    if isinstance(drec, PersistentObject) and drec.class_name == "Discriminator":
        try:
            d_kwargs = _plain(_bind(drec, _D_POSITIONAL))
            d_repo = detect_repository(drec)[0] or repo   # a D has no layout clue; it shares G's snapshot
            d_settings = effective_settings(d_kwargs, _d_layer_settings(drec),
                                            D_DEFAULTS.get(d_repo) if d_repo else None)
            check_kwargs(path, d_kwargs, "discriminator")
            d_state = drec.tensors()
            D = build_bounded(path, lambda: Discriminator(**d_kwargs), numel(d_state), "discriminator")
            load_weights(path, D, d_state, "StyleGAN2 D")
            D.float().eval()
            check_finite(path, D, "discriminator")
        except (TypeError, ValueError) as e:
            D = None
            notes.append(message("fmt.d_not_loaded", problem=e))
        except CheckpointError as e:
            D = None
            notes.append(message("fmt.d_not_loaded", problem=e.problem))
    meta: dict[str, Any] = {"layout": message(how, repository=REPOSITORY_NAMES[repo]) if repo else
                            message("fmt.layout_unknown")}
    parts = [message("fmt.for_g", settings=g_settings.text())] if g_settings.filled else []
    if D is not None and d_settings.filled:
        parts.append(message("fmt.for_d", settings=d_settings.text()))
    meta["defaults"] = "; ".join(parts) if parts else message("fmt.defaults_none")
    if isinstance(obj.get("training_set_kwargs"), dict):
        try:
            meta["training_set_kwargs"] = _plain(obj["training_set_kwargs"])
        except ValueError:
            notes.append(message("fmt.training_set_big"))
    return LoadedModel(G=G, D=D, family="stylegan2", format="nvidia-pickle", path=path, network=key,
                       notes=notes, metadata=meta)
