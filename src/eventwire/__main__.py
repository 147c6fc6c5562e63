"""``python -m eventwire``: the command line, where the ``eventwire`` script is not on the PATH."""

from eventwire.cli import main

main()
