__version__ = "0.1.0"
# The coder's identity stored with every event: change it whenever rules or lexicons change behaviour.
CODER = f"tidings-{__version__}"
