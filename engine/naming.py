"""What a person calls a configuration: "Inspur NF5688M6 · 8× A800 SXM4" rather than
``inspur-nf5688m6-a800``, in the reader's language. Documents, the GUI and the
recommendation's caveats name configurations through it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from engine.i18n import get
from engine.model import Plan

_MEMORY = re.compile(r"\s+\d+\s*GB$")


def gpu_short(gpu_name: str) -> str:
    """'NVIDIA A800 SXM4 80GB' -> 'A800 SXM4': the model and form, as buyers say it."""
    return _MEMORY.sub("", gpu_name.removeprefix("NVIDIA ").removeprefix("Huawei "))


def server_model(plan: Plan) -> str:
    """'Lenovo ThinkSystem SR670 V2' -> 'SR670 V2': the model without vendor or family."""
    model = plan.server.removeprefix(plan.vendor).strip()
    return model.removeprefix("ThinkSystem").removeprefix("WenTian").strip()  # families


def config_title(plan: Plan, vendor: str | None = None) -> str:
    """'Inspur NF5688M6 · 8× A800 SXM4'; ``vendor`` is the vendor's name in the reader's
    language (default: as the catalog spells it)."""
    return (f"{vendor or plan.vendor} {server_model(plan)} · {plan.gpus_per_node}× "
            f"{gpu_short(plan.gpu_name)}")


def vendor_name(vendor: str, lang: str) -> str:
    """The vendor as ``lang`` names it (联想, 浪潮); a brand the catalogue does not list
    (NVIDIA) stays as it is."""
    return get(f"vendor.{vendor.lower().replace(' ', '-')}", lang, vendor)


def titles(plans: Sequence[Plan], lang: str) -> dict[str, str]:
    """Each configuration's title in ``lang``; two configurations that would share one (the
    same server model and GPUs in two variants) keep their id beside it."""
    named = {p.config: config_title(p, vendor_name(p.vendor, lang)) for p in plans}
    count = Counter(named.values())
    return {config: f"{name} ({config})" if count[name] > 1 else name
            for config, name in named.items()}


def config_code(config: str) -> str:
    """Four letters and digits that stand for a configuration in an RFQ's number ("7KQ2"):
    the same for the same id on any machine, so a reply that echoes the number alone
    names the configuration it answers (base 32 of the id's SHA-1, about a million codes)."""
    import base64
    import hashlib

    return base64.b32encode(hashlib.sha1(config.encode("utf-8")).digest()).decode()[:4]


def rfq_reference(rfq_no: str, config: str) -> str:
    """The number an RFQ prints for one configuration: the RFQ's number and the
    configuration's code ("RFQ-2026-017-7KQ2")."""
    return f"{rfq_no}-{config_code(config)}" if rfq_no else config_code(config)


def config_by_reference(reference: str, configs: Sequence[str]) -> str | None:
    """The one configuration of ``configs`` whose code ends an RFQ number ``reference``, or
    None (no number, no code, or a code two configurations share)."""
    found = [c for c in configs
             if re.search(rf"(?<![A-Z0-9]){config_code(c)}$", reference.strip().upper())]
    return found[0] if len(found) == 1 else None
