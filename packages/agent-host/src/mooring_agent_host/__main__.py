"""Entry point for ``python -m mooring_agent_host``."""

import sys

from mooring_agent_host.cli import main

if __name__ == "__main__":
    sys.exit(main())
