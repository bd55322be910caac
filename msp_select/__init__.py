"""msp-select: choose a Managed IT Services Provider on the evidence of its own proposal."""

__version__ = "0.1.0"
