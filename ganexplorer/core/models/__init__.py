"""Generator and discriminator architectures, and the registry that names them."""
