"""What every tab shares: the background runner and UI queue, core-sentence translation, small widgets, dialogs."""
