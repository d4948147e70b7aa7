"""Words for the engine's codes.

The engine's warnings and refusals carry a stable code and an English sentence
with the figures. In English the GUI shows that sentence; in another language it
shows the translated general sentence for the code (the English one, with its
figures, stays in the tooltip). Unknown codes fall back to the engine's text.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop import format as fmt
from engine.model import ComputeNeed, Message, Workload

GENERAL: dict[str, str] = {
    "cooling-kind": QT_TRANSLATE_NOOP(
        "Messages",
        "These servers are not liquid-cooled; direct liquid cooling needs liquid-cooled servers.",
    ),
    "precision": QT_TRANSLATE_NOOP("Messages", "The GPU does not support the chosen precision."),
    "too-large": QT_TRANSLATE_NOOP("Messages", "The deadline would need more than a million GPUs."),
    "fleet-rounded": QT_TRANSLATE_NOOP("Messages", "The fleet was rounded up to whole servers."),
    "memory": QT_TRANSLATE_NOOP(
        "Messages", "The fleet is too small to hold the model states and activations."
    ),
    "rdhx-budget": QT_TRANSLATE_NOOP(
        "Messages", "The rack budget was lowered to what the rear-door heat exchanger removes."
    ),
    "racks": QT_TRANSLATE_NOOP("Messages", "The servers cannot be placed in racks within the budget."),
    "memory-bound": QT_TRANSLATE_NOOP("Messages", "The GPU count is set by memory, not by the deadline."),
    "beyond-published": QT_TRANSLATE_NOOP(
        "Messages",
        "More GPUs than the largest published training run: efficiency is extrapolated.",
    ),
    "deadline-risk": QT_TRANSLATE_NOOP(
        "Messages", "At the low end of the efficiency band, training runs past the deadline."
    ),
    "mfu-unusual": QT_TRANSLATE_NOOP(
        "Messages", "The MFU is outside what published runs achieve (about 25–55%)."
    ),
    "pcie-large-model": QT_TRANSLATE_NOOP(
        "Messages",
        "A model this large needs tensor parallelism, which runs slowly over PCIe and NVLink bridges.",
    ),
    "rack-limit": QT_TRANSLATE_NOOP("Messages", "Racks are filled by space or weight, not by power."),
    "unverified": QT_TRANSLATE_NOOP("Messages", "Some catalog figures are not verified."),
    "indicative-prices": QT_TRANSLATE_NOOP(
        "Messages", "Prices are indicative: replace them with vendor quotes."
    ),
    "gpu-form-factor": QT_TRANSLATE_NOOP("Messages", "The GPU's form factor does not fit this server."),
    "gpu-slots": QT_TRANSLATE_NOOP("Messages", "The GPUs do not fit the server's GPU positions."),
    "nic-slots": QT_TRANSLATE_NOOP("Messages", "The compute NICs do not fit the server's slots."),
    "psu-capacity": QT_TRANSLATE_NOOP(
        "Messages",
        "The maximum draw exceeds what the power supplies deliver with redundancy.",
    ),
    "overridden": QT_TRANSLATE_NOOP(
        "Messages", "Some BOM lines were set by you, not by the plan (marked in the BOM)."
    ),
    "override-unused": QT_TRANSLATE_NOOP(
        "Messages", "An override no longer applies: the plan has no such line any more."
    ),
    "override-added-clash": QT_TRANSLATE_NOOP(
        "Messages", "A line you added has the id of a planned line; both are kept."
    ),
    "override-price-far": QT_TRANSLATE_NOOP(
        "Messages", "A unit price you set is far from the price list's: check the digits and the currency."
    ),
}


def message_text(message: Message, *, translated: bool) -> str:
    """What to show for an engine message: its own sentence, or the translated general one."""
    general = GENERAL.get(message.code)
    if not translated or general is None:
        return message.text
    return QCoreApplication.translate("Messages", general)


def workload_label(need: ComputeNeed, workload: Workload) -> str:
    """ "GPT-3 175B (174.6B parameters, 300B tokens)" in the GUI's language."""
    preset_name = None
    if workload.preset is not None:
        from engine.compute.workload import load_presets

        preset = load_presets().get(workload.preset)
        preset_name = preset.name if preset else workload.preset
    if workload.flops is not None:
        return f"{fmt.sci(workload.flops)} FLOPs"
    if need.params is not None and need.tokens is not None:
        sizes = (
            QCoreApplication.translate("Messages", "%1 parameters, %2 tokens")
            .replace("%1", fmt.count(need.params))
            .replace("%2", fmt.count(need.tokens))
        )
        return f"{preset_name} ({sizes})" if preset_name else sizes
    if preset_name:
        return preset_name
    return QCoreApplication.translate("Messages", "%1 PF/s-days").replace(
        "%1", fmt.number(need.pf_days, 1 if need.pf_days < 100 else 0)
    )
