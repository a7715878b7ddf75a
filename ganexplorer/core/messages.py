"""Core's sentences for users, each with a code and named arguments, so every language can say them.

Core never imports Qt, and its errors travel as text: through exceptions, events, other threads and
the isolated reader process. A sentence is therefore made by :func:`message` from a code in
:data:`ENGLISH` and becomes a :class:`Message` — a ``str`` (the English sentence, so logs, ``str(e)``
and old callers keep working) that also carries ``code`` and ``args``. The GUI and the CLI translate
it by code (:func:`ganexplorer.core.locale.translate`). Where the type was lost on the way (a Qt
signal, a pickled event), :func:`parse` recognises the English text again from the same templates,
so there is still one source per sentence: rewording a template changes the sentence, its parser
and — through the code — its translations together, and a test fails when a code has no Korean.

Arguments are names, numbers and details (a file name, a class name, a library's own words); they
are shown as they are (made printable), and an argument that is itself a core sentence is translated
too.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache
from typing import Any

from ganexplorer.core.text import printable

ARG_LIMIT = 400   # characters of one argument quoted in a sentence: file-derived text can be anything long

# code -> English template with {named} fields. Grouped by where the sentence is said; the problem
# sentences ('is a FIFO ...') follow a file name: "'{path}': {problem}." (code 'file.frame').
ENGLISH: dict[str, str] = {
    # -- a file the user gave (checkpoints; the frame and what can be wrong with any file) --------------
    "file.frame": "'{path}': {problem}.",
    "file.frame_unnamed": "The checkpoint {problem}.",
    "file.missing": "does not exist",
    "file.folder": "is a folder, not a checkpoint file",
    "file.empty": "is empty",
    "file.too_large": "is too large to load into memory",
    "file.fifo": "is a FIFO (named pipe), not a file",
    "file.device": "is a device, not a file",
    "file.socket": "is a socket, not a file",
    "file.not_regular": "is not a regular file",
    "file.dangling_link": "is a symbolic link to a file that does not exist",
    "file.link_loop": "is a symbolic link that loops back on itself",
    "file.permission": "cannot be read (permission denied)",
    "file.changed": "changed while it was being read; open it again",
    "file.nested": "holds structures nested too deeply to read",
    "file.cancelled": "loading was cancelled",
    "file.unreadable": "could not be read ({detail})",
    "file.unopenable": "could not be opened ({detail})",
    "file.name_too_long": "has a name too long for this system",
    # -- checkpoint formats ------------------------------------------------------------------------------
    "ckpt.zip_damaged": "is a truncated or damaged zip archive",
    "ckpt.zip_no_data": "is a zip archive but not a readable torch checkpoint (it has no data.pkl)",
    "ckpt.zip_compression": "is a zip archive compressed in a way torch never writes",
    "ckpt.torch_storage_missing": "is a torch file that lacks the data of its storage {key}",
    "ckpt.unknown_kind": "is of an unknown kind {kind}",
    "ckpt.pickle_damaged": "is a damaged or truncated pickle ({detail})",
    "ckpt.safetensors_damaged": "is a damaged safetensors file ({detail})",
    "ckpt.safetensors_refused": "is a safetensors file ganexplorer will not read: {detail}",
    "ckpt.safetensors_no_header": "is a safetensors file without a ganexplorer header, so its architecture is unknown",
    "ckpt.pickle_code": "is a pickle that names {name}, which ganexplorer refuses to run; nothing was executed",
    "ckpt.torch_code": "is a torch file that names code ganexplorer will not run ({detail})",
    "ckpt.unpack_refused": "is a {what} ganexplorer will not unpack: it has {detail}",
    "ckpt.unknown_format": "is not a checkpoint ganexplorer knows: found {found}",
    "ckpt.unrecognised_bytes": "unrecognised bytes ({hex})",
    "ckpt.not_native": "is not a ganexplorer checkpoint",
    "ckpt.newer": "was written by a newer ganexplorer (format version {version})",
    "ckpt.unknown_family": "has a generator of an unknown family ({family})",
    "ckpt.tensorflow": ("is a TensorFlow StyleGAN pickle, which ganexplorer cannot read yet; "
                        "convert it with NVIDIA's legacy.py first"),
    "ckpt.stylegan3": ("holds a StyleGAN3 (alias-free) generator, which ganexplorer cannot render yet; "
                       "StyleGAN2 pickles from the same repository work"),
    "ckpt.only_discriminator": "is an NVIDIA network pickle that holds only a discriminator (no G_ema or G)",
    "ckpt.not_generator_class": "has a {key} of class {cls}, not a StyleGAN2 Generator",
    "ckpt.bad_arguments": "has a StyleGAN2 generator whose arguments cannot be read ({detail})",
    "ckpt.unknown_layout": "was read, but holds {found}, not a generator layout ganexplorer knows",
    "ckpt.dcgan_only_d": "holds only a DCGAN discriminator (under '{where}'), no generator to render",
    "ckpt.dcgan_layers": "holds a DCGAN-like generator whose layers are not ConvTranspose2d/BatchNorm2d pairs",
    "ckpt.dcgan_nz": "has a first layer with {inputs} inputs, which cannot hold nz={nz}",
    "ckpt.rosinality_channels": "has channel counts per resolution ({channels}) that no StyleGAN2 layout produces",
    "ckpt.rosinality_missing": "looks like a rosinality StyleGAN2 checkpoint but lacks the tensor {name}",
    "ckpt.rosinality_shapes": "looks like a rosinality StyleGAN2 checkpoint but its shapes do not fit ({detail})",
    "ckpt.tensors_misfit": "has a {what} whose tensors do not fit the architecture it describes ({detail})",
    "ckpt.tensors_unloadable": "has a {what} whose tensors could not be loaded ({detail})",
    "ckpt.larger_than_weights": "describes a {what} larger than the weights it holds ({count} numbers), so it was not built",
    "ckpt.zero_layer": "describes a {what} with a layer of size 0 (shape {shape})",
    "ckpt.unbuildable": "has a {what} description ganexplorer cannot build ({detail})",
    "ckpt.bad_weights": "holds {kind} weights in {where}, so its {what} cannot draw a picture",
    "ckpt.unsafe_timeout": "could not be read safely: the reader took longer than {seconds} s",
    "ckpt.unsafe_cpu": "could not be read safely: the reader took more than {seconds} s of processor time",
    "ckpt.unsafe_memory": "could not be read safely: the reader ran out of its {limit}",
    "ckpt.unsafe_crash": "could not be read safely: the reader crashed {detail}",
    "ckpt.unsafe_answer": "could not be read safely: the reader answered '{answer}'",
    "ckpt.unsafe": "could not be read safely: {detail}",
    # -- datasets ------------------------------------------------------------------------------------------
    "data.unknown": "unknown dataset '{spec}': use {choices}",
    "data.no_builtin": "there is no built-in dataset '{name}'; the built-in ones are 'digits' and 'shapes'",
    "data.missing": "'{path}' does not exist",
    "data.not_folder": "'{path}' is not a folder",
    "data.no_images": "'{path}' holds no images",
    # -- the guarded opener's problems (core/guarded.py) and the dataset readers (core/data) -----------------
    "file.folder_not_file": "is a folder, not a file",
    "file.bad_name": "is not a valid file name",
    "file.over_limit": "is {size}, more than the {limit} ganexplorer reads from {what}",
    "file.grew_over": "is more than the {limit} ganexplorer reads from {what}",
    "file.not_utf8": "is not UTF-8 text (byte {byte} cannot be decoded), not {what}",
    "data.too_many_images": "'{path}' holds {size} of images, more than the {limit} ganexplorer trains on; use a part of it",
    "data.too_many_drawings": ("'{path}' holds {size} of drawings, more than the {limit} ganexplorer trains on; "
                               "use a part of it"),
    "data.channels": "cannot turn {have}-channel images into {want} channels",
    "data.cifar_labels": "'{path}' has 'labels' that are not one integer label in 0..9 per image",
    "data.cifar_label_count": "'{path}' has {labels} labels for {count} images; expected one label per image",
    "data.cifar_code": "'{path}' is a pickle that names {name}, which ganexplorer refuses to run",
    "data.cifar_unreadable": "'{path}' is not a readable CIFAR-10 batch ({detail})",
    "data.cifar_not_dict": "'{path}' is not a CIFAR-10 batch (it holds a {kind})",
    "data.cifar_no_data": "'{path}' is not a CIFAR-10 batch (no 3072-wide 'data' array with 'labels')",
    "data.cifar_dtype": "'{path}' holds 'data' of type {dtype}; expected bytes (0..255)",
    "data.cifar_no_batches": "'{path}' holds no CIFAR-10 batches (data_batch_1 ... data_batch_5)",
    "data.no_images_of": "'{path}' holds no images ({extensions})",
    "data.none_readable": "none of the {count} image files in '{path}' could be read (first: {first}: {why})",
    "data.skipped_one": "skipped {count} unreadable image in '{path}' (first: {first}: {why})",
    "data.skipped": "skipped {count} unreadable images in '{path}' (first: {first}: {why})",
    "data.walk_cut": "looked at only the first {count} files and folders in '{path}'",
    "data.used_first": "used the first {used} of {count} images in '{path}'",
    "data.pixels_bomb": "is a picture of more than {million} million pixels, the most one may have",
    "data.pixels": "is {width} x {height} pixels, more than the {million} million pixels one picture may have",
    "data.not_image": "not a readable image ({detail})",
    "data.idx_truncated": "'{path}' is truncated: it should hold {expected} bytes of data but has {got}",
    "data.idx_magic": "'{path}' is not an IDX file (MNIST format): its first bytes are {head}",
    "data.idx_type": "'{path}' is an IDX file of type {kind}; only unsigned bytes (0x08) are supported",
    "data.idx_header": "'{path}' is truncated: its header is incomplete",
    "data.idx_extra": "'{path}' holds more data than its header says ({dims} bytes); it is not a plain IDX file",
    "data.idx_damaged": "'{path}' could not be read: it is a damaged or truncated IDX file ({detail})",
    "data.idx_shape": "'{path}' holds an IDX array of shape {shape}, not images [N, H, W]",
    "data.idx_side": "'{path}' holds images of {height} x {width} pixels; expected 1 to {most} pixels a side",
    "data.idx_label_shape": "'{path}' holds an IDX array of shape {shape}, not one label per image of '{images}'",
    "data.idx_label_count": ("'{path}' holds {labels} labels for {count} images in '{images}'; "
                             "expected one label per image"),
    "data.npy_unreadable": "'{path}' is not a readable NumPy file (.npy)",
    "data.npy_shape": ("'{path}' holds an array of shape {shape} and type {dtype}, "
                       "not Quick Draw bitmaps (N x 784, uint8, C order)"),
    "data.npy_truncated": "'{path}' is truncated: it should hold {expected} bytes of drawings but has {got}",
    "data.npy_changed": "'{path}' is truncated: it changed while it was read",
    "data.lines_cut": "read only the first {count} lines of '{path}'",
    "data.line_long": "'{path}' line {line} is longer than {limit} bytes; expected one Quick Draw drawing record per line",
    "data.line_not_utf8": "'{path}' line {line} is not UTF-8 text; expected one Quick Draw drawing record per line",
    "data.drawings_cut": "used the first {count} drawings of '{path}'",
    "data.line_not_record": ("'{path}' line {line} is not a Quick Draw drawing record "
                             "({{\"drawing\": [[xs, ys], ...]}} with coordinates in 0..255)"),
    "data.no_drawings": "'{path}' holds no drawings",
    "data.quickdraw_kind": "'{path}' is neither a Quick Draw .npy bitmap file nor a simplified .ndjson file",
    # -- training settings and resuming --------------------------------------------------------------------
    "train.range": "{name} must be in [{low}, {high}], not {value}",
    "train.at_least": "{name} must be >= {low}, not {value}",
    "train.at_most": "{name} must be <= {high}, not {value}",
    "train.finite": "{name} must be a finite number, not {value}",
    "train.other_model": "'{path}' holds a {found} model, not {wanted}",
    "train.misfit": "'{path}' does not fit {model} ({detail})",
    "ckpt.legacy_damaged": "is a legacy torch file that could not be read ({detail})",
    "ckpt.zip_unreadable": "is a zip archive but not a readable torch checkpoint ({detail})",
    # -- directions (SeFa, labels, directions files) ------------------------------------------------------
    "dirs.no_layers": "no synthesis conv layer uses a w index in {start}..{end}; choose another layer range",
    "dirs.not_style": "directions in w need a style-based generator (StyleGAN2)",
    "dirs.label_count": "there must be one label per seed",
    "dirs.seed_range": "seed {seed} is out of range: seeds are 0..{high}",
    "dirs.label_value": "a label must be 0 or 1, not {value}",
    "dirs.one_class": "every picture is labelled the same, so there is no boundary to find: label some {label} too",
    "dirs.few_labels": "at least {low} pictures of each label are needed (there are {n0} labelled 0 and {n1} labelled 1)",
    "dirs.no_boundary": "the labels gave no boundary in w (they may contradict each other)",
    "dirs.in_span": "the new direction lies within the directions held fixed, so nothing is left of it",
    "dirs.too_large": "is larger than a directions file can be ({limit})",
    "dirs.keys": "is an npz file with arrays a directions file does not have ({keys})",
    "dirs.not_npz": "is not a directions file (.npz of plain arrays): {detail}",
    "dirs.missing_key": "is not a directions file: it lacks the array '{key}'",
    "dirs.shape": "holds '{key}' as {found}, not {want}",
    "dirs.method": "names a method other than {methods}",
    "dirs.not_finite": "holds numbers that are NaN or infinite",
    "dirs.not_unit": "holds directions that are not unit vectors",
    "dirs.sigma": "holds a sigma that is not in (0, {high}]",
    "dirs.layers": "holds the layer range {start}..{end}, not within 0..{top}",
    "dirs.other_model": "holds directions for a model whose w has {found} numbers; this model's w has {wanted}",
    "dirs.labels_csv": "line {line} is not 'seed,label' with a whole seed and a label 0 or 1",
    "dirs.labels_many": "holds more than {limit} labels",
    # the explorer's state files (app/explorer_files.py)
    "state.not_json": "is not JSON, so not an explorer state file",
    "state.unshowable": "is not an explorer state file this app can show ({detail})",
    "dirs.labels_none": "holds no labels (lines of 'seed,label')",
    # -- the 2-D lab (core/lab2d): settings, targets, points files, a run that diverged ----------------------
    # (a non-finite setting is "train.finite"; a target's problem after the file's name is "file.frame")
    "lab2d.loss": "the loss must be one of {choices}, not {value}",
    "lab2d.whole": "{name} must be a whole number, not {value}",
    "lab2d.between": "{name} must be between {low} and {high}, not {value}",
    "lab2d.preset": "the preset must be one of {choices}, not {value}",
    "lab2d.target_unknown": "the target must be one of {choices} or a points file, not {value}",
    "lab2d.target_shape": "the points must be an array of shape [n, 2], not {shape}",
    "lab2d.target_not_finite": "the points contain NaN or infinite coordinates",
    "lab2d.target_few": "a target needs at least {low} points, this one has {count}",
    "lab2d.target_far": "the points lie too far out (coordinates beyond \u00b11000)",
    "lab2d.points_missing": "{path}: no such file",
    "lab2d.points_unopenable": "{path}: cannot be opened ({detail})",
    "lab2d.points_folder": "{path} is a folder, not a points file",
    "lab2d.points_not_regular": "{path} is not a regular file (a pipe, a device or a socket)",
    "lab2d.points_too_large": "{path} is {size} MiB; a points file may be at most {limit} MiB",
    "lab2d.points_grew": "{path} grew beyond {limit} MiB while it was read",
    "lab2d.points_not_text": "{path} is not a text file of x, y rows",
    "lab2d.points_line": "{path}, line {line}: expected two numbers x, y",
    "lab2d.points_line_count": "{path}, line {line}: expected two numbers x, y, found {found}",
    "lab2d.points_too_many": "{path} has more than {limit} points",
    "lab2d.points_pickle": "{path} holds Python objects (a pickle); only plain number arrays are read",
    "lab2d.points_bad_npy": "{path} is not a valid .npy array",
    "lab2d.points_archive": "{path} is an archive of arrays, not one .npy array",
    "lab2d.points_dtype": "{path} holds {dtype} values, not numbers",
    "lab2d.points_magic": "{path} is not a .npy array (it does not start with the .npy magic)",
    "lab2d.points_shape": "{path} holds an array of shape {shape}, not [n, 2] points",
    "lab2d.points_count": "{path} has {count} points; at most {limit} are read",
    "lab2d.points_not_finite": "{path} contains NaN or infinite coordinates",
    "lab2d.diverged": "The run diverged at step {step} ({reason}); it was stopped.",
    "lab2d.reason_loss": "a loss became NaN or infinite",
    "lab2d.reason_runaway": "the losses ran away beyond 10^6",
    "lab2d.reason_weight": "a weight became NaN or infinite",
    "lab2d.reason_samples": "the generated samples flew off beyond 10^4",
    # -- C (issues 22, 26): downloads, training runs and their settings, the devices, files written, animations --
    "data.dl_unknown": "unknown download '{name}': use mnist, fashion-mnist or quickdraw:CATEGORY",
    "data.dl_category": "name a Quick Draw category, e.g. quickdraw:cat",
    "data.dl_too_large": "the download of {url} is larger than {limit} bytes; it is not the expected file",
    "data.dl_cut": "the download of {url} stopped after {done} of {total} bytes",
    "data.dl_cut_at": "the download of {url} stopped after {done} bytes",
    "data.dl_wrong": "the download of {url} is incomplete or not the expected file ({problem})",
    "data.dl_size": "{size} bytes instead of {want}",
    "data.dl_sha": "its SHA-256 is not the published one",
    "data.dl_not_npy": "it is not a NumPy array (an error page?)",
    "data.dl_npy_size": "{got} bytes of data instead of {need}",
    "data.dl_not_http": "could not download {url}: the server did not answer in HTTP",
    "data.dl_offline": "could not download {url} ({reason}); are you online?",
    "train.choice": "{name} must be one of {choices}, not {value}",
    "train.device": "--device must be auto, cpu, cuda, cuda:N or mps, not {value}",
    "train.basic": "batch size must be >= 2, learning rate > 0, beta1 in [0, 1), D steps >= 1",
    "train.intervals": "checkpoint intervals must be >= 0 (0 = off)",
    "train.sg2_batch": "StyleGAN2 batch size must be a multiple of 4 (minibatch-std groups of 4)",
    "train.sg2_settings": "R1 gamma and PL weight must be >= 0, intervals >= 1, mixing probability in [0, 1]",
    "train.augment": "unknown augmentation {name}: use translation, cutout or both",
    "train.not_conditional": "{model} is not a conditional model; pick a -cond preset",
    "train.no_labels": "{model} is conditional but '{dataset}' has no labels",
    "train.classes": "'{dataset}' has {count} classes; {model} takes {most}",
    "train.resume_nothing": "nothing to resume: no checkpoint and no run folder given",
    "train.resume_missing": "nothing to resume: {path} does not exist",
    "train.not_ckpt": "'{path}' is not a ganexplorer checkpoint",
    "train.not_training_ckpt": "'{path}' is not a training checkpoint of ganexplorer (no training settings inside)",
    "train.resumed": "resumed at step {step} (epoch {epoch})",
    "train.nan": ("training stopped at step {step}: a loss became NaN or infinite; "
                  "the last good checkpoint is kept"),
    "train.log_line": "Epoch {epoch} step {step}: D {d_loss} (D(x) {d_real}, D(G(z)) {d_fake}) G {g_loss}",
    "train.opening": "opening {data}\u2026",
    "train.building": "building {model}\u2026",
    "train.building_from": "building {model} from {path}\u2026",
    "train.locked": ("'{folder}' is in use by another training run (another run); stop that run first, "
                     "or train into another folder"),
    "train.locked_pid": ("'{folder}' is in use by another training run (process {pid}); stop that run first, "
                         "or train into another folder"),
    "train.locked_pid_host": ("'{folder}' is in use by another training run (process {pid} on {host}); "
                              "stop that run first, or train into another folder"),
    "train.world_numbers": "RANK, WORLD_SIZE and LOCAL_RANK must be whole numbers (set by torchrun)",
    "train.world_rank": "RANK {rank} is outside WORLD_SIZE {size}",
    "train.world_cuda_n": ("under torchrun each process takes the GPU of its LOCAL_RANK: give --device cuda "
                           "(choose GPUs with CUDA_VISIBLE_DEVICES)"),
    "train.world_mps": "training on several processes needs CUDA or the CPU, not MPS",
    "train.world_no_gpu": ("LOCAL_RANK {rank} has no GPU: this machine has {count}; "
                           "start at most that many processes per node"),
    "train.world_batch": "--batch {batch} must be a multiple of the number of processes ({count})",
    "train.world_batch_small": "--batch {batch} leaves fewer than 2 images per process; give at least {least}",
    "train.world_sg2": ("StyleGAN2 needs a batch per process that is a multiple of 4 (minibatch-std groups of 4): "
                        "--batch {batch} over {count} processes gives {local}"),
    "train.few_images": "the dataset has {count} images, fewer than one batch of {batch}",
    "train.no_cuda_index": "there is no CUDA device {index}: this machine has {count} (cuda:0 to cuda:{last})",
    "device.no_cuda": "no CUDA device is available to this PyTorch build",
    "device.no_mps": "Apple's MPS device is not available here",
    "io.write": "could not write {path}: {why}",
    "io.write_kept": "could not write {path}: {why}; {kept}",
    "io.disk_full": "the disk is full",
    "io.permission": "permission denied",
    "io.kept_checkpoint": "the last good checkpoint is kept",
    "io.training_stopped": "training stopped",
    "render.no_frames": "no frames to write",
    "render.mp4_extra": "writing MP4 needs the video extra: pip install 'ganexplorer[video]'",
    "render.mp4_ffmpeg": "writing MP4 needs ffmpeg ({detail}); install ffmpeg or save a .gif instead",
    "render.animation_format": "unknown animation format '{suffix}': use .gif or .mp4",
    "render.seed": "seed must be in 0..{most}, not {value}",
    "render.numbers_bad": "'{text}' is not a list of numbers and ranges like 0-3,7",
    "render.numbers_empty": "the list of numbers is empty",
    "render.no_layer": "the model has no layer named '{name}'",
    "render.z_length": "z has {count} values but this model needs {need}",
    "render.class_label": "class label must be in 0..{most}, not {value}",
    "render.w_shape": "this w is {rows} x {cols} numbers, but this model takes {takes} (or {one})",
    "render.mixing": "style mixing needs a style-based generator (StyleGAN2)",
    "render.preview": "this model cannot preview at {size} px",
    "render.cutoff": "truncation cutoff must be >= 0",
    "render.w_rows": "an explicit w needs rows of one length",
    "render.variation": "stochastic variation needs a style-based generator (StyleGAN2) with noise inputs",
    "render.style_indices": "style indices must be in 0..{most}",
    "render.walk_seeds": "a latent walk needs at least two keyframe seeds",
    # the log's lines on a terminal (applog's stderr handler; the log file stays English)
    "log.warning": "ganexplorer: warning: {text}",
    "log.error": "ganexplorer: error: {text}",
    "log.critical": "ganexplorer: critical: {text}",
    # the digit classifier and the quality report (core/metrics)
    "metrics.no_labels": "'{name}' has no labels to train a classifier on",
    # the networks (core/models)
    "model.class_needed": "this model is conditional: give a class label in 0..{most}",
    "model.class_range": "class label must be in 0..{most}",
    "model.unknown_arch": "unknown architecture {name}; choose one of {choices}",
    "metrics.summary": ("{confident} confident, {coverage}/10 classes, largest {largest}, Fr\u00e9chet {frechet} "
                        "(real-vs-real floor {floor}, {samples} samples)"),
    # projection (core/project: helper E's sentences, given codes by C)
    "proj.archive_big": "{path}: the archive unpacks to too much to be a projected latent",
    "proj.key_w": "{path}: expected the key 'z' (it holds 'w': made for a StyleGAN2 model)",
    "proj.key_z": "{path}: expected the key 'w' (it holds 'z': made for a DCGAN or MLP model)",
    "proj.key_missing": "{path}: expected the key '{want}' (it holds {keys})",
    "proj.not_npz": "{path}: not a NumPy .npz file ({detail})",
    "proj.dtype": "{path}: the latent holds {dtype} values, not floating-point numbers",
    "proj.w_shape": "{path}: w has shape {shape}, but this model takes [1, {num_ws}, {w_dim}]",
    "proj.z_shape": "{path}: z has shape {shape}, but this model takes [1, {z_dim}]",
    "proj.not_finite": "{path}: the latent holds values that are not finite (nan or inf)",
    "proj.pixels_bomb": ("{name}: the picture says it is {width} x {height} pixels, more than the {million} "
                         "megapixels a target may have (a decompression bomb?)"),
    "proj.not_picture": "{name}: this is not a picture Pillow can read (PNG, JPEG, BMP, GIF, WebP, TIFF ...)",
    "proj.too_large": "{name}: the picture is too large to decode safely (a decompression bomb?)",
    "proj.undecodable": "{name}: the picture cannot be decoded ({detail}); is the file truncated or damaged?",
    "proj.pixels_type": "{name}: expected uint8 pixels [H, W] or [H, W, 1|3], got {dtype} {shape}",
    "proj.too_small": "{name}: the picture is {width} x {height} pixels; a target needs at least {least}",
    "proj.space_z": "a StyleGAN2 model projects into w or w+, not z",
    "proj.space_w": "this {family} model has no w: it projects into z",
    "proj.steps": "the number of steps must be in 1..{most}, not {value}",
    "proj.seed": "the seed must be in 0..{most}, not {value}",
    "proj.picture_every": "a picture must be shown at least every step (picture_every >= 1)",
    "proj.perceptual": "the perceptual weight must be a finite number >= 0",
    "proj.trial_steps": "each class needs at least one trial step (trial_steps >= 1)",
    "proj.threads": "the projection needs at least one thread",
    "proj.target_shape": "the target is {shape}, the model draws {drawn}",
    "proj.class_range": "the class must be in 0..{most}",
    "proj.not_conditional": "a class was given, but this model is not conditional",
    # C2 (issue 26): what the command line prints: layer tables, the self-test, devices and ops, a file's notes,
    # the 1-D demo's lines and the 2-D lab's coverage
    "summary.layer": "Layer",
    "summary.type": "Type",
    "summary.shape": "Output shape",
    "summary.params": "Param #",
    "summary.total": "Total parameters: {count}",
    "summary.trainable": "Trainable parameters: {count}",
    "selftest.passed": ("self-test passed: rendered {models}; {steps} DCGAN-32 training steps (D {d}, G {g}); "
                        "{seconds} s"),
    "selftest.no_models": "no bundled models in {folder}",
    "selftest.blank": "{name} rendered a blank or malformed image {shape}",
    "selftest.training": "DCGAN-32 training produced {steps} steps or non-finite losses",
    "device.cpu": "CPU ({threads} threads)",
    "device.cpu_one": "CPU (1 thread)",
    "device.none_cuda": "no CUDA device",
    "device.none_cuda_cpu_build": "no CUDA device (CPU-only PyTorch build)",
    "ops.not_tried": "not tried yet (no CUDA tensor seen)",
    "ops.built": "Triton {version} kernels built and checked on {device}",
    "ops.failed": "fused kernels failed: {reason}",
    "ops.switched_off": "switched off (GANEXPLORER_OPS=reference or the 'reference ops' setting)",
    "fmt.noise_random": "the file stores no constant noise; a fixed random one is used",
    "fmt.w_avg_estimated": "w_avg estimated from {count} samples (the file has no latent_avg)",
    "fmt.d_not_loaded": "its discriminator was not loaded ({problem})",
    "fmt.fp16_float32": "fp16 layers run in float32 on the CPU",
    "fmt.training_set_big": "its training_set_kwargs were too large to keep",
    "fmt.read_conditional": "read as conditional: nz {nz} + {classes} labels (override nz if wrong)",
    "fmt.layout_source": "{repository}, from its module source",
    "fmt.layout_args": "{repository}, from its argument layout",
    "fmt.layout_unknown": "repository not recognised (no source marker or argument layout)",
    "fmt.read_from_layers": "read from its layers: {items}",
    "fmt.class_defaults": "class defaults applied: {items}",
    "fmt.for_g": "for G, {settings}",
    "fmt.for_d": "for D, {settings}",
    "fmt.defaults_none": "none (the file states every setting that differs)",
    "demo1d.log": ("Epoch {epoch}: D ({real_err} real_err, {fake_err} fake_err) G ({g_err} err); "
                   "Real Dist ({real}), Fake Dist ({fake})"),
    "demo1d.done": "Done: {epochs} epochs",
    "demo1d.stopped": "Stopped after {epochs} of {planned} epochs",
    "demo1d.summary": "{head} in {seconds} s; learned mean {mean} (target {mu}), std {std} (target {sigma})",
    "demo1d.whole": "{name} must be a whole number between {low} and {high}, not {value}",
    "demo1d.preprocess": "pre-processing must be one of {choices}",
    "lab2d.coverage": "{modes}/{total} modes, {share}% high quality",
    "log.uncaught": "uncaught exception in thread {thread}",
    "log.details": "(details in {path})",
    # C3 (issue 26): what was done to a projection's target picture, the distance it is measured by, and the
    # window's start-up errors said on the terminal
    "target.first_frame": "only the first frame of the animation is used",
    "target.palette": "palette colours converted to RGB",
    "target.grey_16": "16-bit grey reduced to 8 bits",
    "target.grey_fine": "high-precision grey reduced to 8 bits",
    "target.transparent": "transparent parts made black",
    "target.mode_rgb": "{mode} colours converted to RGB",
    "target.cropped": "cropped from {width} x {height} to the centre {square}",
    "target.to_grey": "colours converted to grey (the model draws grey pictures)",
    "target.to_colour": "grey copied to three channels (the model draws colour pictures)",
    "target.enlarged": "enlarged from {before} to {after}",
    "target.resized": "resized from {before} to {after}",
    "target.reduced": "read at 1/{factor} of its {size} first, to save memory",
    "proj.distance": "pixels at {scales} px",
    "proj.distance_features": "pixels at {scales} px + {weight} x digit-classifier features",
    "gui.no_display": ("the window needs a display, and this session has none (DISPLAY and WAYLAND_DISPLAY are not "
                       "set); --screenshot works without one"),
    "gui.not_written": "could not write {path}",
}


class Message(str):
    """An English sentence that remembers its ``code`` and ``args`` (see the module docstring)."""

    code: str
    args: dict[str, str]

    def __new__(cls, code: str, args: dict[str, str], text: str) -> Message:
        self = super().__new__(cls, text)
        self.code = code
        self.args = args
        return self

    def __str__(self) -> str:
        return self   # keep the code through str(exc) and str(msg)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Message, (self.code, dict(self.args), str.__str__(self)))


def _shown(value: object) -> str:
    """An argument as the sentence shows it: a Message stays one (so it can be translated), the rest printable."""
    if isinstance(value, Message):
        return value
    return printable(value, limit=ARG_LIMIT)


def message(code: str, **args: object) -> Message:
    """The sentence ``code`` with its fields filled in; a missing or extra field is a programming error."""
    template = ENGLISH[code]
    wanted = fields_of(template)
    if set(args) != wanted:
        raise KeyError(f"message {code!r} takes {sorted(wanted)}, not {sorted(args)}")
    shown = {k: _shown(v) for k, v in args.items()}
    return Message(code, shown, template.format(**shown))


def fields_of(template: str) -> set[str]:
    """The named fields of a template ('{path}' ...)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@lru_cache(maxsize=None)
def _pattern(code: str) -> re.Pattern[str]:
    """A template as a regular expression whose groups are its fields (lazy, so the literal text anchors them)."""
    out = []
    for literal, name, _, _ in string.Formatter().parse(ENGLISH[code]):
        out.append(re.escape(literal))
        if name:
            out.append(f"(?P<{name}>.+?)")
    return re.compile("".join(out).rstrip(r"\.") + r"\.?", re.S)


def _specificity(code: str) -> int:
    """Longer literal text first: 'could not be read safely: the reader crashed {detail}' before '... {detail}'."""
    return -sum(len(lit) for lit, _, _, _ in string.Formatter().parse(ENGLISH[code]))


_ORDER = sorted(ENGLISH, key=_specificity)


def parse(text: str) -> Message | None:
    """``text`` as the Message it was made as, when it is one of core's sentences (None otherwise)."""
    if isinstance(text, Message):
        return text
    text = text.strip()
    for code in _ORDER:
        m = _pattern(code).fullmatch(text)
        if m:
            args = {k: (parse(v) or v) for k, v in m.groupdict().items()}
            return Message(code, args, text)
    return None
