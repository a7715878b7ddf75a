"""The app layer: what the user has chosen and how it changes, with no Qt in it.

Controllers here hold the explorer's state and turn it into core requests; the GUI only shows
the state and sends the user's edits back. Tests drive them without a display or PySide6.
"""
