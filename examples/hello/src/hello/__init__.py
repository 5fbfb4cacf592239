"""hello: the example application that pydeb packages into a .deb and an .rpm."""

__version__ = "1.0"
