"""A catalog: its folder, its `sopctl.toml` settings, presets, and the names of units and areas."""
