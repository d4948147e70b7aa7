"""Step 7: capex, yearly energy, maintenance and hosting, TCO over the horizon, cost per PF-day."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from engine.model import CATEGORIES, BomLine, Money

HOURS_PER_YEAR = 8760


def fen(value: float) -> float:
    """``value`` rounded to the fen (0.01), half away from zero, as a spreadsheet's ROUND."""
    return float(Decimal(f"{value:.15g}").quantize(Decimal("0.01"), ROUND_HALF_UP))


def net_unit(unit_price: float, discount_rate: float) -> float:
    """A unit price after the discount, rounded to the fen as an invoice states it (and as
    the RFQ's and the BOM sheet's ROUND formulas do): list × (1 − discount)."""
    if not unit_price:  # 0.0 and -0.0 are one key to a cache but round apart
        return fen(unit_price * (1.0 - discount_rate))
    return _net_unit(unit_price, discount_rate)


@lru_cache(maxsize=8192)  # every plan prices the same items: their net units repeat
def _net_unit(unit_price: float, discount_rate: float) -> float:
    return fen(unit_price * (1.0 - discount_rate))


def net_amount(lines: list[BomLine] | tuple[BomLine, ...], discount_rate: float) -> float:
    """What ``lines`` cost after the discount: Σ quantity × net unit price, to the fen."""
    return fen(sum(line.qty * net_unit(line.unit_price, discount_rate) for line in lines))


def money(
    *, bom: tuple[BomLine, ...], currency: str, discount_rate: float, vat_rate: float,
    vat_rate_services: float, facility_kw: float, power_price: float, years: int, warranty_years: int,
    maintenance_rate: float, rent_kw_month: float | None, contracted_kw: float,
    energy_per_run_mwh: float, delivered_pflops: float, hosting: str = "own",
    gpus: int = 0, gpu_hours: float = 0.0, cloud_rate: float = 0.0,
) -> Money:
    """All figures in ``currency``.

    VAT is the goods' net at ``vat_rate`` plus the services' net at ``vat_rate_services``.

    Energy assumes the cluster runs at training load all year (it trains, then
    keeps tuning). Maintenance starts the year after the warranty ends.
    Hosting: an own data centre costs its energy only here; colocation and
    wholesale add rent per contracted kW per month (``rent_kw_month``, None for
    own), energy metered on top. Cloud buys nothing: the plan's GPUs are rented all
    year at ``cloud_rate`` per GPU-hour, energy and upkeep included in the rate.
    Every plan also carries what renting its GPUs would cost (buy or rent?).
    """
    subtotals = tuple((c, sum(line.total for line in bom if line.category == c)) for c in CATEGORIES)
    services = dict(subtotals)["services"]
    hardware = sum(v for c, v in subtotals if c != "services")
    gross = hardware + services
    # One rounding rule for every document, an invoice's: each unit price after the discount
    # is rounded to the fen, a line costs quantity × that, and each rate's VAT is rounded to
    # the fen once on its lines (as the RFQ and the quote's BOM sheet write them). The
    # discount is what that takes off the list.
    net_goods = net_amount([line for line in bom if line.category != "services"], discount_rate)
    net_services = net_amount([line for line in bom if line.category == "services"], discount_rate)
    net = fen(net_goods + net_services)
    discount = fen(gross - net)
    # China taxes goods (servers, network, software products) and services (installation,
    # warranty contracts, ...) at different rates; the discount comes off both before VAT.
    vat = fen(net_goods * vat_rate) + fen(net_services * vat_rate_services)
    capex = net + vat

    cloud_per_year = gpus * HOURS_PER_YEAR * cloud_rate
    cloud = hosting == "cloud"
    energy = 0.0 if cloud else facility_kw * HOURS_PER_YEAR * power_price
    maintenance = tuple(
        hardware * (1 - discount_rate) * maintenance_rate if year > warranty_years else 0.0
        for year in range(1, years + 1)
    )
    rent = 0.0 if rent_kw_month is None else rent_kw_month * contracted_kw * 12
    rent_per_year = cloud_per_year if cloud else rent
    tco_by_year = [capex]
    for year in range(years):
        tco_by_year.append(tco_by_year[-1] + energy + maintenance[year] + rent_per_year)
    pf_days_delivered = delivered_pflops * 365 * years
    return Money(
        currency=currency, subtotals=subtotals, hardware=hardware, services=services,
        discount_rate=discount_rate, discount=discount, net=net, vat_rate=vat_rate,
        vat_rate_services=vat_rate_services, vat=vat,
        capex=capex, energy_per_year=energy, maintenance_per_year=maintenance,
        hosting_per_year=rent_per_year, years=years, tco_by_year=tuple(tco_by_year),
        tco=tco_by_year[-1],
        energy_per_run=0.0 if cloud else energy_per_run_mwh * 1000 * power_price,
        cost_per_pf_day=tco_by_year[-1] / pf_days_delivered if pf_days_delivered else 0.0,
        hosting=hosting, contracted_kw=contracted_kw if rent_kw_month is not None else 0.0,
        services_net=net_services,
        cloud_per_run=gpu_hours * cloud_rate, cloud_per_year=cloud_per_year, cloud_rate=cloud_rate,
    )
