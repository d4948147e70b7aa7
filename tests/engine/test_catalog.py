"""The shipped hardware catalog: it loads, it is sourced, its figures are the published
ones, and a configuration a vendor's configurator would refuse is refused here too."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from engine.catalog import Catalog, CatalogError, load_catalog, read_catalog
from engine.resources import resource_path
from engine.rules import configuration_refusals

SECTIONS = ("gpus", "servers", "configurations", "network", "racks", "pdus", "cooling", "services")

# Ids other code, saved plans and the command line rely on.
REQUIRED_GPUS = {
    "a100-sxm4-40gb", "a100-sxm4-80gb", "a100-pcie-80gb", "a800-sxm4-80gb", "a800-pcie-80gb",
    "h100-sxm5-80gb", "h100-pcie-80gb", "h800-sxm5-80gb", "h20-96gb", "l40s-48gb", "a40-48gb",
    # the 2026 China-market parts (tests/engine/test_catalog_2026.py)
    "h20-141gb", "h200-sxm5-141gb", "ascend-910b",
}
REQUIRED_CONFIGURATIONS = {
    "inspur-nf5688m6-a800", "inspur-nf5688m6-a100", "inspur-nf5468m6-a800-pcie",
    "inspur-nf5468m6-a100-pcie", "inspur-nf5688m7-h800", "lenovo-sr670v2-a100-pcie",
    "lenovo-sr670v2-a800-pcie", "lenovo-sr670v2-a40", "lenovo-sr670v2-4dw-a100-pcie",
    "lenovo-sr670v2-hgx-a100", "lenovo-sr675v3-l40s", "lenovo-sr680av3-h800",
    "lenovo-sr680av3-h100",
}

# shared/reference/calibration.md, "Peak dense throughput (TFLOP/s; sparse = 2 × dense)":
#
# | GPU | BF16/FP16 tensor | TF32 | FP8 | memory | bandwidth | GPU-GPU link | TDP |
# | A100 SXM4 40GB | 312 | 156 | — | 40 GB HBM2 | 1555 GB/s | NVLink 600 GB/s | 400 W |
# | A100 SXM4 80GB | 312 | 156 | — | 80 GB HBM2e | 2039 GB/s | NVLink 600 GB/s | 400 W (500 W variant) |
# | A100 PCIe 80GB | 312 | 156 | — | 80 GB HBM2e | 1935 GB/s | NVLink bridge (pairs) 600 GB/s | 300 W |
# | A800 SXM4 80GB | 312 | 156 | — | 80 GB HBM2e | 2039 GB/s | NVLink 400 GB/s | 400 W |
# | A800 PCIe 80GB | 312 | 156 | — | 80 GB HBM2e | 1935 GB/s | NVLink bridge 400 GB/s | 300 W |
# | H100 SXM5 80GB | 989 | 495 | 1979 | 80 GB HBM3 | 3350 GB/s | NVLink 900 GB/s | 700 W |
# | H100 PCIe 80GB | 756 | 378 | 1513 | 80 GB HBM2e | 2000 GB/s | NVLink bridge 600 GB/s | 350 W |
# | H800 SXM5 80GB | 989 | 495 | 1979 | 80 GB HBM3 | 3350 GB/s | NVLink 400 GB/s | 700 W |
# | H20 96GB | 148 | 74 | 296 (unverified) | 96 GB HBM3 | 4000 GB/s | NVLink 900 GB/s | 400 W |
# | L40S 48GB | 362 | 183 | 733 | 48 GB GDDR6 | 864 GB/s | PCIe only | 350 W |
# | A40 48GB | 149.7 | 74.8 | — | 48 GB GDDR6 | 696 GB/s | NVLink bridge 112.5 GB/s | 300 W |
#
# id: (bf16/fp16, tf32, fp8 or None, memory GB, memory type, bandwidth GB/s, link GB/s, TDP W)
PEAKS = {
    "a100-sxm4-40gb": (312, 156, None, 40, "HBM2", 1555, 600, 400),
    "a100-sxm4-80gb": (312, 156, None, 80, "HBM2e", 2039, 600, 400),
    "a100-pcie-80gb": (312, 156, None, 80, "HBM2e", 1935, 600, 300),
    "a800-sxm4-80gb": (312, 156, None, 80, "HBM2e", 2039, 400, 400),
    "a800-pcie-80gb": (312, 156, None, 80, "HBM2e", 1935, 400, 300),
    "h100-sxm5-80gb": (989, 495, 1979, 80, "HBM3", 3350, 900, 700),
    "h100-pcie-80gb": (756, 378, 1513, 80, "HBM2e", 2000, 600, 350),
    "h800-sxm5-80gb": (989, 495, 1979, 80, "HBM3", 3350, 400, 700),
    "h20-96gb": (148, 74, 296, 96, "HBM3", 4000, 900, 400),
    "l40s-48gb": (362, 183, 733, 48, "GDDR6", 864, 0, 350),
    "a40-48gb": (149.7, 74.8, None, 48, "GDDR6", 696, 112.5, 300),
}

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def catalog_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "catalog"
    shutil.copytree(resource_path("catalog"), folder)
    return folder


def test_shipped_catalog_loads_with_the_public_ids(catalog: Catalog) -> None:
    assert set(catalog.gpus) == REQUIRED_GPUS
    assert set(catalog.configurations) >= REQUIRED_CONFIGURATIONS
    assert {"rack-42u", "rack-47u"} <= set(catalog.racks)
    assert set(catalog.services) == {
        "install-node", "install-rack", "fabric-commissioning", "acceptance-node",
        "storage-commissioning", "software-deployment",
    }
    assert set(catalog.rated_services) == {"warranty", "project-management", "logistics"}
    assert {s.kind for s in catalog.services.values()} == set(catalog.services)
    assert {p.kind for p in catalog.network.values()} == {
        "ib-switch", "ib-director", "eth-switch", "hca", "cable", "transceiver",
    }
    assert {c.kind for c in catalog.cooling.values()} == {"crah", "rdhx", "cdu"}
    assert len(catalog.pdus) >= 3


def test_every_record_has_a_source_and_a_verified_flag(catalog: Catalog) -> None:
    for section in SECTIONS:
        records = getattr(catalog, section)
        assert records, section
        for rid, record in records.items():
            assert record.id == rid
            assert len(record.source.strip()) >= 10, f"{section} {rid}"
            assert isinstance(record.verified, bool)


@pytest.mark.parametrize("gpu_id", sorted(PEAKS))
def test_gpu_figures_match_the_calibration_table(catalog: Catalog, gpu_id: str) -> None:
    fp16, tf32, fp8, memory_gb, memory_type, bandwidth, link, tdp = PEAKS[gpu_id]
    gpu = catalog.gpu(gpu_id)
    assert gpu.dense_tflops["fp16"] == gpu.dense_tflops["bf16"] == fp16
    assert gpu.dense_tflops["tf32"] == tf32
    assert gpu.dense_tflops.get("fp8") == fp8
    for precision in ("fp16", "bf16", "tf32", "fp8"):
        if precision in gpu.dense_tflops:
            assert gpu.sparse_tflops[precision] == pytest.approx(
                2 * gpu.dense_tflops[precision], rel=0.001
            )
    assert "fp64" not in gpu.sparse_tflops  # no sparse FP64
    assert (gpu.memory_gb, gpu.memory_type, gpu.bandwidth_gbs) == (memory_gb, memory_type, bandwidth)
    assert (gpu.link_gbs, gpu.tdp_w) == (link, tdp)


def test_seed_nf5688m6_five_pflops_is_the_sparse_fp16_peak(catalog: Catalog) -> None:
    # Seed: NF5688M6 with 8 × A800 gives "5 PFLOPS of AI compute" = 8 × 624 sparse FP16.
    cfg = catalog.configuration("inspur-nf5688m6-a800")
    gpu = catalog.gpu(cfg.gpu)
    assert (cfg.gpu_count, gpu.id, cfg.intra_node_link, cfg.intra_node_gbs) == (
        8, "a800-sxm4-80gb", "nvswitch", 400,
    )
    sparse_pflops = cfg.gpu_count * gpu.sparse_tflops["fp16"] / 1000
    dense_pflops = cfg.gpu_count * gpu.dense_tflops["fp16"] / 1000
    assert sparse_pflops == pytest.approx(4.992)
    assert round(sparse_pflops) == 5
    assert dense_pflops == pytest.approx(2.496)


def test_every_configuration_passes_the_rules(catalog: Catalog) -> None:
    for cfg in catalog.configurations.values():
        refusals = configuration_refusals(
            server=catalog.servers[cfg.server], gpu=catalog.gpus[cfg.gpu],
            gpu_count=cfg.gpu_count, max_power_w=cfg.max_power_w, nics=cfg.compute_nics,
        )
        assert refusals == [], cfg.id


def test_configuration_power_and_parts_are_consistent(catalog: Catalog) -> None:
    for cfg in catalog.configurations.values():
        server, gpu = catalog.servers[cfg.server], catalog.gpus[cfg.gpu]
        nic = catalog.network[cfg.compute_nic]
        # typical draw under training: the GPUs' TDP sum plus the rest, below the maximum
        assert cfg.gpu_count * gpu.tdp_w < cfg.typical_power_w < cfg.max_power_w, cfg.id
        assert nic.kind == "hca"
        # HDR 200G for the A100/A800 generation, NDR 400G after it (DESIGN.md); an Ascend
        # module's own 200GE RoCE ports
        expected = {"ampere": "HDR", "davinci": "RoCE200"}.get(gpu.architecture, "NDR")
        assert nic.technology == expected, cfg.id
        if gpu.form_factor != "pcie" and cfg.gpu_count == 8:  # SXM/HGX 8-GPU: GPU:NIC 1:1
            assert cfg.compute_nics == cfg.gpu_count, cfg.id
        if gpu.form_factor == "pcie":
            assert 1 <= cfg.compute_nics <= 4, cfg.id
        assert cfg.intra_node_gbs <= max(gpu.link_gbs, 64), cfg.id
        assert CJK.search(cfg.description_zh), cfg.id
        assert CJK.search(server.name_zh), server.id


def test_lenovo_sr670v2_models(catalog: Catalog) -> None:
    hgx = catalog.configuration("lenovo-sr670v2-hgx-a100")
    sxm = catalog.servers[hgx.server]
    assert (hgx.gpu, hgx.gpu_count, hgx.intra_node_link) == ("a100-sxm4-80gb", 4, "nvlink-mesh")
    assert (sxm.rack_units, sxm.cooling, sxm.gpu_form_factors) == (3, "liquid-to-air", ("sxm4",))
    eight = catalog.servers[catalog.configuration("lenovo-sr670v2-a100-pcie").server]
    assert (eight.variant, eight.gpu_slots, eight.gpu_form_factors) == (
        "8-DW GPU model", 8, ("pcie",),
    )
    four = catalog.servers[catalog.configuration("lenovo-sr670v2-4dw-a100-pcie").server]
    assert (four.variant, four.gpu_slots) == ("4-DW GPU model", 4)


# ------------------------------------------------------------- refusals by the rules


def _codes_and_texts(catalog: Catalog, server: str, gpu: str, count: int, max_w: float,
                     nics: int) -> dict[str, str]:
    refusals = configuration_refusals(
        server=catalog.servers[server], gpu=catalog.gpus[gpu], gpu_count=count,
        max_power_w=max_w, nics=nics,
    )
    return {m.code: m.text for m in refusals}


def test_sxm_gpu_in_the_pcie_only_sr670v2_is_refused(catalog: Catalog) -> None:
    refused = _codes_and_texts(catalog, "lenovo-sr670v2-8dw", "a100-sxm4-80gb", 8, 3800, 4)
    assert set(refused) == {"gpu-form-factor"}
    assert "SXM4" in refused["gpu-form-factor"]
    assert "8-DW GPU model" in refused["gpu-form-factor"]
    assert "PCIE GPUs only" in refused["gpu-form-factor"]


def test_ten_gpus_in_an_eight_slot_server_are_refused(catalog: Catalog) -> None:
    refused = _codes_and_texts(catalog, "inspur-nf5468m6", "a800-pcie-80gb", 10, 4200, 4)
    assert set(refused) == {"gpu-slots"}
    assert "10 GPUs" in refused["gpu-slots"] and "8 GPU positions" in refused["gpu-slots"]


def test_psus_too_small_under_redundancy_are_refused(catalog: Catalog) -> None:
    # 4 × 1800 W with 2 redundant deliver 3600 W: a 4000 W maximum does not fit.
    refused = _codes_and_texts(catalog, "lenovo-sr670v2-4dw", "a100-pcie-80gb", 4, 4000, 2)
    assert set(refused) == {"psu-capacity"}
    assert "4000 W" in refused["psu-capacity"] and "(3600 W)" in refused["psu-capacity"]
    assert "2 redundant" in refused["psu-capacity"]


def test_too_many_hcas_are_refused(catalog: Catalog) -> None:
    refused = _codes_and_texts(catalog, "lenovo-sr670v2-8dw", "a100-pcie-80gb", 8, 3800, 8)
    assert set(refused) == {"nic-slots"}


# ------------------------------------------------------------- broken catalog files


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_broken_toml_names_the_file(catalog_copy: Path) -> None:
    _append(catalog_copy / "network.toml", '\n[[network]]\nid = "unterminated\n')
    with pytest.raises(CatalogError, match=r"network\.toml is not valid TOML"):
        read_catalog(catalog_copy)


def test_missing_file_names_the_file(catalog_copy: Path) -> None:
    (catalog_copy / "services.toml").unlink()
    with pytest.raises(CatalogError, match=r"services\.toml"):
        read_catalog(catalog_copy)


def test_duplicate_id_names_the_file_and_record(catalog_copy: Path) -> None:
    gpus = catalog_copy / "gpus.toml"
    first = gpus.read_text(encoding="utf-8").split("[[gpus]]")[1]
    _append(gpus, "\n[[gpus]]" + first)
    with pytest.raises(CatalogError, match=r"gpus\.toml: duplicate id 'a100-sxm4-40gb'"):
        read_catalog(catalog_copy)


def _add_configuration(folder: Path, **changes: object) -> None:
    fields: dict[str, object] = {
        "id": "test-config", "server": "lenovo-sr670v2-8dw", "gpu": "a100-pcie-80gb",
        "gpu_count": 8, "intra_node_link": "nvlink-bridge", "intra_node_gbs": 600,
        "compute_nic": "hca-cx6-hdr", "compute_nics": 4, "max_power_w": 3800,
        "typical_power_w": 3300, "description_en": "test", "description_zh": "测试",
        "source": "hand-made for a test", "verified": False,
    }
    fields.update(changes)
    lines = [
        f"{k} = {str(v).lower() if isinstance(v, bool) else repr(v).replace(chr(39), chr(34))}"
        for k, v in fields.items()
    ]
    _append(folder / "configurations.toml", "\n[[configurations]]\n" + "\n".join(lines) + "\n")


def test_the_hand_made_configuration_itself_loads(catalog_copy: Path) -> None:
    _add_configuration(catalog_copy)
    assert "test-config" in read_catalog(catalog_copy).configurations


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"gpu": "a100-sxm9-80gb"}, r"unknown gpu 'a100-sxm9-80gb'"),
        ({"server": "lenovo-sr999"}, r"unknown server 'lenovo-sr999'"),
        ({"compute_nic": "ib-switch-qm8700"}, r"compute_nic 'ib-switch-qm8700' is not an HCA"),
        ({"gpu": "a100-sxm4-80gb"}, r"SXM4 GPU; the ThinkSystem SR670 V2 8-DW GPU model"),
        ({"gpu_count": 10}, r"10 GPUs do not fit"),
        ({"max_power_w": 5000}, r"maximum draw 5000 W exceeds"),
    ],
)
def test_bad_configuration_names_the_file_record_and_reason(
    catalog_copy: Path, changes: dict[str, object], reason: str
) -> None:
    _add_configuration(catalog_copy, **changes)
    with pytest.raises(CatalogError) as caught:
        read_catalog(catalog_copy)
    message = str(caught.value)
    assert "configurations.toml" in message
    assert "test-config" in message
    assert re.search(reason, message), message


def test_invalid_field_names_the_file_record_and_field(catalog_copy: Path) -> None:
    gpus = catalog_copy / "gpus.toml"
    gpus.write_text(gpus.read_text(encoding="utf-8").replace("tdp_w = 350", "tdp_w = -350", 1),
                    encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        read_catalog(catalog_copy)
    message = str(caught.value)
    assert re.search(r"gpus\.toml: \[\[gpus\]\] record 'h100-pcie-80gb', field tdp_w", message)


def test_sparse_peak_must_be_twice_dense(catalog_copy: Path) -> None:
    gpus = catalog_copy / "gpus.toml"
    text = gpus.read_text(encoding="utf-8")
    gpus.write_text(text.replace("fp16 = 624", "fp16 = 600", 1), encoding="utf-8")
    with pytest.raises(CatalogError, match=r"a100-sxm4-40gb: sparse fp16 peak 600"):
        read_catalog(catalog_copy)
