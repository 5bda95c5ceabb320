from tidings.about import __version__
