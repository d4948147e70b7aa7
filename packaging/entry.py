"""Entry point of the frozen ClusterQuote application (see clusterquote.spec)."""

from __future__ import annotations

import multiprocessing
import sys

from desktop.main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
