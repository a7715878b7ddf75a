"""Help ▸ "What am I looking at?": a non-modal window with the current tab's explanation.

Each panel may offer ``help_html() -> str`` (a short text for students); the window shows it beside
the running demo (non-modal, so the lecture can go on) and falls back to an overview of the tabs.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


class HelpDialog(QDialog):
    """One reused window; ``show_html`` replaces its text and brings it to the front."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser, 1)
        lay.addWidget(self.buttons)
        self.resize(640, 520)

    def show_html(self, title: str, html: str, activate: bool = True) -> None:
        """Replace the text; ``activate`` brings the window to the front (not when it follows a tab)."""
        self.setWindowTitle(title)
        self.browser.setHtml(html)
        self.show()
        if activate:
            self.raise_()
            self.activateWindow()

    def overview_html(self) -> str:
        """For a tab without its own explanation: what each tab is for."""
        parts = [
            "<h3>{}</h3>".format(self.tr("What am I looking at?")),
            "<p>{}</p>".format(self.tr("A generator turns a vector of random numbers (the latent z, picked by a seed) into a picture. It learned this by playing against a discriminator, which tries to tell its pictures from real ones.")),
            "<ul><li>{}</li><li>{}</li><li>{}</li></ul>".format(
                self.tr("Explore: pick seeds and move sliders to see what the trained generator does with them: truncation (\u03c8), noise, style mixing between two seeds, directions in w."),
                self.tr("Train: watch a small GAN learn. D(x) is the discriminator's score on real pictures, D(G(z)) its score on generated ones; both near 0.5 means it can no longer tell them apart."),
                self.tr("1-D demo: the same game with single numbers instead of pictures, so the whole distribution fits in one plot.")),
            "<p>{}</p>".format(self.tr("Hover over a control to see what it does.")),
            "<p>{}</p>".format(self.tr("If something goes wrong, Help \u25b8 Show log folder opens the folder with the app's log; send the log with your question.")),
        ]
        return "".join(parts)
