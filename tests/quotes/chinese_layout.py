"""An ordinary Chinese quotation, as a reseller writes one, answering the sample plan's Inspur
configuration: 不含税 prices; merged section headings 一、计算设备 … 七、备品备件, each closed
by a 小计 row (its label in the 序号 column, merged, or in the 产品名称 column); the same
switch and cable once for all the plan's categories; the spares in a section of their own;
the warranty written 三年原厂保修 7×24 上门服务; one 税额 row at 13% on goods and 6% on
services; 合计（不含税） and 价税合计. Prices are the plan's except where PLANTED says.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook

CONFIG = "inspur-nf5688m7-h800"
GOODS, SERVICES = Decimal("0.13"), Decimal("0.06")

SECTIONS = (
    ("一、计算设备", ("inspur-nf5688m7-h800",)),
    ("二、网络设备", ("ib-switch-qm9700", "cable-ndr-fiber-10m", "cable-ndr-fiber", "cable-ndr-dac",
                     "xcvr-ndr-osfp-node", "xcvr-ndr-osfp-switch", "eth-storage-sn3700",
                     "eth-mgmt-sn2201", "cable-100g-aoc", "firewall-border")),
    ("三、存储设备", ("inspur-as13000-nvme", "cable-200g-aoc")),
    ("四、管理设备", ("inspur-nf5280m7-mgmt", "ufm-appliance", "eth-storage-sn2700", "cable-cat6a-3m",
                     "cable-cat6a-10m")),
    ("五、机柜、配电及制冷", ("rack-42u", "pdu-3ph-63a", "cord-c19-c20", "cord-c13-c14", "rail-kit",
                           "patch-panel-2u", "mpo-cassette", "cable-tray-m", "blanking-1u",
                           "ups-modular-kw", "crah-inrow-40kw")),
    ("六、软件及服务", ("ufm-licence", "storage-renewal-tb-year", "install-node", "install-rack",
                      "fabric-commissioning", "acceptance-node", "storage-commissioning",
                      "software-deployment", "warranty", "project-management", "logistics")),
    ("七、备品备件", ("spare:hca-cx7-ndr", "spare:cable-ndr-fiber-10m", "spare:cable-ndr-fiber",
                     "spare:cable-ndr-dac", "spare:xcvr-ndr-osfp-node", "spare:xcvr-ndr-osfp-switch",
                     "spare:spare-psu", "spare:spare-fan", "spare:spare-dimm", "spare:spare-nvme")),
)

# planted on purpose: item -> (qty, unit price) the vendor writes instead of the plan's
CHANGED = {"ib-switch-qm9700": (23, None), "eth-mgmt-sn2201": (None, Decimal("38000"))}
LEFT_OUT = ("install-rack",)
SUBTOTAL_SLIP = Decimal("1000")  # the 四、管理设备 subtotal says 1 000 more than its lines
TOTAL_SLIP = Decimal("55555")  # the 价税合计 says 55 555 more than 合计 + 税额


def fen(value: Decimal | float) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def _pooled(plan: Any) -> dict[str, Any]:
    from engine.quotes.matching import pooled

    return {b.item: b for b in pooled(plan.bom)}


def write(plan: Any, path: Path, *, fold_spares: bool = False
          ) -> tuple[Path, list[tuple[str, int | None, str]]]:
    """The quotation at ``path`` and what reconciling it must find: (kind, row, item).
    ``fold_spares``: no spares section; each part's spares are added to its installed line
    (the HCA, which the plan holds only as a spare, keeps a line of its own)."""
    lines = _pooled(plan)
    sections = SECTIONS
    if fold_spares:
        spares = SECTIONS[-1][1]
        kept = tuple(i for i in spares if i.removeprefix("spare:") not in lines)
        sections = (*SECTIONS[:-1], (SECTIONS[-1][0], kept))
    book = Workbook()
    ws = book.active
    ws.title = "报价单"
    ws.append(["浪潮电子信息产业股份有限公司 报价单"])
    ws.merge_cells("A1:I1")
    ws.append(["报价单号：IEIT-BJ-20261201-07 日期：2026-12-01"])
    ws.merge_cells("A2:I2")
    ws.append(["致：某大学智算中心", None, None, None, "币种：人民币（元）"])
    ws.append([])
    ws.append(["序号", "产品名称", "型号", "规格描述", "数量", "单位", "不含税单价", "不含税金额", "备注"])
    planted: list[tuple[str, int | None, str]] = []
    goods = services = total = Decimal(0)
    for number, (heading, items) in enumerate(sections, 1):
        ws.append([heading])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=9)
        section, qty_sum = Decimal(0), 0
        for seq, item in enumerate(items, 1):
            if item in LEFT_OUT:
                continue
            b = lines[item]
            qty, unit = b.qty, fen(b.unit_price)
            if fold_spares and "spare:" + item in lines:
                qty += lines["spare:" + item].qty
            name, desc = b.description_zh[:14], b.description_zh
            part = "" if b.part_number == item.removeprefix("spare:") else b.part_number
            if item == CONFIG:
                name, desc = "GPU服务器", "浪潮 NF5688M7，8×H800 SXM5 80GB，2×Xeon 8480+，2TB 内存"
            if item == "warranty":  # the plan's 3 yearly warranty shares, as one line
                name, desc, qty, unit = "原厂保修服务", "三年原厂保修 7×24 上门服务", 1, fen(b.unit_price * 3)
            new_qty, new_unit = CHANGED.get(item, (None, None))
            qty, unit = new_qty or qty, new_unit or unit
            amount = fen(qty * unit)
            ws.append([f"{number}.{seq}", name, part, desc, qty, "台" if b.category != "services" else "项",
                       float(unit), float(amount), ""])
            if item in CHANGED:
                planted.append(("qty_mismatch" if new_qty else "price_diff", ws.max_row, item))
            section += amount
            qty_sum += qty
            if b.category == "services":
                services += amount
            else:
                goods += amount
        slip = SUBTOTAL_SLIP if heading.startswith("四") else Decimal(0)
        if number % 2:  # 小计 in the 序号 column, merged over the text columns
            ws.append(["小计", None, None, None, None, None, None, float(section + slip)])
            ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=7)
        else:  # 小计 in the 产品名称 column, the quantities added up too
            ws.append([None, f"{heading[2:]}小计", None, None, qty_sum, None, None, float(section + slip)])
        if slip:
            planted.append(("arithmetic", ws.max_row, ""))
        total += section
    planted += [("missing", None, item) for item in LEFT_OUT]
    tax = fen(goods * GOODS + services * SERVICES)
    ws.append(["合计（不含税）", None, None, None, None, None, None, float(total)])
    ws.append(["税额（货物 13%，服务 6%）", None, None, None, None, None, None, float(tax)])
    ws.append(["价税合计", None, None, None, None, None, None, float(total + tax + TOTAL_SLIP)])
    planted.append(("arithmetic", ws.max_row, ""))
    ws.append(["大写：人民币（略）"])
    ws.append(["交货期：合同签订后 45 天；付款方式：按合同约定"])
    book.save(path)
    return path, sorted(planted, key=lambda p: (p[1] or 0, p[0]))
