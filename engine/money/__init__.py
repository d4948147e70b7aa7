"""Steps 6-7: prices, the bill of materials, and money over time (capex, opex, TCO)."""
