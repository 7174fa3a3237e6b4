"""Entry point for `python -m bot.evaluate`."""

import sys

from bot.evaluate.cli import main

if __name__ == "__main__":
    sys.exit(main())
