"""Hardware catalog: TOML files in resources/catalog, validated with pydantic on load.

Every record carries ``source`` (where its figures were read) and ``verified``
(read in a vendor document or an authoritative record, or not). Prices are not
here: they live in the price list (engine.money.prices), which a user can replace.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from engine.resources import resource_path
from engine.rules import configuration_refusals

FormFactor = Literal["sxm4", "sxm5", "pcie"]
IntraNodeLink = Literal["nvswitch", "nvlink-mesh", "nvlink-bridge", "pcie"]
TensorPrecision = Literal["fp64", "tf32", "fp16", "bf16", "fp8"]


class CatalogError(ValueError):
    """A catalog file is missing, malformed, or contradicts itself."""


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    source: str = Field(min_length=3)
    verified: bool


class Gpu(Record):
    name: str
    vendor: str = "NVIDIA"
    architecture: Literal["ampere", "ada", "hopper"]
    form_factor: FormFactor
    memory_gb: float = Field(gt=0)
    memory_type: str
    bandwidth_gbs: float = Field(gt=0)
    link: Literal["nvlink", "nvlink-bridge", "pcie"]
    link_gbs: float = Field(ge=0)  # GPU-to-GPU bandwidth, 0 for PCIe only
    tdp_w: float = Field(gt=0)
    dense_tflops: dict[TensorPrecision, float]  # tensor-core peaks without sparsity
    sparse_tflops: dict[TensorPrecision, float]  # 2:4 structured sparsity peaks

    @model_validator(mode="after")
    def _sparse_is_twice_dense(self) -> Gpu:
        for precision, sparse in self.sparse_tflops.items():
            dense = self.dense_tflops.get(precision)
            if dense is None or abs(sparse - 2 * dense) > 0.01 * sparse:
                raise ValueError(
                    f"{self.id}: sparse {precision} peak {sparse} is not twice the dense {dense}"
                )
        return self


class Psu(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    count: int = Field(gt=0)
    watts: float = Field(gt=0)
    redundant: int = Field(ge=0)  # supplies that may fail with the load still carried
    inlet: Literal["C14", "C20"] | None = None  # None: by the PSU's watts (assumptions.toml)


class Server(Record):
    vendor: Literal["Lenovo", "Inspur"]
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


class CoolingUnit(Part):
    kind: Literal["crah", "rdhx", "cdu"]
    capacity_kw: float = Field(gt=0)
    power_w: float = Field(ge=0)  # fans and pumps, counted in PUE rather than IT power


class Service(Record):
    kind: Literal["install-node", "install-rack", "warranty-node-year", "fabric-commissioning"]
    vendor: str
    name: str
    name_zh: str


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


_FILES = {
    "gpus": "gpus.toml",
    "servers": "servers.toml",
    "configurations": "configurations.toml",
    "network": "network.toml",
    "racks": "facility.toml",
    "pdus": "facility.toml",
    "cooling": "facility.toml",
    "services": "services.toml",
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
        records = data.get(section, [])
        if not isinstance(records, list):
            raise CatalogError(f"{path}: [[{section}]] must be an array of tables")
        by_id: dict[str, object] = {}
        for record in records:
            rid = record.get("id") if isinstance(record, dict) else None
            if not isinstance(rid, str):
                raise CatalogError(f"{path}: a [[{section}]] record has no id")
            if rid in by_id:
                raise CatalogError(f"{path}: duplicate id '{rid}' in [[{section}]]")
            by_id[rid] = record
        raw[section] = by_id
    try:
        return Catalog.model_validate(raw)
    except ValidationError as exc:
        lines = [_describe(folder, error) for error in exc.errors()]
        raise CatalogError(f"catalog in {folder} is invalid:\n" + "\n".join(lines)) from None


def _describe(folder: Path, error: Mapping[str, Any]) -> str:
    """One validation error as 'file: [[section]] record 'id', field: message'."""
    loc = tuple(error.get("loc", ()))
    message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
    if loc and loc[0] in _FILES:
        where = f"{folder / _FILES[str(loc[0])]}: [[{loc[0]}]]"
        if len(loc) > 1:
            where += f" record '{loc[1]}'"
        if len(loc) > 2:
            where += ", field " + ".".join(str(p) for p in loc[2:])
        return f"{where}: {message}"
    # cross-record checks (references, configuration rules) concern configurations
    return f"{folder / _FILES['configurations']}: {message}"


@cache
def load_catalog() -> Catalog:
    """The shipped catalog, read once per process."""
    return read_catalog(resource_path("catalog"))
