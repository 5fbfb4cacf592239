"""`python -m hello`, the same as the `hello` console script."""

from hello.cli import main

main()
