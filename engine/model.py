"""The engine's one request type and one result type, as frozen dataclasses.

Numeric request fields left as ``None`` take their default from
``resources/assumptions.toml``; every plan reports each resolved assumption with
its origin ("request" or "default"), so nothing the engine used is hidden.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal, Protocol, cast

Precision = Literal["bf16", "fp8"]
CoolingKind = Literal["air", "rdhx", "liquid"]
Hosting = Literal["own", "colo", "wholesale", "cloud"]
PriceBasis = Literal["list", "net"]
Category = Literal[
    "compute", "network", "storage", "management", "rack_power", "cooling", "software", "services",
    "spares",
]

CATEGORIES: tuple[Category, ...] = (
    "compute", "network", "storage", "management", "rack_power", "cooling", "software", "services",
    "spares",
)
HOSTINGS: tuple[Hosting, ...] = ("own", "colo", "wholesale", "cloud")
StorageChoice = Literal["vendor", "neutral", "none"]

PF_DAY_FLOPS = 1e15 * 86_400  # 1 PF/s-day = 10^15 FLOP/s for one day = 8.64e19 FLOPs


# ---------------------------------------------------------------- request


@dataclass(frozen=True)
class Workload:
    """What must be trained. Give a preset, or params+tokens, or flops, or pf_days."""

    preset: str | None = None
    params: float | None = None  # N, parameters active per token
    tokens: float | None = None  # D, pre-training tokens
    flops: float | None = None  # total pre-training FLOPs of one run
    pf_days: float | None = None  # the same, in PF/s-days
    runs: int = 1  # pre-training runs during development (the seed: rarely one)
    finetune_tokens: float = 0.0  # domain fine-tuning tokens (needs params)
    tuning_pf_days: float = 0.0  # ongoing fine-tuning / RLHF budget, PF/s-days
    moe: bool = False  # mixture of experts: params counts the active ones


@dataclass(frozen=True)
class Schedule:
    """By when: a deadline in days, or a fixed fleet of GPUs."""

    days: float | None = None  # deadline: calendar days from the order
    gpus: int | None = None
    precision: Precision = "bf16"
    lead_time_days: float | None = None  # None: default from resources/lead_times.toml
    confidence: float | None = None  # probability the deadline holds; None: assumptions.toml


Team = Literal["tuned", "typical", "first-run"]
TEAMS: tuple[Team, ...] = ("tuned", "typical", "first-run")
DEFAULT_TEAM: Team = "typical"  # what ordinary buyers' teams reach (README: team profiles)


@dataclass(frozen=True)
class Efficiency:
    mfu: float | None = None  # override of the efficiency model (fraction of dense peak)
    goodput: float | None = None  # share of wall time that trains; None: the interruption model
    team: Team | None = None  # software profile; None: the default (typical)
    # A measured calibration: the user's own run of a model of measured_params on measured_gpus
    # GPUs of type measured_gpu reached measured_tokens_per_s tokens/s per GPU (or measured_mfu)
    measured_tokens_per_s: float | None = None
    measured_mfu: float | None = None
    measured_params: float | None = None
    measured_gpus: int | None = None
    measured_gpu: str | None = None

    @property
    def measured(self) -> bool:
        return self.measured_tokens_per_s is not None or self.measured_mfu is not None


@dataclass(frozen=True)
class Facility:
    rack_kw: float | None = None  # power budget per rack
    cooling: CoolingKind = "air"
    pue: float | None = None  # default depends on the cooling kind
    rack_units: Literal[42, 47] = 42
    row_racks: int | None = None  # racks in a row; cooling is N+1 per row
    spares: float | None = None  # share of optics, cables and HCAs bought as spares
    buy_racks: bool | None = None  # None: as the hosting model has it (colo: the site's racks)
    buy_cooling: bool | None = None  # None: as the hosting model has it (own: bought)
    # the electrical plant upstream of the PDUs: "ups" quotes a UPS sized to IT load, "out"
    # states it out of scope with the kW it must supply; None: as the hosting model has it
    plant: Literal["ups", "out"] | None = None


@dataclass(frozen=True)
class Finance:
    currency: Literal["CNY", "USD"] = "CNY"
    exchange_rate: float | None = None  # CNY per USD
    power_price: float | None = None  # per kWh, in `currency`
    years: int | None = None
    hosting: Hosting = "own"
    colo_rent_kw_month: float | None = None  # leased IDC rent per kW of rack budget per month
    vat: float | None = None  # on goods: everything but the services category
    vat_services: float | None = None  # on the services category (installation, warranty, ...)
    discount: float = 0.0  # fraction off hardware and services before VAT
    warranty_years: int | None = None
    maintenance_rate: float | None = None  # per year after warranty, fraction of hardware
    wholesale_rent_kw_month: float | None = None  # build-to-suit rent per contracted kW per month
    purchase_date: str | None = None  # ISO date; market availability is taken as of it (None: today)
    market: str = "CN"  # where the cluster is bought: ISO country code of the buyer
    ai_enterprise: bool = False  # buy NVIDIA AI Enterprise for every GPU


@dataclass(frozen=True)
class StorageRequest:
    """The parallel file system: which product line, and what it must hold."""

    product: StorageChoice = "vendor"  # the server vendor's line, a vendor-neutral one, or none
    checkpoints_kept: int | None = None
    dataset_tb: float | None = None  # None: from the training tokens
    checkpoint_minutes: float | None = None  # longest time to write one checkpoint
    performance: Literal["good", "better", "best"] | None = None  # RA class; None: by workload (good)


@dataclass(frozen=True)
class LineOverride:
    """A user's change to one BOM line of one configuration, or a line the user added."""

    config: str  # configuration id
    item: str  # the BOM line's item id; for an added line, an id the user's line gets
    qty: int | None = None
    unit_price: float | None = None  # in the request's currency, excluding VAT
    added: bool = False  # True: a line the user added (then category and description apply)
    category: str = "services"
    description: str = ""
    # the unit price as typed: "list" (before the discount, which comes off the total) or
    # "net" (what is paid, a vendor's quoted price: never discounted again)
    basis: PriceBasis = "list"
    # years of warranty and service the typed price already holds (a vendor's server price
    # "with 3 years' service"): the plan's warranty on the line covers only the years beyond
    service_years: int = 0


@dataclass(frozen=True)
class PlanRequest:
    workload: Workload
    schedule: Schedule
    efficiency: Efficiency = field(default_factory=Efficiency)
    facility: Facility = field(default_factory=Facility)
    finance: Finance = field(default_factory=Finance)
    configs: tuple[str, ...] = ()  # empty: every Lenovo and Inspur configuration
    overrides: tuple[LineOverride, ...] = ()  # the user's changes to BOM lines, applied after pricing
    storage: StorageRequest = field(default_factory=StorageRequest)


# ---------------------------------------------------------------- result


@dataclass(frozen=True)
class Message:
    """A warning, a refusal or a note: a stable code and its named figures, rendered for people
    from the language catalogue (resources/i18n/, entry ``msg.<code>.full``). ``text`` is the
    English rendering, kept for JSON and logs; documents and the GUI render ``code`` and
    ``params`` in the reader's language."""

    code: str
    text: str
    params: tuple[tuple[str, str | int | float], ...] = ()

    @classmethod
    def of(cls, code: str, /, **params: object) -> Message:
        """The message ``code`` with its figures; its English text from the catalogue."""
        if cls is Message:
            # the figures' types are part of the key: 1, 1.0 and True are equal but print
            # apart; (code, (name, figure)..., type...) reads back one way only
            try:
                return _message((code, *params.items(), *map(type, params.values())))
            except TypeError:  # a figure that cannot be hashed: made afresh
                pass
        return _made(cls, code, params)

    @staticmethod
    def entry(code: str) -> str:
        """The catalogue entry of ``code``: a warning's or refusal's code ("feed-loss") has its
        sentence at ``msg.<code>.full`` (``msg.<code>`` is its gist); a dotted code
        ("note.one-per-rail") is its own entry."""
        return code if "." in code else f"msg.{code}.full"

    def render(self, lang: str) -> str:
        """The message in ``lang``: from the catalogue when it was made with ``of``."""
        from engine.i18n import check_lang, fills, t

        if fills(self.entry(self.code), check_lang(lang), (k for k, _ in self.params)):
            return t(self.entry(self.code), lang, **dict(self.params))
        return self.text


def _made(cls: type[Message], code: str, params: dict[str, object]) -> Message:
    from engine.i18n import params_of

    stored = params_of(params)
    return cls(code, _english(cls.entry(code), stored), stored)


@functools.lru_cache(maxsize=8192)
def _message(key: tuple[object, ...]) -> Message:
    """Messages are frozen: a plan of many configurations writes the same notes with the same
    figures again and again, and the same message object serves them all."""
    code, pairs = key[0], key[1:1 + (len(key) - 1) // 2]
    return _made(Message, cast(str, code), dict(cast(tuple[tuple[str, object], ...], pairs)))


@functools.lru_cache(maxsize=4096)
def _english(entry: str, stored: tuple[tuple[str, str | int | float], ...]) -> str:
    """A catalogue sentence in English: a plan of 22 configurations writes the same few
    thousand notes with the same figures, and formatting them was half its time."""
    from engine.i18n import t

    return t(entry, "en", **dict(stored))


def note(code: str, /, **params: object) -> Message:
    """A note on a BOM line or an assumption: ``note.<code>`` in the catalogue's notes.ftl."""
    return Message.of(f"note.{code}", **params)


def notes_text(notes: tuple[Message, ...]) -> str:
    """Notes as one English text, as JSON and the CLI print a line's note."""
    return notes[0].text if len(notes) == 1 else "; ".join([n.text for n in notes])


@dataclass(frozen=True)
class Assumption:
    key: str  # e.g. "goodput"
    value: float | str
    unit: str  # "", "kW", "CNY/kWh", ...
    origin: str  # "request", "default", "catalog", "model"
    note: str = ""  # where the figure comes from, in English (JSON, the CLI)
    note_code: str = ""  # the note's catalogue entry ("assumed.cooling"), when it has one
    note_params: tuple[tuple[str, str | int | float], ...] = ()
    value_code: str = ""  # a value that is a sentence: its catalogue entry
    value_params: tuple[tuple[str, str | int | float], ...] = ()

    @classmethod
    def said(cls, key: str, value: float | str, unit: str, origin: str, code: str, /,
             **params: object) -> Assumption:
        """An assumption whose note is the catalogue's sentence ``code`` with ``params``."""
        message = Message.of(code, **params)
        if cls is Assumption:
            try:
                return _assumption(key, value, unit, origin, message, id(message))
            except TypeError:  # a value that cannot be hashed: made afresh
                pass
        return cls(key, value, unit, origin, message.text, message.code, message.params)

    def value_in(self, lang: str) -> float | str:
        """The value; a sentence in ``lang`` when the value is one."""
        if self.value_code:
            return Message(self.value_code, str(self.value), self.value_params).render(lang)
        return self.value

    def note_in(self, lang: str) -> str:
        """The note in ``lang`` when it is a catalogue sentence; else as given (a default's
        own note: engine.assumptions.note_in words it)."""
        if self.note_code:
            return Message(self.note_code, self.note, self.note_params).render(lang)
        return self.note


@dataclass(frozen=True)
class ComputeNeed:
    flops: float  # total over all phases
    pretrain_flops: float  # one pre-training run
    runs: int
    finetune_flops: float
    tuning_flops: float
    params: float | None
    tokens: float | None
    label: str  # e.g. "GPT-3 175B (174.6B params, 300B tokens)"
    moe: bool = False

    @property
    def pf_days(self) -> float:
        return self.flops / PF_DAY_FLOPS


@dataclass(frozen=True)
class Layout:
    """How the GPUs split the model: tensor × pipeline × data parallel, and memory choices."""

    tp: int
    pp: int
    dp: int
    microbatch: int  # sequences per micro-batch
    recompute: str  # "selective" (attention only), "full" (every layer) or "partial"
    recomputed_share: float = 0.0  # share of layers fully recomputed (block recomputation)


@dataclass(frozen=True)
class EfficiencyEstimate:
    precision: Precision
    peak_dense_tflops: float  # per GPU, the precision's dense tensor peak
    peak_sparse_tflops: float  # 2:4 sparse marketing peak, shown, never planned on
    mfu: float
    mfu_low: float
    mfu_high: float
    goodput: float
    factors: tuple[tuple[str, float], ...]  # how mfu was built: ("base", 0.51), ...
    overridden: bool
    layout: Layout | None = None  # the parallel layout the model chose (None if overridden)
    memory_fits: bool = True  # False: no layout holds the model in this many GPUs
    team: str = "typical"  # the software profile the MFU, goodput and band are for
    calibration: float | None = None  # measured / modelled MFU of the user's own run, if given
    goodput_modelled: bool = True  # False: the goodput was given, not from the interruption model
    stated_band: bool = False  # True: mfu_low/mfu_high are the catalog record's stated band (P10/P90 of MFU)

    @property
    def delivered_tflops(self) -> float:
        """Per GPU, averaged over wall time: dense peak × MFU × goodput."""
        return self.peak_dense_tflops * self.mfu * self.goodput


@dataclass(frozen=True)
class CableRun:
    """Fabric links of one span, and what carries them (the rack layout gives the distances)."""

    span: Literal["in-rack", "in-row", "cross-row"]
    ends: Literal["node-switch", "switch-switch"]
    medium: Literal["dac", "aoc", "fibre"]
    links: int
    longest_m: float  # the longest run in the group, rack to rack with slack
    cable_part: str
    cables: int  # a twin-port DAC carries two links
    node_transceivers: int  # at the HCA end (fibre only)
    switch_transceivers: int  # at switch ports (fibre only; a twin-port module serves two)


@dataclass(frozen=True)
class Fabric:
    """Compute fabric (InfiniBand, rail-optimised non-blocking fat tree) and Ethernet."""

    technology: str  # "HDR 200G", "NDR 400G"
    switch_part: str
    radix: int
    tiers: int
    endpoints: int  # HCA ports to connect
    leaves: int
    spines: int
    cores: int
    hcas: int
    node_cables: int
    switch_cables: int
    transceivers: int
    switch_ports: int  # ports on all fabric switches
    ports_used: int  # endpoints + 2 × switch-to-switch links
    mgmt_switches: int
    storage_switches: int
    storage_endpoints: int
    runs: tuple[CableRun, ...] = ()  # every fabric link, by span and medium
    director_part: str = ""  # a modular director switch that replaces leaves and spines
    directors: int = 0
    ufm_links: int = 0  # fabric-manager (UFM) links to leaf ports, counted in node_cables

    @property
    def switches(self) -> int:
        return self.leaves + self.spines + self.cores


@dataclass(frozen=True)
class RackSlot:
    """One thing mounted in a rack, for the elevation drawing."""

    position_u: int  # lowest U it occupies, counted from 1 at the bottom
    units: int
    role: str  # "server", "leaf", "spine", "core", "mgmt_switch", "storage", "management", ...
    part: str  # catalog or price-list id
    label: str  # what a person calls it, e.g. "Inspur NF5688M6"
    max_kw: float
    weight_kg: float


@dataclass(frozen=True)
class Rack:
    kind: Literal["compute", "network"]
    nodes: int
    switches: int
    units_used: int
    power_kw: float  # maximum draw of what it holds
    weight_kg: float
    row: int = 1  # 1-based row of the hall the rack stands in
    position: int = 1  # 1-based place in its row
    pdus: int = 0  # PDUs fitted, both feeds
    slots: tuple[RackSlot, ...] = ()
    pdu_load: float = 0.0  # one feed carrying the rack at full IT load: share of its PDUs' rating


@dataclass(frozen=True)
class RackLayout:
    rack_model: str
    rack_units: int
    budget_kw: float
    nodes_per_rack: int
    limited_by: str  # "power", "space", "weight"
    racks: tuple[Rack, ...]
    pdus: int
    pdu_part: str
    rows: int = 1
    row_racks: int = 0  # racks per row at most
    inlets_per_node: int = 0  # PSU inlets of one server (one cord each)
    inlet_type: str = ""  # "C20" plug on a C19 outlet, or "C14" on C13
    feed_kw: float = 0.0  # what one feed (A or B) must carry alone in the hungriest rack
    bought: bool = True  # False: the site's racks and PDUs (colocation)

    @property
    def count(self) -> int:
        return len(self.racks)

    @property
    def max_power_kw(self) -> float:
        return max((r.power_kw for r in self.racks), default=0.0)


@dataclass(frozen=True)
class CoolingPlan:
    kind: str
    heat_kw: float  # all IT power becomes heat
    units: tuple[tuple[str, int, float], ...]  # (part, count incl. redundancy, kW each)
    capacity_kw: float  # installed, N+1 unit excluded
    btu_per_hour: float
    tons: float
    rows: int = 1  # rows cooled, each with its own spare unit
    bought: bool = True  # False: the site cools (colocation, wholesale)
    heat_rejection: str = ""  # how the heat leaves the building, or that it is out of scope


@dataclass(frozen=True)
class PowerPlan:
    it_max_kw: float  # nameplate-style maximum, for racks and PDUs
    it_typical_kw: float  # under training load, for energy
    pue: float
    facility_kw: float  # it_typical × PUE
    energy_per_run_mwh: float  # facility energy over the days to train
    facility_max_kw: float = 0.0  # it_max × PUE: what the grid feed and UPS must supply
    optics_kw: float = 0.0  # switch-end transceivers and active cables, within it_max/it_typical


@dataclass(frozen=True)
class StoragePlan:
    """The parallel file system tier, sized by capacity and bandwidth."""

    product: str  # catalog id
    name: str
    file_system: str
    blocks: int
    limited_by: str  # "capacity", "read", "write", "checkpoint", "minimum"
    dataset_tb: float
    checkpoint_tb: float  # one checkpoint
    checkpoints_kept: int
    headroom: float
    need_tb: float  # (data + checkpoints) / (1 - headroom)
    usable_tb: float  # what the blocks hold
    need_read_gbps: float
    need_write_gbps: float
    read_gbps: float  # what the blocks deliver
    write_gbps: float
    checkpoint_minutes: float  # one checkpoint at the delivered write bandwidth
    ports: int  # storage-server links to the storage network
    switches: int  # storage-network switches added for those links
    cables: int  # every link of the storage network: nodes, storage servers, switch to switch
    power_w: float
    parts: tuple[tuple[str, int], ...]  # (catalog id, count) bought for the tier
    performance: str = ""  # the RA's class the bandwidth is sized to: "good", "better", "best"
    node_gbs: float = 0.0  # GB/s from each compute node to storage (its storage ports' line rate)
    fabric: str = ""  # how nodes reach storage: "converged-ethernet" (2 × 200GbE, bonded)
    inband: str = ""  # how in-band management reaches the nodes: "bonded" on the same ports
    switch_links: int = 0  # switch-to-switch links of the storage network (among ``cables``)


@dataclass(frozen=True)
class ManagementPlan:
    """Head and login nodes, fabric managers, in-band and out-of-band Ethernet."""

    server: str  # catalog id of the management server model
    head_nodes: int
    login_nodes: int
    ufm_appliances: int
    inband_endpoints: int
    inband_switches: int
    inband_links: int  # endpoint links + switch-to-switch links
    oob_ports: int  # RJ45 management ports cabled to the per-rack switches
    oob_aggregation_switches: int
    oob_uplinks: int
    power_w: float
    parts: tuple[tuple[str, int], ...]
    inband_switch_links: int = 0  # switch-to-switch links the in-band ports add (among ``inband_links``)
    oob_access_switches: int = 0  # out-of-band access switches the management ports are cabled to
    oob_long_cords: int = 0  # of ``oob_ports``: cabled to an access switch in another rack


@dataclass(frozen=True)
class MarketEvent:
    """One dated rule on buying a GPU in a market: a gate's status from ``since``."""

    gate: str  # "export" (the US licence policy) or "import" (the buyer country's stance)
    status: str
    since: str
    rule: str
    rule_zh: str
    source: str
    verified: bool
    fee: str = ""
    fee_zh: str = ""
    in_force: bool = False  # the rule that applies to its gate on the purchase date


# How clear a purchase is, from the two gates, best first: the recommendation ranks on it.
STATUS_GROUPS = ("clear", "conditional", "unsure", "blocked")


@dataclass(frozen=True)
class MarketStatus:
    """Whether a GPU can be bought in a market as of a date, and on what authority.

    ``status`` is the export side as first recorded ("unknown": no rule at all); the two
    gates are ``export_status`` and ``import_status``, each with its ``since``.
    """

    gpu: str
    market: str
    as_of: str
    status: str  # "licence-required", "case-by-case", "unsure", "no-known-restriction", "unknown"
    since: str | None
    rule: str
    rule_zh: str
    source: str
    verified: bool
    export_status: str = "unsure"  # licence-required | case-by-case | no-known-restriction | unsure
    export_since: str | None = None
    import_status: str = "unsure"  # permitted | restricted | unsure
    import_since: str | None = None
    import_rule: str = ""
    import_rule_zh: str = ""
    import_source: str = ""
    fee: str = ""
    fee_zh: str = ""
    history: tuple[MarketEvent, ...] = ()

    @property
    def restricted(self) -> bool:
        """A gate is shut: a licence under a presumption of denial, or the import restricted."""
        return self.export_status == "licence-required" or self.import_status == "restricted"

    @property
    def group(self) -> str:
        """The worse of the two gates: clear, conditional, unsure or blocked (STATUS_GROUPS)."""
        export = {"no-known-restriction": 0, "case-by-case": 1, "unsure": 2,
                  "licence-required": 3}.get(self.export_status, 2)
        imported = {"permitted": 0, "unsure": 2, "restricted": 3}.get(self.import_status, 2)
        return STATUS_GROUPS[max(export, imported)]


@dataclass(frozen=True)
class Component:
    """One part inside a configured system, with its quantity per system."""

    kind: str  # "gpu", "baseboard", "cpu", "memory", "drive", "nic", "psu"
    description: str
    qty: int
    item: str = ""  # catalog id where the part has one
    description_zh: str = ""  # empty: the English description is the part's name in both
    part_number: str = ""  # the maker's, where the catalog has it (documents show it, not the id)


@dataclass(frozen=True)
class BomLine:
    category: Category
    item: str  # price-list item id
    vendor: str
    part_number: str
    description_en: str
    description_zh: str
    qty: int
    unit_price: float  # in the request's currency
    currency: str
    note: str = ""  # English; ``notes`` hold the same as codes and figures
    overridden: bool = False  # the user set its quantity or unit price, or added it
    components: tuple[Component, ...] = ()  # a configured system's parts, per system
    notes: tuple[Message, ...] = ()  # what the note says, for each language to word
    # years of the vendor's warranty and service its price already holds (a vendor's price,
    # typed with them): the plan's warranty is not bought again for those years
    service_years: int = 0

    @property
    def total(self) -> float:
        return self.qty * self.unit_price


@dataclass(frozen=True)
class Money:
    currency: str
    subtotals: tuple[tuple[Category, float], ...]
    hardware: float  # everything but services, before discount
    services: float
    discount_rate: float
    discount: float
    net: float  # after discount, before VAT
    vat_rate: float  # on goods (hardware and software)
    vat_rate_services: float  # on the services category
    vat: float  # on goods and services together
    capex: float  # net + VAT
    energy_per_year: float
    maintenance_per_year: tuple[float, ...]  # one figure per year of the horizon
    hosting_per_year: float
    years: int
    tco_by_year: tuple[float, ...]  # cumulative, year 0 = capex
    tco: float
    energy_per_run: float
    cost_per_pf_day: float  # TCO / PF/s-days the fleet delivers over the horizon
    hosting: str = "own"
    contracted_kw: float = 0.0  # power rented from a colocation or wholesale site
    services_net: float | None = None  # the services after discount, Σ qty × net unit price
    cloud_per_run: float = 0.0  # renting the plan's GPUs for the training run (GPU-hours × rate)
    cloud_per_year: float = 0.0  # renting them all year, as the own cluster runs
    cloud_rate: float = 0.0  # per GPU-hour, in `currency`; 0: no rate in the cloud price list

    @property
    def vat_services(self) -> float:
        """VAT on the services after discount, at the services rate, to the fen (half away
        from zero, as engine.money.totals rounds it)."""
        net = self.services * (1 - self.discount_rate) if self.services_net is None else self.services_net
        value = net * self.vat_rate_services
        return float(Decimal(f"{value:.15g}").quantize(Decimal("0.01"), ROUND_HALF_UP))

    @property
    def vat_goods(self) -> float:
        """VAT on everything else after discount, at the goods rate."""
        return self.vat - self.vat_services


class _Fleet(Protocol):
    """What the quantile figures are made of: a fleet and its training-day quantiles."""

    @property
    def gpus(self) -> int: ...
    @property
    def days_p10(self) -> float: ...
    @property
    def days_p50(self) -> float: ...
    @property
    def days_p90(self) -> float: ...
    @property
    def lead_time_days(self) -> float: ...


class DayQuantiles:
    """GPU-hours and calendar days at P10/P50/P90 of the training days: one definition for
    the estimate of a fleet and the plan of a configuration."""

    @property
    def gpu_hours_p10(self: _Fleet) -> float:
        return self.gpus * self.days_p10 * 24

    @property
    def gpu_hours_p50(self: _Fleet) -> float:
        return self.gpus * self.days_p50 * 24

    @property
    def gpu_hours_p90(self: _Fleet) -> float:
        return self.gpus * self.days_p90 * 24

    @property
    def calendar_days_p50(self: _Fleet) -> float:
        return self.lead_time_days + self.days_p50

    @property
    def calendar_days_p90(self: _Fleet) -> float:
        return self.lead_time_days + self.days_p90


@dataclass(frozen=True)
class Plan(DayQuantiles):
    config: str
    vendor: str
    server: str  # "Inspur NF5688M6"
    gpu: str  # GPU id
    gpu_name: str
    gpus_per_node: int
    feasible: bool
    refusals: tuple[Message, ...]
    warnings: tuple[Message, ...]
    gpus: int = 0
    nodes: int = 0
    memory_floor_gpus: int = 0
    days: float = 0.0
    days_low: float = 0.0  # at the efficiency band's high end
    days_high: float = 0.0  # at its low end
    gpu_hours: float = 0.0
    meets_deadline: bool = False
    efficiency: EfficiencyEstimate | None = None
    node_peak_dense_pflops: float = 0.0
    node_peak_sparse_pflops: float = 0.0
    fabric: Fabric | None = None
    racks: RackLayout | None = None
    cooling: CoolingPlan | None = None
    power: PowerPlan | None = None
    bom: tuple[BomLine, ...] = ()
    money: Money | None = None
    assumptions: tuple[Assumption, ...] = ()
    gpu_hours_low: float = 0.0  # the band of the performance model, as for days
    gpu_hours_high: float = 0.0
    lead_time_days: float = 0.0  # order to first training step: delivery, installation, acceptance
    calendar_days: float = 0.0  # lead time + expected training days: what the deadline counts
    storage: StoragePlan | None = None
    management: ManagementPlan | None = None
    availability: MarketStatus | None = None
    days_p10: float = 0.0  # training days: 10% of such runs finish sooner
    days_p50: float = 0.0
    days_p90: float = 0.0  # 90% finish sooner
    confidence: float = 0.0  # the probability the fleet was sized for the deadline to hold
    days_at_confidence: float = 0.0  # training days at that probability



@dataclass(frozen=True)
class Recommendation:
    """The picks, each true within ``scope`` (the configurations compared for them)."""

    cheapest_meeting_deadline: str | None
    fastest: str | None
    lowest_tco: str | None
    skipped: tuple[tuple[str, str], ...] = ()  # (configuration, why it was not recommended)
    note: str = ""
    scope: tuple[str, ...] = ()  # ids the titles were chosen among
    scope_group: str = ""  # their market-status group (STATUS_GROUPS): "clear" if any is
    only: str | None = None  # the single configuration in scope: named, not ranked
    best_by_group: tuple[tuple[str, str], ...] = ()  # (group, lowest-TCO configuration)
    caveats: tuple[str, ...] = ()  # sentences, in English
    caveat_messages: tuple[Message, ...] = ()  # the same, to render in the reader's language


@dataclass(frozen=True)
class Comparison:
    request: PlanRequest
    compute: ComputeNeed
    plans: tuple[Plan, ...]
    recommendation: Recommendation
    price_list: str  # where prices came from (shipped list or the user's file)
    price_list_about: Message | None = None  # the same, for documents to word (a snapshot's date)


@functools.lru_cache(maxsize=4096, typed=True)  # typed: the value 1 and 1.0 print apart
def _assumption(key: str, value: float | str, unit: str, origin: str, message: Message,
                _message_id: int) -> Assumption:
    """Assumptions are frozen: every plan of a comparison states the same market, cooling and
    storage assumptions with the same figures, and one object serves them all. The message's
    id keeps apart equal messages whose figures differ in type (1 and 1.0); the key holds the
    message, so its id is not reused while the entry lives."""
    return Assumption(key, value, unit, origin, message.text, message.code, message.params)
