"""Fill the request's empty fields from resources/assumptions.toml and check every value.

The result carries each figure with its origin, so every plan can show what it assumed.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.assumptions import default
from engine.bounds import check
from engine.errors import RequestError, allowed, one_of, shown
from engine.model import HOSTINGS, Assumption, PlanRequest


@dataclass(frozen=True)
class Resolved:
    days: float | None
    fleet_gpus: int | None
    goodput: float | None  # None: the team profile's interruption model
    mfu_override: float | None
    rack_kw: float | None  # the request's; planning.budget picks the default
    pue: float
    exchange_rate: float
    power_price: float
    years: int
    colo_rent_kw_month: float
    vat: float  # on goods
    vat_services: float  # on the services category
    warranty_years: int
    maintenance_rate: float
    assumptions: tuple[Assumption, ...]
    lead_time_days: float = 0.0  # order to first training step
    wholesale_rent_kw_month: float = 0.0
    row_racks: int = 10
    spares: float = 0.0
    buy_racks: bool = True  # racks and PDUs bought (colo: the site's, unless asked)
    buy_cooling: bool = True  # cooling units bought (own only, unless asked)
    ups: bool = False  # a UPS sized to IT load is quoted (own only, unless the plant is out)
    team: str = "typical"  # the software profile of the team that trains
    confidence: float = 0.8  # probability the deadline holds that the fleet is sized for


def _pick(out: list[Assumption], key: str, given: float | None, default_key: str, field: str) -> float:
    """The request's value if given (checked against its bound in resources/bounds.toml),
    else the default."""
    if given is None:
        d = default(default_key)
        out.append(Assumption(key, d.value, d.unit, "default", d.note))
        return d.value
    check(field, given)
    d = default(default_key)
    out.append(Assumption.said(key, given, d.unit, "request", "assumed.given"))
    return float(given)


def resolve(request: PlanRequest) -> Resolved:
    s, e, f, m = request.schedule, request.efficiency, request.facility, request.finance
    out: list[Assumption] = []

    if (s.days is None) == (s.gpus is None):
        # both given: the two values (ids and figures, no words); neither: missing
        both = f"days={shown(s.days)}, gpus={shown(s.gpus)}" if s.days is not None else None
        raise RequestError("schedule", both, allowed("allowed.days-or-gpus"))
    check("schedule.days", s.days)
    check("schedule.gpus", s.gpus)
    if s.precision not in ("bf16", "fp8"):
        raise RequestError("schedule.precision", s.precision, one_of(("bf16", "fp8")))
    check("efficiency.mfu", e.mfu)
    if f.cooling not in ("air", "rdhx", "liquid"):
        raise RequestError("facility.cooling", f.cooling, one_of(("air", "rdhx", "liquid")))
    if f.rack_units not in (42, 47):
        raise RequestError("facility.rack_units", f.rack_units, one_of(("42", "47")))
    if m.currency not in ("CNY", "USD"):
        raise RequestError("finance.currency", m.currency, one_of(("CNY", "USD")))
    if m.hosting not in HOSTINGS:
        raise RequestError("finance.hosting", m.hosting, one_of(HOSTINGS))
    for name, flag in (("facility.buy_racks", f.buy_racks), ("facility.buy_cooling", f.buy_cooling)):
        if flag is not None and not isinstance(flag, bool):
            raise RequestError(name, flag, allowed("allowed.one-of-or-empty", choices="true, false"))
    if f.plant not in (None, "ups", "out"):
        raise RequestError("facility.plant", f.plant, allowed("allowed.one-of-or-empty", choices="ups, out"))
    check("finance.discount", m.discount)

    goodput = None
    if e.goodput is not None:
        goodput = _pick(out, "goodput", e.goodput, "schedule.goodput", "efficiency.goodput")
    team, confidence = _team_and_confidence(request, out)
    check("facility.rack_kw", f.rack_kw)  # without it, the rack budget is planning's default
    pue = _pick(out, "pue", f.pue, f"facility.pue_{f.cooling}", "facility.pue")
    rate = _pick(out, "exchange_rate", m.exchange_rate, "finance.exchange_rate",
                 "finance.exchange_rate")
    cur = m.currency.lower()
    power_price = _pick(out, "power_price", m.power_price, f"finance.power_price_{cur}",
                        "finance.power_price")
    years = _pick(out, "years", m.years, "finance.years", "finance.years")
    rent = _pick(out, "colo_rent_kw_month", m.colo_rent_kw_month,
                 f"finance.colo_rent_kw_month_{cur}", "finance.colo_rent_kw_month")
    vat = _pick(out, "vat", m.vat, "finance.vat", "finance.vat")
    vat_services = _pick(out, "vat_services", m.vat_services, "finance.vat_services",
                         "finance.vat_services")
    warranty = _pick(out, "warranty_years", m.warranty_years, "finance.warranty_years",
                     "finance.warranty_years")
    maint = _pick(out, "maintenance_rate", m.maintenance_rate, "finance.maintenance_rate",
                  "finance.maintenance_rate")
    wholesale = _pick(out, "wholesale_rent_kw_month", m.wholesale_rent_kw_month,
                      f"finance.wholesale_rent_kw_month_{cur}", "finance.wholesale_rent_kw_month")
    row_racks = _pick(out, "row_racks", f.row_racks, "facility.row_racks", "facility.row_racks")
    spares = _pick(out, "spares", f.spares, "facility.spares", "facility.spares")
    buy_racks = f.buy_racks if f.buy_racks is not None else m.hosting in ("own", "wholesale")
    buy_cooling = f.buy_cooling if f.buy_cooling is not None else m.hosting == "own"
    if m.discount:
        out.append(Assumption.said("discount", m.discount, "", "request", "assumed.given"))
    out.append(Assumption.said("cooling", f.cooling, "",
                               "request" if f.cooling != "air" else "default", "assumed.cooling"))
    out.append(Assumption.said("hosting", m.hosting, "",
                               "request" if m.hosting != "own" else "default", "assumed.hosting",
                               hosting=m.hosting))
    out.append(Assumption.said("buy_racks", "yes" if buy_racks else "no", "",
                               "request" if f.buy_racks is not None else "default",
                               "assumed.buy-racks"))
    out.append(Assumption.said("buy_cooling", "yes" if buy_cooling else "no", "",
                               "request" if f.buy_cooling is not None else "default",
                               "assumed.buy-cooling"))
    ups = (f.plant or ("ups" if m.hosting == "own" else "out")) == "ups" and m.hosting != "cloud"
    plant = "ups" if ups else "out"
    out.append(Assumption.said("plant", plant, "", "request" if f.plant is not None else "default",
                               "assumed.plant", plant=plant))
    out.append(Assumption.said("currency", m.currency, "", "request", "assumed.currency"))
    lead = lead_time_days(s.lead_time_days, out)
    return Resolved(
        days=s.days, fleet_gpus=s.gpus, goodput=goodput, mfu_override=e.mfu, rack_kw=f.rack_kw,
        pue=pue, exchange_rate=rate, power_price=power_price, years=int(years),
        colo_rent_kw_month=rent, vat=vat, vat_services=vat_services,
        warranty_years=int(warranty),
        maintenance_rate=maint, assumptions=tuple(out), lead_time_days=lead,
        wholesale_rent_kw_month=wholesale,
        row_racks=int(row_racks), spares=spares, buy_racks=buy_racks, buy_cooling=buy_cooling,
        ups=ups,
        team=team, confidence=confidence,
    )


def _team_and_confidence(request: PlanRequest, out: list[Assumption]) -> tuple[str, float]:
    from engine.bounds import check
    from engine.model import DEFAULT_TEAM, TEAMS

    e, s = request.efficiency, request.schedule
    team = e.team or DEFAULT_TEAM
    if team not in TEAMS:
        raise RequestError("efficiency.team", team, one_of(TEAMS))
    out.append(Assumption.said("team", team, "", "request" if e.team else "default",
                               "assumed.team", team=team))
    if s.confidence is None:
        d = default("schedule.confidence")
        confidence = d.value
        out.append(Assumption("confidence", confidence, "", "default", d.note))
    else:
        check("schedule.confidence", s.confidence)
        confidence = s.confidence
        out.append(Assumption.said("confidence", confidence, "", "request",
                                   "assumed.confidence-given"))
    return team, confidence


def lead_time_days(given: float | None, out: list[Assumption] | None = None) -> float:
    """Days from the order to the first training step: the request's, else the default."""
    return _pick([] if out is None else out, "lead_time_days", given, "schedule.lead_time_days",
                 "schedule.lead_time_days")
