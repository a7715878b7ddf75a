"""Directions you can make in the Explore tab: from labels (a grid of pictures to mark) and compared side by side."""
