"""Hardware catalog: TOML files in resources/catalog, validated with pydantic on load.

Every record carries ``source`` (where its figures were read) and ``verified``
(read in a vendor document or an authoritative record, or not). Prices are not
here: they live in the price list (engine.money.prices), which a user can replace.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from engine.resources import resource_path
from engine.rules import configuration_refusals

FormFactor = Literal["sxm4", "sxm5", "pcie", "npu-module"]
IntraNodeLink = Literal["nvswitch", "nvlink-mesh", "nvlink-bridge", "pcie", "hccs"]
# "fp64" is the FP64 tensor-core peak (the figure the seed's rack statement uses);
# "fp64_vector" and "fp32" are the non-tensor peaks; int8 is in TOPS.
TensorPrecision = Literal["fp64", "fp64_vector", "fp32", "tf32", "fp16", "bf16", "fp8", "int8"]
NO_SPARSITY = ("fp64", "fp64_vector", "fp32")  # precisions without a 2:4 sparse peak
Calibration = Literal["model", "published", "uncalibrated"]


class CatalogError(ValueError):
    """A catalog file is missing, malformed, or contradicts itself."""


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    source: str = Field(min_length=3)
    verified: bool
    user_entered: bool = False  # read from a user's catalog file (engine.user_catalog)


class Gpu(Record):
    name: str
    vendor: str = "NVIDIA"
    architecture: Literal["ampere", "ada", "hopper", "davinci"]
    form_factor: FormFactor
    memory_gb: float = Field(gt=0)
    memory_type: str
    bandwidth_gbs: float = Field(gt=0)
    link: Literal["nvlink", "nvlink-bridge", "pcie", "hccs"]
    link_gbs: float = Field(ge=0)  # GPU-to-GPU bandwidth, 0 for PCIe only
    tdp_w: float = Field(gt=0)
    dense_tflops: dict[TensorPrecision, float]  # peaks without sparsity; planned on
    sparse_tflops: dict[TensorPrecision, float]  # 2:4 structured sparsity peaks
    # where sources conflict: the other end of the range (dense_tflops holds the
    # conservative end, which plans use); shown beside it, never planned on
    dense_tflops_high: dict[TensorPrecision, float] = Field(default_factory=dict)
    # How the performance model treats this part: "model" = the step-time model fitted
    # on published runs of its architecture; "published" = an MFU read in a published
    # training run on this part; "uncalibrated" = no run known: the MFU is a stated
    # assumption with a wide band. Both of the latter need mfu, mfu_low, mfu_high, mfu_source.
    calibration: Calibration = "model"
    mfu: float | None = Field(default=None, gt=0, le=1)
    mfu_low: float | None = Field(default=None, gt=0, le=1)
    mfu_high: float | None = Field(default=None, gt=0, le=1)
    mfu_source: str = ""

    @model_validator(mode="after")
    def _sparse_is_twice_dense(self) -> Gpu:
        for precision, sparse in self.sparse_tflops.items():
            dense = self.dense_tflops.get(precision)
            if precision in NO_SPARSITY:
                raise ValueError(f"{self.id}: {precision} has no sparse peak")
            if dense is None or abs(sparse - 2 * dense) > 0.01 * sparse:
                raise ValueError(
                    f"{self.id}: sparse {precision} peak {sparse} is not twice the dense {dense}"
                )
        for precision, high in self.dense_tflops_high.items():
            low = self.dense_tflops.get(precision)
            if low is None or high < low:
                raise ValueError(f"{self.id}: dense_tflops_high.{precision} {high} must be at least "
                                 f"the planned (conservative) dense_tflops.{precision} {low}")
        return self

    @model_validator(mode="after")
    def _calibration_is_stated(self) -> Gpu:
        if self.calibration == "model":
            return self
        if self.mfu is None or self.mfu_low is None or self.mfu_high is None or not self.mfu_source:
            raise ValueError(f"{self.id}: calibration '{self.calibration}' needs mfu, mfu_low, "
                             "mfu_high and mfu_source")
        if not self.mfu_low <= self.mfu <= self.mfu_high:
            raise ValueError(f"{self.id}: mfu {self.mfu} must lie in its band "
                             f"[mfu_low {self.mfu_low}, mfu_high {self.mfu_high}]")
        return self


class Psu(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    count: int = Field(gt=0)
    watts: float = Field(gt=0)
    redundant: int = Field(ge=0)  # supplies that may fail with the load still carried
    inlet: Literal["C14", "C20"] | None = None  # None: by the PSU's watts (assumptions.toml)


_COUNTED = re.compile(r"^(\d+) × (.+)$")


def counted_parts(text: str) -> list[tuple[int, str]]:
    """'2 × 480 GB M.2 (boot) + 4 × 7.68 TB NVMe' -> [(2, '480 GB M.2 (boot)'), (4, '7.68 TB NVMe')]."""
    out = []
    for part in text.split(" + "):
        match = _COUNTED.match(part.strip())
        if match is None:
            raise ValueError(f"'{part.strip()}' is not written 'N × part'")
        out.append((int(match.group(1)), match.group(2)))
    return out


class Server(Record):
    vendor: Literal["Lenovo", "Inspur", "Huawei"]
    model: str  # "ThinkSystem SR670 V2"
    variant: str  # "SXM GPU model"
    name_zh: str
    part_number: str  # machine type where known
    rack_units: int = Field(gt=0)
    weight_kg: float = Field(gt=0)
    psu: Psu
    gpu_form_factors: tuple[FormFactor, ...]
    gpu_slots: int = Field(gt=0)
    cpus: str
    memory: str
    storage: str
    cooling: Literal["air", "liquid-to-air", "liquid"]
    nic_slots: int = Field(ge=0)  # PCIe slots for compute-fabric HCAs

    @model_validator(mode="after")
    def _builds_are_counted(self) -> Server:
        # each build field lists its parts as 'N × part', so a quote line can list them per system
        for name in ("cpus", "memory", "storage"):
            try:
                counted_parts(getattr(self, name))
            except ValueError as exc:
                raise ValueError(f"{self.id}: {name}: {exc}") from None
        return self


class Configuration(Record):
    """A server model with a GPU option and its fixed parts: what a quote line buys."""

    server: str
    gpu: str
    gpu_count: int = Field(gt=0)
    intra_node_link: IntraNodeLink
    intra_node_gbs: float = Field(ge=0)
    compute_nic: str  # network part id of the HCA
    compute_nics: int = Field(ge=0)
    max_power_w: float = Field(gt=0)  # maximum draw: racks, PDUs and PSUs are sized on it
    typical_power_w: float = Field(gt=0)  # under training load: energy is billed on it
    description_en: str
    description_zh: str
    # price-list items whose shipped prices are placeholders, not sourced: a plan shows
    # them and an RFQ asks the vendor for them
    price_missing: tuple[str, ...] = ()


class Part(Record):
    """A bought item with a vendor's part number and names in English and Chinese."""

    vendor: str
    part_number: str
    name: str
    name_zh: str


class NetworkPart(Part):
    kind: Literal["ib-switch", "ib-director", "eth-switch", "hca", "cable", "transceiver"]
    technology: str  # "HDR", "NDR", "100GbE", "1GbE"
    ports: int = Field(ge=0)
    port_gbps: float = Field(ge=0)
    rack_units: int = Field(ge=0)
    power_w: float = Field(ge=0)
    weight_kg: float = Field(ge=0)
    length_m: float = Field(default=0, ge=0)  # cables: how far one reaches
    medium: Literal["dac", "aoc", "fibre", ""] = ""  # cables: what carries the signal


class RackModel(Part):
    units: int = Field(gt=0)
    max_load_kg: float = Field(gt=0)
    weight_kg: float = Field(gt=0)


class Pdu(Part):
    capacity_kw: float = Field(gt=0)
    outlets: int = Field(gt=0)
    c19_outlets: int = Field(default=0, ge=0)  # 16 A outlets, for C20 inlets
    c13_outlets: int = Field(default=0, ge=0)  # 10 A outlets, for C14 inlets


class SitePart(Part):
    """A part a vendor's quote carries beyond servers, fabric and racks (cords, rails,
    structured cabling, coolant loops, field spares, the border, the UPS)."""

    kind: Literal["power-cord", "rail", "cabling", "coolant-loop", "spare", "border", "ups",
                  "software-renewal"]


class CoolingUnit(Part):
    kind: Literal["crah", "rdhx", "cdu"]
    capacity_kw: float = Field(gt=0)
    power_w: float = Field(ge=0)  # fans and pumps, counted in PUE rather than IT power


class Service(Record):
    kind: Literal["install-node", "install-rack", "fabric-commissioning", "acceptance-node",
                  "storage-commissioning", "software-deployment"]
    vendor: str
    name: str
    name_zh: str


class StorageProduct(Part):
    """A parallel file system building block; a plan buys whole blocks."""

    serves: Literal["Lenovo", "Inspur", "neutral"]
    file_system: str
    usable_tb: float = Field(gt=0)
    read_gbps: float = Field(gt=0)  # GB/s one block delivers
    write_gbps: float = Field(gt=0)
    min_blocks: int = Field(ge=1)
    ports: int = Field(ge=1)  # 100GbE links to the storage network
    oob_ports: int = Field(ge=1)  # BMC and controller ports on the out-of-band network
    rack_units: int = Field(gt=0)
    power_w: float = Field(gt=0)
    weight_kg: float = Field(gt=0)

    @model_validator(mode="after")
    def _ports_carry_bandwidth(self) -> StorageProduct:
        carried = self.ports * 100 / 8  # GB/s over 100GbE links
        if carried < max(self.read_gbps, self.write_gbps):
            raise ValueError(f"{self.id}: {self.ports} × 100GbE ({carried:g} GB/s) cannot carry "
                             f"{max(self.read_gbps, self.write_gbps):g} GB/s")
        return self


class ManagementPart(Part):
    kind: Literal["server", "ufm-appliance"]
    serves: Literal["Lenovo", "Inspur", "Huawei", "any"]
    inband_ports: int = Field(ge=0)
    rack_units: int = Field(gt=0)
    power_w: float = Field(gt=0)
    weight_kg: float = Field(gt=0)


class SoftwareLicence(Part):
    kind: Literal["fabric-manager", "ai-enterprise"]
    per: Literal["node", "gpu", "cluster"]
    yearly: bool  # bought for each year of the warranty term


class OpenSoftware(Record):
    """An open-source or no-fee choice, named in the bill at zero price."""

    kind: Literal["os", "cluster-manager", "scheduler", "drivers"]
    name: str
    name_zh: str
    licence: str
    licence_zh: str
    vendor: str = "Open source"  # who supplies it: NVIDIA's free drivers are not open source


class RatedService(Record):
    """A service priced as a share of the equipment value (rate in assumptions.toml)."""

    kind: Literal["warranty", "project-management", "logistics"]
    vendor: str
    name: str
    name_zh: str
    rate_key: str
    per_year: bool  # the rate is per year of the warranty term


ExportStatus = Literal["licence-required", "case-by-case", "no-known-restriction", "unsure"]
ImportStatus = Literal["permitted", "restricted", "unsure"]
GATE_STATUSES: dict[str, tuple[str, ...]] = {
    "export": ("licence-required", "case-by-case", "no-known-restriction", "unsure"),
    "import": ("permitted", "restricted", "unsure"),
}


class MarketRule(Record):
    """A rule on buying some GPUs in one market, at one gate, in force from ``since``."""

    gpus: tuple[str, ...]
    market: str = Field(pattern=r"^[A-Z]{2}$")
    gate: Literal["export", "import"] = "export"
    status: ExportStatus | ImportStatus
    since: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    rule: str
    rule_zh: str
    fee: str = ""  # any fee, duty or revenue share the rule attaches, as reported
    fee_zh: str = ""

    @model_validator(mode="after")
    def _status_fits_gate(self) -> MarketRule:
        allowed = GATE_STATUSES[self.gate]
        if self.status not in allowed:
            raise ValueError(f"{self.id}: status '{self.status}' is not one of the {self.gate} "
                             f"gate's: {', '.join(allowed)}")
        return self


class Catalog(BaseModel):
    model_config = ConfigDict(frozen=True)

    gpus: dict[str, Gpu]
    servers: dict[str, Server]
    configurations: dict[str, Configuration]
    network: dict[str, NetworkPart]
    racks: dict[str, RackModel]
    pdus: dict[str, Pdu]
    cooling: dict[str, CoolingUnit]
    services: dict[str, Service]
    storage: dict[str, StorageProduct] = Field(default_factory=dict)
    management: dict[str, ManagementPart] = Field(default_factory=dict)
    software: dict[str, SoftwareLicence] = Field(default_factory=dict)
    open_software: dict[str, OpenSoftware] = Field(default_factory=dict)
    rated_services: dict[str, RatedService] = Field(default_factory=dict)
    availability: dict[str, MarketRule] = Field(default_factory=dict)
    site: dict[str, SitePart] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _references_and_rules(self) -> Catalog:
        problems: list[str] = []
        for cfg in self.configurations.values():
            server = self.servers.get(cfg.server)
            gpu = self.gpus.get(cfg.gpu)
            nic = self.network.get(cfg.compute_nic)
            if server is None:
                problems.append(f"{cfg.id}: unknown server '{cfg.server}'")
            if gpu is None:
                problems.append(f"{cfg.id}: unknown gpu '{cfg.gpu}'")
            if nic is None or nic.kind != "hca":
                problems.append(f"{cfg.id}: compute_nic '{cfg.compute_nic}' is not an HCA")
            if server is not None and gpu is not None:
                problems += [
                    f"{cfg.id}: {m.text}"
                    for m in configuration_refusals(
                        server=server, gpu=gpu, gpu_count=cfg.gpu_count,
                        max_power_w=cfg.max_power_w, nics=cfg.compute_nics,
                    )
                ]
        for rule in self.availability.values():
            problems += [f"{rule.id}: unknown gpu '{g}'" for g in rule.gpus if g not in self.gpus]
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def ids_of(self, part: str) -> list[str]:
        return sorted(getattr(self, part))

    def configuration(self, config_id: str) -> Configuration:
        try:
            return self.configurations[config_id]
        except KeyError:
            known = ", ".join(self.ids_of("configurations"))
            raise CatalogError(f"unknown configuration '{config_id}'; known: {known}") from None

    def gpu(self, gpu_id: str) -> Gpu:
        try:
            return self.gpus[gpu_id]
        except KeyError:
            raise CatalogError(
                f"unknown GPU '{gpu_id}'; known: {', '.join(self.ids_of('gpus'))}"
            ) from None

    def parts(self, kind: str) -> list[NetworkPart]:
        return [p for p in self.network.values() if p.kind == kind]


# Peaks a configuration is quoted with, per server, by precision: (name shown, catalog key).
# "fp64" is the FP64 vector peak and "fp64_tensor" the FP64 tensor-core peak (the seed's
# "a rack of 13 SR670 V2 gives about 2 PFLOPS" is 13 × 8 × 19.5 TFLOPS FP64 tensor).
PEAK_PRECISIONS: tuple[tuple[str, TensorPrecision], ...] = (
    ("fp64", "fp64_vector"), ("fp64_tensor", "fp64"), ("fp32", "fp32"), ("tf32", "tf32"),
    ("bf16/fp16", "bf16"), ("fp8", "fp8"), ("int8", "int8"),
)


def server_peaks(cfg: Configuration, gpu: Gpu) -> dict[str, dict[str, float | None]]:
    """Peak PFLOP/s (int8: POPS) of one server, by precision, where the part has it:
    {"dense": PF, "sparse": PF or None}, and "dense_high" where sources conflict (the
    conservative "dense" is what plans use)."""
    out: dict[str, dict[str, float | None]] = {}
    for name, key in PEAK_PRECISIONS:
        dense = gpu.dense_tflops.get(key)
        if dense is None and key == "bf16":
            dense = gpu.dense_tflops.get("fp16")
            key = "fp16"
        if dense is None:
            continue
        sparse = gpu.sparse_tflops.get(key)
        entry: dict[str, float | None] = {
            "dense": round(cfg.gpu_count * dense / 1000, 6),
            "sparse": round(cfg.gpu_count * sparse / 1000, 6) if sparse is not None else None,
        }
        if key in gpu.dense_tflops_high:
            entry["dense_high"] = round(cfg.gpu_count * gpu.dense_tflops_high[key] / 1000, 6)
        out[name] = entry
    return out


# The seed's rack statement: "a rack of 13 SR670 V2 gives about 2 PFLOPS" (a ThinkSystem
# SR670 V2 with 8 × A100 PCIe is 3U, so 13 fill 39U of a 42U rack). Shown in the catalog
# window and the README with the figures the catalog gives.
SEED_RACK = ("lenovo-sr670v2-a100-pcie", 13)


def rack_peaks(catalog: Catalog, config_id: str, servers: int) -> dict[str, dict[str, float | None]]:
    """Peak PF (int8: POPS) of ``servers`` servers of one configuration, by precision."""
    cfg = catalog.configuration(config_id)
    return {name: {k: (round(v * servers, 6) if v is not None else None) for k, v in peak.items()}
            for name, peak in server_peaks(cfg, catalog.gpus[cfg.gpu]).items()}


_FILES = {
    "gpus": "gpus.toml",
    "servers": "servers.toml",
    "configurations": "configurations.toml",
    "network": "network.toml",
    "racks": "facility.toml",
    "pdus": "facility.toml",
    "cooling": "facility.toml",
    "services": "services.toml",
    "storage": "storage.toml",
    "management": "management.toml",
    "software": "software.toml",
    "open_software": "software.toml",
    "rated_services": "services.toml",
    "availability": "availability.toml",
    "site": "facility.toml",
}


def read_catalog(folder: Path) -> Catalog:
    """Read and validate every catalog file in ``folder``; CatalogError says what is wrong."""
    raw: dict[str, dict[str, object]] = {}
    for section, filename in _FILES.items():
        path = folder / filename
        try:
            with path.open("rb") as fh:
                data = tomllib.load(fh)
        except OSError as exc:
            raise CatalogError(f"cannot read catalog file {path}: {exc.strerror}") from None
        except tomllib.TOMLDecodeError as exc:
            raise CatalogError(f"catalog file {path} is not valid TOML: {exc}") from None
        raw[section] = records_by_id(data.get(section, []), str(path), section)
    # cross-record checks (references, configuration rules) concern configurations
    return validated_catalog(raw, lambda section: str(folder / _FILES.get(section, _FILES[
        "configurations"])), f"catalog in {folder} is invalid:\n", "\n")


def records_by_id(rows: object, where: str, section: str) -> dict[str, Any]:
    """The ``[[section]]`` tables of a catalog file by id; CatalogError for a section that is
    not an array of tables, a record without an id, or an id given twice."""
    if not isinstance(rows, list):
        raise CatalogError(f"{where}: [[{section}]] must be an array of tables")
    by_id: dict[str, Any] = {}
    for record in rows:
        rid = record.get("id") if isinstance(record, dict) else None
        if not isinstance(rid, str):
            raise CatalogError(f"{where}: a [[{section}]] record has no id")
        if rid in by_id:
            raise CatalogError(f"{where}: duplicate id '{rid}' in [[{section}]]")
        by_id[rid] = record
    return by_id


def validated_catalog(raw: Mapping[str, Any], where: Callable[[str], str], heading: str,
                      joiner: str) -> Catalog:
    """``raw`` (section -> id -> fields) validated by the catalog's models and rules, the one
    check for shipped files and user entries alike; CatalogError lists every problem, each
    naming the file (``where(section)``), the record, the field, the value and the rule."""
    problems = bound_problems(raw, where)
    if problems:
        raise CatalogError(heading + joiner.join(problems))
    try:
        return Catalog.model_validate(raw)
    except ValidationError as exc:
        lines = [describe_error(error, where) for error in exc.errors()]
        raise CatalogError(heading + joiner.join(lines)) from None


# Sections whose numbers resources/bounds.toml bounds, and the table that bounds them.
BOUNDED = {"gpus": "catalog_gpus", "servers": "catalog_servers",
           "configurations": "catalog_configurations", "network": "catalog_network"}
_PEAKS = ("dense_tflops", "sparse_tflops", "dense_tflops_high")


def bound_key(section: str, field: str) -> str | None:
    """The resources/bounds.toml key of a record's field ("psu.watts" -> catalog_servers.psu_watts,
    "dense_tflops.bf16" -> catalog_gpus.tflops); None for a field without a bound."""
    from engine.bounds import numeric_keys

    if section not in BOUNDED:
        return None
    head = field.split(".")[0]
    name = "tflops" if head in _PEAKS else field.replace(".", "_")
    key = f"{BOUNDED[section]}.{name}"
    return key if key in numeric_keys() else None


def bound_problems(raw: Mapping[str, Any], where: Callable[[str], str]) -> list[str]:
    """Each number of a record outside its bound in resources/bounds.toml, as one line naming
    the file, record, field, value and range (a value of the wrong type is pydantic's to tell)."""
    from engine.bounds import bound

    out = []
    for section in BOUNDED:
        for rid, record in (raw.get(section) or {}).items():
            if not isinstance(record, Mapping):
                continue
            for field, value in _numbers(record):
                key = bound_key(section, field)
                if key is None or isinstance(value, bool) or not isinstance(value, int | float):
                    continue
                b = bound(key)
                if not b.admits(value):
                    out.append(f"{where(section)}: [[{section}]] record '{rid}', field {field}: "
                               f"value {value!r} is not allowed: it {b.allowed}")
    return out


def _numbers(record: Mapping[str, Any]) -> list[tuple[str, object]]:
    """(field, value) of a record, one level of tables opened (psu.watts, dense_tflops.bf16)."""
    out: list[tuple[str, object]] = []
    for name, value in record.items():
        if isinstance(value, Mapping):
            out += [(f"{name}.{inner}", v) for inner, v in value.items()]
        else:
            out.append((name, value))
    return out


def describe_error(error: Mapping[str, Any], where: Callable[[str], str]) -> str:
    """One validation error as "file: [[section]] record 'id', field f: value V is not
    allowed: rule"; a check across records is told against the configurations."""
    loc = tuple(error.get("loc", ()))
    message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
    if loc and str(loc[0]) in _FILES:
        place = f"{where(str(loc[0]))}: [[{loc[0]}]]"
        if len(loc) > 1:
            place += f" record '{loc[1]}'"
        if len(loc) > 2:
            place += ", field " + ".".join(str(p) for p in loc[2:])
            value = error.get("input")
            if error.get("type") != "missing" and not isinstance(value, dict | list):
                message = f"value {value!r} is not allowed: {message[:1].lower()}{message[1:]}"
        return f"{place}: {message}"
    return f"{where('configurations')}: {message}"


@cache
def load_catalog() -> Catalog:
    """The shipped catalog, read once per process."""
    return read_catalog(resource_path("catalog"))


def catalog_version(folder: Path | None = None) -> str:
    """A short fingerprint of the catalog files' contents (SHA-256, 12 hex digits).

    A saved plan records it: reopened under another catalog, the same request can
    size other quantities, and the app says so rather than show other totals silently.
    """
    digest = hashlib.sha256()
    root = folder or resource_path("catalog")
    for filename in sorted(set(_FILES.values())):
        digest.update(filename.encode())
        digest.update((root / filename).read_bytes())
    return digest.hexdigest()[:12]
