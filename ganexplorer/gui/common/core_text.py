"""Show core's English error sentences in the user's language.

``ganexplorer.core`` never imports Qt, so its errors are English sentences built from a
frame and a problem: ``'PATH': PROBLEM.`` (``CheckpointError``) or a plain sentence
(``DatasetError``). This module recognises the sentences users meet most — a missing, empty,
foreign, damaged or unsafe file, a model ganexplorer cannot build — and re-says them through
``tr()``, keeping the file name and any detail (a class name, a version) as they are.
A sentence it does not know is shown unchanged, so nothing is ever lost in translation.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject


class CoreText(QObject):
    """Translator of core sentences; one instance is enough (the table is built per call to follow the language)."""

    def _problems(self) -> list[tuple[str, str]]:
        """(regular expression over the English problem, translated template with {0}, {1}... for its groups).

        A table, long because core has that many sentences; lupdate needs each ``self.tr`` literal here."""
        return [
            (r"does not exist", self.tr("does not exist")),
            (r"is a folder, not a checkpoint file", self.tr("is a folder, not a checkpoint file")),
            (r"is empty", self.tr("is empty")),
            (r"is too large to load into memory", self.tr("is too large to load into memory")),
            (r"is a truncated or damaged zip archive", self.tr("is a truncated or damaged zip archive")),
            (r"is a damaged or truncated pickle \((.*)\)", self.tr("is a damaged or truncated pickle ({0})")),
            (r"is a damaged safetensors file \((.*)\)", self.tr("is a damaged safetensors file ({0})")),
            (r"is a pickle that names (.*), which ganexplorer refuses to run; nothing was executed",
             self.tr("is a pickle that names {0}, which ganexplorer refuses to run; nothing was executed")),
            (r"is a torch file that names code ganexplorer will not run \((.*)\)",
             self.tr("is a torch file that names code ganexplorer will not run ({0})")),
            (r"is not a checkpoint ganexplorer knows: found (.*)",
             self.tr("is not a checkpoint ganexplorer knows: found {0}")),
            (r"is not a ganexplorer checkpoint", self.tr("is not a ganexplorer checkpoint")),
            (r"was written by a newer ganexplorer \(format version (.*)\)",
             self.tr("was written by a newer ganexplorer (format version {0})")),
            (r"is a TensorFlow StyleGAN pickle, which ganexplorer cannot read yet; "
             r"convert it with NVIDIA's legacy\.py first",
             self.tr("is a TensorFlow StyleGAN pickle, which ganexplorer cannot read yet; "
                     "convert it with NVIDIA's legacy.py first")),
            (r"holds a StyleGAN3 \(alias-free\) generator, which ganexplorer cannot render yet; "
             r"StyleGAN2 pickles from the same repository work",
             self.tr("holds a StyleGAN3 (alias-free) generator, which ganexplorer cannot render yet; "
                     "StyleGAN2 pickles from the same repository work")),
            (r"is an NVIDIA network pickle that holds only a discriminator \(no G_ema or G\)",
             self.tr("is an NVIDIA network pickle that holds only a discriminator (no G_ema or G)")),
            (r"is a safetensors file without a ganexplorer header, so its architecture is unknown",
             self.tr("is a safetensors file without a ganexplorer header, so its architecture is unknown")),
            (r"was read, but holds (.*), not a generator layout ganexplorer knows",
             self.tr("was read, but holds {0}, not a generator layout ganexplorer knows")),
            # what a hostile or odd file gets (core.formats: the isolated reader and its checks)
            (r"is a FIFO \(named pipe\), not a file", self.tr("is a FIFO (named pipe), not a file")),
            (r"is a device, not a file", self.tr("is a device, not a file")),
            (r"is a socket, not a file", self.tr("is a socket, not a file")),
            (r"is not a regular file", self.tr("is not a regular file")),
            (r"is a symbolic link to a file that does not exist",
             self.tr("is a symbolic link to a file that does not exist")),
            (r"is a symbolic link that loops back on itself", self.tr("is a symbolic link that loops back on itself")),
            (r"cannot be read \(permission denied\)", self.tr("cannot be read (permission denied)")),
            (r"loading was cancelled", self.tr("loading was cancelled")),
            (r"changed while it was being read; open it again",
             self.tr("changed while it was being read; open it again")),
            (r"holds structures nested too deeply to read", self.tr("holds structures nested too deeply to read")),
            (r"could not be read safely: the reader took longer than (.*) s",
             self.tr("could not be read safely: the reader took longer than {0} s")),
            (r"could not be read safely: the reader took more than (.*) s of processor time",
             self.tr("could not be read safely: the reader took more than {0} s of processor time")),
            (r"could not be read safely: the reader ran out of its (.*)",
             self.tr("could not be read safely: the reader ran out of its {0}")),
            (r"could not be read safely: the reader crashed (.*)",
             self.tr("could not be read safely: the reader crashed {0}")),
            (r"could not be read safely: (.*)", self.tr("could not be read safely: {0}")),
            (r"is a pickle ganexplorer will not unpack: it has (.*)",
             self.tr("is a pickle ganexplorer will not unpack: it has {0}")),
            (r"is a torch file ganexplorer will not unpack: it has (.*)",
             self.tr("is a torch file ganexplorer will not unpack: it has {0}")),
            (r"is a safetensors file ganexplorer will not read: (.*)",
             self.tr("is a safetensors file ganexplorer will not read: {0}")),
            (r"holds NaN weights in (.*), so its generator cannot draw a picture",
             self.tr("holds NaN weights in {0}, so its generator cannot draw a picture")),
            (r"holds infinite weights in (.*), so its generator cannot draw a picture",
             self.tr("holds infinite weights in {0}, so its generator cannot draw a picture")),
            (r"describes a generator larger than the weights it holds (.*)",
             self.tr("describes a generator larger than the weights it holds {0}")),
            (r"describes a generator with a layer of size 0 \(shape (.*)\)",
             self.tr("describes a generator with a layer of size 0 (shape {0})")),
        ]

    def _sentences(self) -> list[tuple[str, str]]:
        """Whole sentences without a file frame (datasets, training)."""
        return [
            (r"unknown dataset '(.*)': use (.*)", self.tr("unknown dataset '{0}': use {1}")),
            (r"'(.*)' holds no images", self.tr("'{0}' holds no images")),
            # resuming a run with another architecture (core.train.checkpoint.restore_checkpoint)
            (r"'(.*)' holds a (.*) model, not (.*)", self.tr("'{0}' holds a {1} model, not {2}")),
            (r"'(.*)' does not fit (\S+) \((.*)\)", self.tr("'{0}' does not fit {1} ({2})")),
            (r"'(.*)' does not exist", self.tr("'{0}' does not exist")),
            # a training setting outside the range written beside it (core.train.config)
            (r"(\S+) must be in \[(.*), (.*)\], not (.*)", self.tr("{0} must be between {1} and {2}, not {3}")),
            (r"(\S+) must be a finite number, not (.*)", self.tr("{0} must be a finite number, not {1}")),
        ]

    def translate(self, message: str) -> str:
        """``message`` in the current UI language where it is a known core sentence; otherwise as it is."""
        text = message.strip()
        framed = re.fullmatch(r"('.*'|The checkpoint): (.*?)\.?", text, flags=re.S)
        if framed:
            name, problem = framed.groups()
            for pattern, template in self._problems():
                m = re.fullmatch(pattern, problem, flags=re.S)
                if m:
                    if name == "The checkpoint":
                        return self.tr("The checkpoint {0}.").format(template.format(*m.groups()))
                    return self.tr("{0}: {1}.").format(name, template.format(*m.groups()))
        for pattern, template in self._sentences():
            m = re.fullmatch(pattern + r"\.?", text, flags=re.S)
            if m:
                return template.format(*m.groups())
        return message


_instance: CoreText | None = None


def translate_core(message: str) -> str:
    """Module-level shortcut for :meth:`CoreText.translate` (created on first use, on the UI thread)."""
    global _instance
    if _instance is None:
        _instance = CoreText()
    return _instance.translate(message)
