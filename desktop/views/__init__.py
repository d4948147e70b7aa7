"""The comparison window's views, one module each; the window assembles them."""
