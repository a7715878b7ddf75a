"""The Explore tab: controls, views, the seed pad and walks, and the inference worker that renders them."""
