"""Entry point of the frozen ClusterQuote application (see clusterquote.spec)."""

from __future__ import annotations

import multiprocessing
import sys

if __name__ == "__main__" and sys.argv[1:2] == ["--cq-pdf-guard"]:
    # the watchdog between the app and LibreOffice (engine/export/pdf.py): nothing else loads
    from engine.export.pdf_guard import main as guard

    sys.exit(guard(sys.argv[2:]))

from desktop.main import main  # after the guard: it needs none of the app

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
