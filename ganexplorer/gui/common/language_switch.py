"""Switching the window's language while it runs (Settings ▸ Language), with nothing reloaded or lost.

Qt's own widgets (file dialogs, standard buttons) re-read their texts when a translator is installed.
Ours set theirs once, with ``self.tr()``, when they are built; rather than teach every widget to rebuild
its texts, a switch maps each text on screen through the loaded catalogues, old language → English
source → new language:

1. ``Catalogue.read(qm)`` reads a compiled translation (``.qm``: the English source, its context and its
   translation for every message; the ``.ts`` need not ship).
2. ``TextMap(old, new)`` maps one text: exactly (a label, a tooltip, a menu entry), else through a
   template with ``{0}``-style arguments ("Loaded {0}", "8 directions from {0} samples"), the arguments
   mapped too where they are translated words. Where one English source has two translations, the
   context of the widget's own class (or an ancestor's) decides.
3. ``shown_texts(roots)`` walks every text a user can see in the widgets under ``roots`` — labels,
   buttons, group titles, tab texts and tooltips, combo items, placeholders, spin box affixes, window
   titles, tooltips, actions (menus included), the status bar's message and pyqtgraph's plot titles,
   axis labels and legends — each with a setter; ``retranslate(roots, text_map)`` sets each mapped text.
   The same walk lets a test read everything the window shows (tests/test_gui_korean.py).

A text built from several translated pieces (an HTML caption) maps only where it is one template; the
window then calls each tab's ``retranslate()`` (if it has one) so it re-renders such texts itself.
Nothing but texts changes: models, runs, settings and every control's value stay as they were.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QApplication, QComboBox, QGraphicsView, QGroupBox,
                               QLabel, QLineEdit, QMainWindow, QPlainTextEdit, QTabWidget, QTextEdit, QWidget)

from ganexplorer.gui.common.core_text import CoreText
from ganexplorer.gui.common.translators import catalogue_file, use_language

_QM_MAGIC = bytes.fromhex("3CB86418CAEF9C95CD211CBF60A1BDDD")
_MESSAGES, _END, _TRANSLATION, _SOURCE, _CONTEXT = 0x69, 1, 3, 6, 7
_FIELD = re.compile(r"\{(\d+)(?:[:!][^{}]*)?\}")


@dataclass
class Catalogue:
    """One language's messages: English source ↔ translation, each by context."""

    to_text: dict[str, dict[str, str]] = field(default_factory=dict)      # source -> {context: translation}
    to_source: dict[str, dict[str, str]] = field(default_factory=dict)    # translation -> {context: source}

    @classmethod
    def read(cls, path: str | Path) -> Catalogue:
        """The messages of a ``.qm`` file (an empty catalogue if it is missing or not a ``.qm``)."""
        cat = cls()
        try:
            data = Path(path).read_bytes()
        except OSError:
            return cat
        if not data.startswith(_QM_MAGIC):
            return cat
        pos = len(_QM_MAGIC)
        while pos + 5 <= len(data):
            tag, size = data[pos], struct.unpack(">I", data[pos + 1:pos + 5])[0]
            if tag == _MESSAGES:
                cat._read_messages(data[pos + 5:pos + 5 + size])
            pos += 5 + size
        return cat

    def _read_messages(self, block: bytes) -> None:
        p, fields = 0, {}
        while p < len(block):
            tag = block[p]
            p += 1
            if tag == _END:
                self.add(fields.get(_CONTEXT, ""), fields.get(_SOURCE, ""), fields.get(_TRANSLATION, ""))
                fields = {}
                continue
            if tag not in (2, 3, 4, 6, 7, 8):   # not a field this reader knows: the rest cannot be read safely
                return
            size = struct.unpack(">I", block[p:p + 4])[0]
            p += 4
            if size == 0xFFFFFFFF:
                continue
            raw = block[p:p + size]
            p += size
            text = raw.decode("utf-16-be" if tag in (2, 3, 4) else "utf-8", errors="replace")
            fields.setdefault(tag, text)   # plural forms: the first one

    def add(self, context: str, source: str, translation: str) -> None:
        if source and translation:
            self.to_text.setdefault(source, {})[context] = translation
            self.to_source.setdefault(translation, {})[context] = source


def _pick(choices: dict[str, str] | None, contexts: tuple[str, ...]) -> str | None:
    if not choices:
        return None
    for c in contexts:
        if c in choices:
            return choices[c]
    values = list(choices.values())
    return max(values, key=values.count)   # on a tie the first in catalogue order: the same in every process


@dataclass
class _Template:
    regex: re.Pattern[str]
    chunks: tuple[str, ...]    # its literal pieces, to skip it cheaply where they are not in a text
    fields: tuple[int, ...]    # argument numbers in the order they appear
    weight: int                # how much literal text it has: the most specific match wins


def _template(text: str) -> _Template | None:
    parts = _FIELD.split(text)   # literal, number, literal, number, ...
    if len(parts) < 3:
        return None
    literals, numbers = parts[0::2], tuple(int(n) for n in parts[1::2])
    if not any(len(s.strip()) >= 2 for s in literals):
        return None   # "{0} {1}": would match anything
    pattern, seen = "", set()
    for lit, n in zip(literals, (*numbers, None)):
        pattern += re.escape(lit)
        if n is not None:
            pattern += f"(?P=a{n})" if n in seen else f"(?P<a{n}>.*?)"
            seen.add(n)
    return _Template(re.compile(pattern + r"\Z", re.S), tuple(s for s in literals if s), numbers,
                     sum(len(s) for s in literals))


class _Side:
    """The texts of one side of a catalogue (translations → sources, or sources → translations)."""

    def __init__(self, table: dict[str, dict[str, str]]) -> None:
        self.table = table
        self._templates: list[tuple[_Template, dict[str, str]]] | None = None

    def exact(self, text: str, contexts: tuple[str, ...]) -> str | None:
        return _pick(self.table.get(text), contexts)

    def templates(self) -> list[tuple[_Template, dict[str, str]]]:
        if self._templates is None:   # built on first use: a switch that needs none pays nothing
            found = [(t, other) for text, other in self.table.items() if (t := _template(text)) is not None]
            self._templates = sorted(found, key=lambda pair: -pair[0].weight)
        return self._templates

    def convert(self, text: str, contexts: tuple[str, ...]) -> str | None:
        """``text`` on the other side: exactly, else through the most specific template that matches it,
        each argument converted exactly where it is a whole message."""
        found = self.exact(text, contexts)
        if found is not None:
            return found
        for t, others in self.templates():
            if not all(c in text for c in t.chunks):
                continue
            m = t.regex.match(text)
            other = _pick(others, contexts) if m is not None else None
            if other is None:
                continue
            args = {n: m.group(f"a{n}") for n in t.fields}

            def arg(f: re.Match[str], args: dict[int, str] = args) -> str:
                a = args[int(f.group(1))]
                return self.exact(a, contexts) or a

            try:
                return _FIELD.sub(arg, other)
            except KeyError:   # the other side names an argument this one does not have
                continue
        return None


class TextMap:
    """Maps texts shown in one language (``old``; None: English) to another (``new``; None: English),
    through their English source."""

    def __init__(self, old: Catalogue | None, new: Catalogue | None) -> None:
        self.old, self.new = old, new
        self._old = _Side(old.to_source) if old is not None else None
        self._new = _Side(new.to_text) if new is not None else None

    def english(self, text: str, contexts: tuple[str, ...] = ()) -> str | None:
        """The English of ``text`` as shown in the old language (None: not a message of ours)."""
        return text if self._old is None else self._old.convert(text, contexts)

    def translated(self, english: str, contexts: tuple[str, ...] = ()) -> str:
        """``english`` in the new language (as it is where the new language has no translation for it)."""
        if self._new is None:
            return english
        return self._new.convert(english, contexts) or english

    def __call__(self, text: str, contexts: tuple[str, ...] = ()) -> str:
        """``text`` in the new language; unchanged where it is not a message of ours."""
        if not text or self.old is self.new:
            return text
        english = self.english(text, contexts)
        return text if english is None else self.translated(english, contexts)


@dataclass
class ShownText:
    """One text a user can see: what it belongs to, which kind of text, the text, and how to set it."""

    owner: object
    kind: str
    text: str
    set: Callable[[str], None]
    contexts: tuple[str, ...] = ()
    index: int = -1            # which tab or combo item (-1: the owner has one text of this kind)


def _contexts(widget: QWidget | None) -> tuple[str, ...]:
    """Translation contexts a widget's texts may come from: its classes and its ancestors' (nearest first)."""
    names: list[str] = []
    while widget is not None:
        names += [k.__name__ for k in type(widget).__mro__ if k.__module__.startswith("ganexplorer")]
        widget = widget.parentWidget()
    return tuple(dict.fromkeys(names))


def _widget_texts(w: QWidget, ctx: tuple[str, ...]) -> Iterator[ShownText]:
    def one(kind: str, text: str, setter: Callable[[str], None], index: int = -1) -> Iterator[ShownText]:
        if text:
            yield ShownText(w, kind, text, setter, ctx, index)

    if isinstance(w, QLabel):
        yield from one("label", w.text(), w.setText)
    if isinstance(w, QAbstractButton):
        yield from one("button", w.text(), w.setText)
    if isinstance(w, QGroupBox):
        yield from one("group title", w.title(), w.setTitle)
    if isinstance(w, QTabWidget):
        for i in range(w.count()):
            yield from one("tab", w.tabText(i), lambda t, i=i: w.setTabText(i, t), i)
            yield from one("tab tooltip", w.tabToolTip(i), lambda t, i=i: w.setTabToolTip(i, t), i)
    if isinstance(w, QComboBox) and not w.isEditable():
        for i in range(w.count()):
            yield from one("combo item", w.itemText(i), lambda t, i=i: _quietly(w, lambda: w.setItemText(i, t)), i)
            tip = w.itemData(i, Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str):
                yield from one("combo item tooltip", tip,
                               lambda t, i=i: _quietly(w, lambda: w.setItemData(i, t, Qt.ItemDataRole.ToolTipRole)), i)
    if isinstance(w, (QLineEdit, QTextEdit, QPlainTextEdit)):
        yield from one("placeholder", w.placeholderText(), w.setPlaceholderText)
    if isinstance(w, QAbstractSpinBox):
        yield from one("special value", w.specialValueText(), w.setSpecialValueText)
        for affix in ("prefix", "suffix"):
            if hasattr(w, affix):
                yield from one(affix, getattr(w, affix)(), getattr(w, "set" + affix.capitalize()))
    if isinstance(w, QMainWindow) and w.statusBar().currentMessage():
        yield from one("status", w.statusBar().currentMessage(), w.statusBar().showMessage)
    yield from one("tooltip", w.toolTip(), w.setToolTip)
    yield from one("status tip", w.statusTip(), w.setStatusTip)
    yield from one("what's this", w.whatsThis(), w.setWhatsThis)
    if w.isWindow():
        yield from one("window title", w.windowTitle(), w.setWindowTitle)
    if isinstance(w, QGraphicsView):
        yield from _plot_texts(w, ctx)


def _quietly(w: QWidget, change: Callable[[], None]) -> None:
    """A text changes, not a choice: nobody listening to the widget reacts."""
    blocked = w.blockSignals(True)
    try:
        change()
    finally:
        w.blockSignals(blocked)


def _plot_texts(view: QGraphicsView, ctx: tuple[str, ...]) -> Iterator[ShownText]:
    """pyqtgraph's titles, legend entries and axis labels (graphics items, not widgets)."""
    scene = view.scene()
    if scene is None:
        return
    try:
        from pyqtgraph import AxisItem, LabelItem
    except ImportError:   # pragma: no cover - pyqtgraph is a dependency
        return
    for item in scene.items():
        if isinstance(item, LabelItem) and item.text:
            yield ShownText(item, "plot text", item.text, lambda t, item=item: item.setText(t), ctx)
        elif isinstance(item, AxisItem) and item.labelText:
            yield ShownText(item, "axis label", item.labelText,
                            lambda t, item=item: item.setLabel(t, units=item.labelUnits or None,
                                                               unitPrefix=item.labelUnitPrefix or None), ctx)


def _action_texts(action, ctx: tuple[str, ...]) -> Iterator[ShownText]:
    text = action.text()
    if text:
        yield ShownText(action, "action", text, action.setText, ctx)
    tip = action.toolTip()
    if tip and tip.replace("&", "") != text.replace("&", "") and tip != text.replace("&", "").rstrip("\u2026."):
        yield ShownText(action, "action tooltip", tip, action.setToolTip, ctx)
    if action.statusTip():
        yield ShownText(action, "action status tip", action.statusTip(), action.setStatusTip, ctx)


def shown_texts(roots: Iterable[QWidget] | None = None) -> list[ShownText]:
    """Every text a user can see in ``roots`` (default: every top-level window and menu) and their children."""
    if roots is None:
        roots = QApplication.topLevelWidgets()
    out: list[ShownText] = []
    widgets: dict[int, QWidget] = {}
    for root in roots:
        for w in (root, *root.findChildren(QWidget)):
            widgets.setdefault(id(w), w)
    actions: dict[int, tuple[object, tuple[str, ...]]] = {}
    for w in widgets.values():
        ctx = _contexts(w)
        out += _widget_texts(w, ctx)
        for a in w.actions():
            actions.setdefault(id(a), (a, ctx))
    for a, ctx in actions.values():
        out += _action_texts(a, ctx)
    return out


def retranslate(text_map: TextMap, roots: Iterable[QWidget] | None = None) -> int:
    """Set every shown text to ``text_map``'s; returns how many changed.

    Each text set remembers its English (a property of its widget, action or plot item), so switching
    back needs no guess where two English sources share one translation ("Epochs", "epoch")."""
    changed = 0
    for shown in shown_texts(roots):
        key = f"ganexplorer_english:{shown.kind}:{shown.index}"
        memo = shown.owner.property(key) if hasattr(shown.owner, "property") else None
        english = None
        if isinstance(memo, str) and "\0" in memo:
            was, _, source = memo.partition("\0")
            english = source if was == shown.text else None
        if english is None:
            english = text_map.english(shown.text, shown.contexts)
        if english is None:
            continue
        new = text_map.translated(english, shown.contexts)
        if new != shown.text:
            shown.set(new)
            changed += 1
        if hasattr(shown.owner, "setProperty"):
            shown.owner.setProperty(key, new + "\0" + english)
    return changed


@lru_cache(maxsize=4)
def catalogue(code: str) -> Catalogue | None:
    """Our messages in ``code`` (None for English, the language of the source)."""
    path = catalogue_file(code)
    return Catalogue.read(path) if path is not None else None


def switch_language(language: str | None) -> TextMap:
    """Install ``language``'s translations (ours and Qt's) in place of the current ones and map every text
    on screen into it; returns the map, for what a panel re-renders itself."""
    app = QCoreApplication.instance()
    old = CoreText().language()   # what the installed translator speaks, however it was installed
    new = use_language(app, language)
    text_map = TextMap(catalogue(old), catalogue(new))
    retranslate(text_map)
    return text_map
