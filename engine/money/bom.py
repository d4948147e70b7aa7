"""Step 6: the bill of materials: every physical thing and service is a priced line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from engine.catalog import Catalog, counted_parts
from engine.memo import HeldCache
from engine.model import BomLine, Category, Component, Message, note, notes_text
from engine.money.indicative import node_price

if TYPE_CHECKING:
    from engine.money.prices import PriceList


@dataclass(frozen=True)
class Need:
    category: Category
    item: str  # catalog id = price-list item
    qty: int
    notes: tuple[Message, ...] = ()  # why this many: codes and figures (engine.model.note)


def price_lines(
    needs: list[Need], prices: PriceList, currency: str, exchange_rate: float
) -> tuple[BomLine, ...]:
    """One line per need with a quantity, priced in ``currency``; equal items are merged."""
    merged: dict[tuple[Category, str], Need] = {}
    for need in needs:
        key = (need.category, need.item)
        if key in merged:
            old = merged[key]
            need = Need(need.category, need.item, old.qty + need.qty, old.notes + need.notes)
        merged[key] = need
    lines = []
    for need in merged.values():
        if need.qty <= 0:
            continue
        entry = prices.entry(need.item)
        lines.append(BomLine(
            category=need.category,
            item=need.item,
            vendor=entry.vendor,
            part_number=entry.part_number,
            description_en=entry.description_en,
            description_zh=entry.description_zh,
            qty=need.qty,
            unit_price=round(prices.price(need.item, currency, exchange_rate), 2),
            currency=currency,
            note=notes_text(need.notes),
            notes=need.notes,
        ))
    return tuple(lines)


# A system's parts follow from the catalog alone, and every plan of a comparison lists them:
# kept per catalog and configuration.
_COMPONENTS: HeldCache[tuple[Component, ...]] = HeldCache(256)


def system_components(catalog: Catalog, config_id: str) -> tuple[Component, ...]:
    """What one configured system holds, per system, as a vendor's configurator lists it."""
    return _COMPONENTS.get((id(catalog), config_id), (catalog,),
                           lambda: _system_components(catalog, config_id))


def _system_components(catalog: Catalog, config_id: str) -> tuple[Component, ...]:
    cfg = catalog.configuration(config_id)
    server, gpu, nic = catalog.servers[cfg.server], catalog.gpus[cfg.gpu], catalog.network[cfg.compute_nic]
    out = []
    link = f"{cfg.intra_node_link}, {cfg.intra_node_gbs:g} GB/s"
    if gpu.form_factor.startswith("sxm"):
        out.append(Component("baseboard", f"NVIDIA HGX {cfg.gpu_count}-GPU baseboard ({link} per GPU)",
                             1, description_zh=f"NVIDIA HGX {cfg.gpu_count}-GPU 基板（{link}/GPU）"))
    out.append(Component("gpu", gpu.name, cfg.gpu_count, gpu.id))
    out += [Component("cpu", text, n) for n, text in counted_parts(server.cpus)]
    out += [Component("memory", text, n) for n, text in counted_parts(server.memory)]
    out += [Component("drive", text, n) for n, text in counted_parts(server.storage)]
    out.append(Component("nic", nic.name, cfg.compute_nics, nic.id, nic.name_zh, nic.part_number))
    psu = server.psu
    split = f"{psu.count - psu.redundant}+{psu.redundant}"
    out.append(Component("psu", f"{psu.watts:g} W power supply ({split} redundant)", psu.count,
                         description_zh=f"{psu.watts:g} W 电源（{split} 冗余）"))
    return tuple(out)


def configured_system_line(
    catalog: Catalog, config_id: str, qty: int, prices: PriceList, currency: str,
    exchange_rate: float, node_nic: str = "",
) -> BomLine:
    """One line per configured system at one price: base system, GPUs and HCAs inside it, and
    ``node_nic`` (its storage and in-band adapter) when one is given."""
    cfg = catalog.configuration(config_id)
    gpu, nic = catalog.gpus[cfg.gpu], catalog.network[cfg.compute_nic]
    entry = prices.entry(cfg.id)

    def each(item: str) -> float:
        return prices.price(item, currency, exchange_rate)

    unit = node_price(catalog, prices, config_id, currency, exchange_rate)
    about = note("configured-system", base=each(cfg.id), gpus=cfg.gpu_count, gpu=gpu.name,
                 gpu_price=each(cfg.gpu), hcas=cfg.compute_nics, hca=nic.part_number,
                 hca_price=each(cfg.compute_nic), currency=currency)
    notes: tuple[Message, ...] = (about,)
    components = system_components(catalog, config_id)
    if node_nic:  # the node's storage and in-band adapter, inside the system's price
        front = catalog.network[node_nic]
        unit += each(node_nic)
        components += (Component("nic", front.name, 1, front.id, front.name_zh, front.part_number),)
        notes += (note("system-adapter", part=front.part_number, price=each(node_nic),
                       currency=currency),)
    return BomLine(
        category="compute", item=cfg.id, vendor=entry.vendor, part_number=entry.part_number,
        description_en=cfg.description_en, description_zh=cfg.description_zh, qty=qty,
        unit_price=round(unit, 2), currency=currency,
        note=notes_text(notes), notes=notes,
        components=components,
    )
