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
