"""Step 7: capex, yearly energy, maintenance and hosting, TCO over the horizon, cost per PF-day."""

from __future__ import annotations

from engine.model import CATEGORIES, BomLine, Money

HOURS_PER_YEAR = 8760


def money(
    *, bom: tuple[BomLine, ...], currency: str, discount_rate: float, vat_rate: float,
    facility_kw: float, power_price: float, years: int, warranty_years: int,
    maintenance_rate: float, colo_rent_kw_month: float | None, rack_budget_kw: float,
    racks: int, energy_per_run_mwh: float, delivered_pflops: float,
) -> Money:
    """All figures in ``currency``.

    Energy assumes the cluster runs at training load all year (it trains, then
    keeps tuning). Maintenance starts the year after the warranty ends.
    Hosting: an own data centre costs its energy only here; a leased IDC adds
    rent per kW of rack budget per month (``colo_rent_kw_month``, None for own).
    """
    subtotals = tuple((c, sum(line.total for line in bom if line.category == c)) for c in CATEGORIES)
    services = dict(subtotals)["services"]
    hardware = sum(v for c, v in subtotals if c != "services")
    gross = hardware + services
    discount = gross * discount_rate
    net = gross - discount
    vat = net * vat_rate
    capex = net + vat

    energy = facility_kw * HOURS_PER_YEAR * power_price
    maintenance = tuple(
        hardware * (1 - discount_rate) * maintenance_rate if year > warranty_years else 0.0
        for year in range(1, years + 1)
    )
    hosting = 0.0 if colo_rent_kw_month is None else colo_rent_kw_month * rack_budget_kw * racks * 12
    tco_by_year = [capex]
    for year in range(years):
        tco_by_year.append(tco_by_year[-1] + energy + maintenance[year] + hosting)
    pf_days_delivered = delivered_pflops * 365 * years
    return Money(
        currency=currency, subtotals=subtotals, hardware=hardware, services=services,
        discount_rate=discount_rate, discount=discount, net=net, vat_rate=vat_rate, vat=vat,
        capex=capex, energy_per_year=energy, maintenance_per_year=maintenance,
        hosting_per_year=hosting, years=years, tco_by_year=tuple(tco_by_year),
        tco=tco_by_year[-1], energy_per_run=energy_per_run_mwh * 1000 * power_price,
        cost_per_pf_day=tco_by_year[-1] / pf_days_delivered if pf_days_delivered else 0.0,
    )
