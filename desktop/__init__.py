"""ClusterQuote's desktop app (PySide6): a planning wizard and a comparison window."""
