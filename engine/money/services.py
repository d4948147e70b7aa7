"""Software and services lines that the price list does not price one by one.

Open-source software is named at zero price. Warranty, project management and
logistics are priced from the equipment value at rates in
resources/assumptions.toml, so they scale with what is bought, not per box.
"""

from __future__ import annotations

from engine.assumptions import default
from engine.catalog import Catalog
from engine.model import BomLine, Category, note

# Categories whose lines are equipment: what warranty covers and logistics ships.
EQUIPMENT: tuple[Category, ...] = ("compute", "network", "storage", "management", "rack_power",
                                   "cooling", "spares")


def open_software_lines(catalog: Catalog, currency: str, servers: int) -> list[BomLine]:
    """Each open-source choice once per server that runs it, at zero price."""
    return [
        BomLine(category="software", item=s.id, vendor=s.vendor, part_number=s.id,
                description_en=s.name, description_zh=s.name_zh,
                qty=servers if s.kind in ("os", "drivers") else 1, unit_price=0.0,
                currency=currency, note=s.licence,
                notes=(note("catalog-text", text=s.licence, text_zh=s.licence_zh),))
        for s in catalog.open_software.values()
    ]


def equipment_value(lines: list[BomLine] | tuple[BomLine, ...]) -> float:
    return sum(line.total for line in lines if line.category in EQUIPMENT)


def covered_service(lines: list[BomLine] | tuple[BomLine, ...]) -> dict[str, tuple[float, int]]:
    """Equipment lines whose price already holds years of the vendor's warranty and service
    (a vendor's price typed with them): item -> (the line's value, years inside its price)."""
    return {line.item: (line.total, line.service_years) for line in lines
            if line.category in EQUIPMENT and line.service_years > 0}


def rated_service_lines(
    catalog: Catalog, currency: str, value: float, warranty_years: int,
    covered: dict[str, tuple[float, int]] | None = None,
) -> list[BomLine]:
    """One line per rated service: rate × equipment value (× years for yearly ones).

    A yearly service (the warranty) is not bought again for the years a vendor's price already
    holds: of each ``covered`` line, only the years beyond those inside its price are rated,
    so a vendor's server price with its 3-year service is never paid twice."""
    out = []
    for svc in catalog.rated_services.values():
        rate = default(svc.rate_key).value
        years = warranty_years if svc.per_year else 1
        if years <= 0:
            continue
        rated = value
        notes = []
        if svc.per_year and covered:
            inside = sum(v * min(y, years) for v, y in covered.values()) / years
            rated = value - inside
            notes.append(note("service-inside", items=", ".join(sorted(covered)),
                              years=max(y for _, y in covered.values()),
                              value=sum(v for v, _ in covered.values()), currency=currency))
        about = (note("rated-yearly", years=years, rate=rate, value=rated, currency=currency)
                 if svc.per_year else note("rated", rate=rate, value=value, currency=currency))
        notes.insert(0, about)
        out.append(BomLine(
            category="services", item=svc.id, vendor=svc.vendor, part_number=svc.id,
            description_en=svc.name, description_zh=svc.name_zh, qty=years,
            unit_price=round(rate * rated, 2), currency=currency,
            note="; ".join(n.text for n in notes), notes=tuple(notes),
        ))
    return out
