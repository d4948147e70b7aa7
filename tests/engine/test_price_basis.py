"""One price basis: every shipped price says whose market it belongs to, a GPU's module and
card sit on the same basis with the module never below the card, and configured systems
land on the public price points of /work/shared/reference/prices.md (written out below)."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.catalog import load_catalog
from engine.money.indicative import node_price
from engine.money.prices import (
    BASES,
    PriceError,
    PriceList,
    read_price_list,
    shipped_price_list_path,
    write_price_list,
)

RATE = 7.2  # CNY per USD, prices.md: "USD/CNY was about 7.2 in 2023"


@pytest.fixture(scope="module")
def shipped() -> PriceList:
    return read_price_list(shipped_price_list_path())


def test_every_shipped_price_states_its_market_basis(shipped: PriceList) -> None:
    unstated = [e.item for e in shipped.entries.values() if e.basis not in BASES]
    assert unstated == []
    # a price read in the Chinese press or on the Chinese market is on the China basis
    for e in shipped.entries.values():
        if "Chinese press" in e.source.split(";")[0] or "CN market" in e.source:
            assert e.basis == "CN", e.item


def _chip(gpu_id: str) -> str:
    return gpu_id.split("-")[0]  # a100, a800, h100, ...


def test_a_gpus_module_and_card_share_one_basis_and_the_module_is_never_cheaper(shipped: PriceList) -> None:
    gpus = load_catalog().gpus.values()
    pairs = [(m, c) for m in gpus for c in gpus
             if m.form_factor.startswith("sxm") and c.form_factor == "pcie"
             and _chip(m.id) == _chip(c.id) and m.memory_gb == c.memory_gb]
    # A100 80GB, A800 80GB and H100 80GB come as both an SXM module and a PCIe card
    assert {_chip(m.id) for m, _ in pairs} == {"a100", "a800", "h100"}
    for module, card in pairs:
        m, c = shipped.entry(module.id), shipped.entry(card.id)
        assert m.basis == c.basis, (module.id, card.id)
        assert shipped.price(module.id, "CNY", RATE) >= shipped.price(card.id, "CNY", RATE), module.id


def test_the_gpus_of_hgx_servers_and_their_cards_are_priced_on_the_china_basis(shipped: PriceList) -> None:
    # the configurations a plan ranks against each other all carry their GPUs on one basis, the
    # market of the buyer: else an H800 server would look cheaper than an A800 one for the basis
    catalog = load_catalog()
    trained_on = {cfg.gpu for cfg in catalog.configurations.values()}
    hgx_chips = {_chip(g) for g in trained_on if catalog.gpus[g].form_factor.startswith("sxm")}
    for gpu in catalog.gpus.values():
        if _chip(gpu.id) in hgx_chips:
            assert shipped.entry(gpu.id).basis == "CN", gpu.id


# Public points of prices.md: (what, low, high, currency, source)
CARDS = [
    ("a100-pcie-80gb", 103_500, "Chinese press, 2023-06: A100 80GB about ¥103 500"),
    ("a800-pcie-80gb", 83_000, "Chinese press, 2023-06: A800 80GB about ¥83 000"),
    ("h100-pcie-80gb", 252_000, "Chinese press, 2023-06: H100 80GB about ¥252 000 in China"),
]


@pytest.mark.parametrize(("item", "cny", "source"), CARDS)
def test_the_cards_are_at_their_chinese_price_points(shipped: PriceList, item: str, cny: float,
                                                      source: str) -> None:
    assert shipped.price(item, "CNY", RATE) == pytest.approx(cny, rel=0.02), source


def test_the_ndr_switch_is_inside_its_published_range(shipped: PriceList) -> None:
    # published comparison, 2024-08: 64-port NDR switch US$36 000 (third party) to US$50 000 (NVIDIA)
    assert 36_000 <= shipped.price("ib-switch-qm9700", "USD", RATE) <= 50_000


# HGX H100 8-GPU server with IB cards: US$310 000-317 000 (reseller quote, 2024-08), an
# international price. The China basis adds each GPU's China premium, from prices.md's two H100
# points: ¥252 000 in China against US$25-30k elsewhere = ¥36 000 to ¥72 000 a GPU at 7.2.
HGX_LOW = 310_000 * RATE + 8 * (252_000 - 30_000 * RATE)  # 2 520 000
HGX_HIGH = 317_000 * RATE + 8 * (252_000 - 25_000 * RATE)  # 2 858 400
TOLERANCE = 0.05  # the base systems are estimates within the reseller quote's range


@pytest.mark.parametrize("config", ["lenovo-sr680av3-h100", "lenovo-sr680av3-h800", "inspur-nf5688m7-h800"])
def test_an_hgx_h100_class_server_lands_on_the_reseller_quote_in_china(shipped: PriceList,
                                                                        config: str) -> None:
    price = node_price(load_catalog(), shipped, config, "CNY", RATE)
    assert HGX_LOW * (1 - TOLERANCE) <= price <= HGX_HIGH * (1 + TOLERANCE), price
    # never below NVIDIA's own DGX H100 at about US$270 000 (industry analysis, 2023-05): a buyer
    # in China pays at least the international price
    assert price >= 270_000 * RATE


def test_an_hgx_a100_server_lands_near_the_dgx_a100(shipped: PriceList) -> None:
    # DGX A100 from about US$200 000 (press, 2020-05). The A100's China price (¥103 500, about
    # US$15 000) carries no premium, so the point needs none; tolerance 25%: a launch price of
    # NVIDIA's own system three years before the card's price point, against an OEM server.
    price = node_price(load_catalog(), shipped, "inspur-nf5688m6-a100", "CNY", RATE)
    assert price == pytest.approx(360_000 + 8 * 103_500 + 8 * 1_400 * RATE)  # 1 268 640, written out
    assert 200_000 * RATE * 0.75 <= price <= 200_000 * RATE * 1.25


def test_a_users_list_may_state_the_basis_and_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("item,vendor,part_number,description_en,description_zh,unit_price,currency,date,"
                    "source,confidence,basis\n"
                    "h800-sxm5-80gb,NVIDIA,,H800,,240000,CNY,2026-11-01,vendor quote,high,cn\n"
                    "ib-switch-qm9700,NVIDIA,,QM9700,,45000,USD,2026-11-01,reseller,medium,\n",
                    encoding="utf-8")
    mine = read_price_list(path)
    assert mine.entry("h800-sxm5-80gb").basis == "CN" and mine.entry("ib-switch-qm9700").basis == ""
    again = tmp_path / "again.xlsx"
    write_price_list(mine, again)
    assert read_price_list(again).entry("h800-sxm5-80gb").basis == "CN"
    path.write_text(path.read_text(encoding="utf-8").replace(",cn\n", ",EU\n"), encoding="utf-8")
    with pytest.raises(PriceError, match=r"line 2, column basis: value 'EU' is not allowed; expected CN"):
        read_price_list(path)
