"""`python -m reader` runs the command line."""

from .cli import main

main()
