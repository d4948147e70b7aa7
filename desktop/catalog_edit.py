"""Add or edit a system the user enters: an accelerator, a server, a configuration and its prices.

The fields start from a system of the catalog (a buyer's datasheet is rarely far from one) and
take the ranges of resources/bounds.toml as the user types (desktop.fields). On saving, the
engine checks the records with the shipped catalog's own rules (engine.user_catalog ->
engine.catalog.validated_catalog) and keeps them in the user data folder; what it refuses is
shown with the field, the value and what is allowed, and that field is marked.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import typing
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.fields import ValueField, bounded
from desktop.noop import QT_TRANSLATE_NOOP
from desktop.pairing import vendor_name
from engine.catalog import NO_SPARSITY, Catalog, CatalogError, Configuration, Gpu, Server, bound_key


@dataclass(frozen=True)
class Spec:
    """One field of the editor: the record's field ("psu.watts", "dense_tflops.bf16"), its
    label, and how it is entered ("id", "text", "number", "choice", "list", "bool")."""

    section: str
    field: str
    label: str
    kind: str = "text"
    optional: bool = False


def _t(text: str) -> str:
    return QT_TRANSLATE_NOOP("SystemEditor", text)


PEAKS = (("fp64", _t("FP64 tensor peak (TFLOPS)")), ("fp64_vector", _t("FP64 peak (TFLOPS)")),
         ("fp32", _t("FP32 peak (TFLOPS)")), ("tf32", _t("TF32 dense peak (TFLOPS)")),
         ("bf16", _t("BF16 dense peak (TFLOPS)")), ("fp16", _t("FP16 dense peak (TFLOPS)")),
         ("fp8", _t("FP8 dense peak (TFLOPS)")), ("int8", _t("INT8 dense peak (TOPS)")))
SPECS: tuple[Spec, ...] = (
    Spec("gpus", "id", _t("Id"), "id"),
    Spec("gpus", "name", _t("Name")),
    Spec("gpus", "vendor", _t("Maker")),
    Spec("gpus", "architecture", _t("Architecture"), "choice"),
    Spec("gpus", "form_factor", _t("Form factor"), "choice"),
    Spec("gpus", "memory_gb", _t("Memory (GB)"), "number"),
    Spec("gpus", "memory_type", _t("Memory type")),
    Spec("gpus", "bandwidth_gbs", _t("Memory bandwidth (GB/s)"), "number"),
    Spec("gpus", "link", _t("GPU-to-GPU link"), "choice"),
    Spec("gpus", "link_gbs", _t("GPU-to-GPU bandwidth (GB/s, 0 for PCIe only)"), "number"),
    Spec("gpus", "tdp_w", _t("TDP (W)"), "number"),
    *(Spec("gpus", f"dense_tflops.{key}", label, "number", optional=key != "bf16")
      for key, label in PEAKS),
    Spec("gpus", "sparsity", _t("2:4 sparse peaks (twice the dense ones)"), "bool"),
    Spec("gpus", "source", _t("Source")),
    Spec("gpus", "verified", _t("Verified in a vendor document"), "bool"),
    Spec("servers", "id", _t("Id"), "id"),
    Spec("servers", "vendor", _t("Vendor"), "choice"),
    Spec("servers", "model", _t("Model")),
    Spec("servers", "variant", _t("Variant")),
    Spec("servers", "name_zh", _t("Chinese name")),
    Spec("servers", "part_number", _t("Part number")),
    Spec("servers", "rack_units", _t("Height (U)"), "number"),
    Spec("servers", "weight_kg", _t("Weight (kg)"), "number"),
    Spec("servers", "psu.count", _t("Power supplies (count)"), "number"),
    Spec("servers", "psu.watts", _t("Power per supply (W)"), "number"),
    Spec("servers", "psu.redundant", _t("Supplies that may fail (count)"), "number"),
    Spec("servers", "gpu_form_factors", _t("GPU form factors it takes (comma-separated)"), "list"),
    Spec("servers", "gpu_slots", _t("GPU slots"), "number"),
    Spec("servers", "cpus", _t("CPUs (N × part)")),
    Spec("servers", "memory", _t("Memory (N × part)")),
    Spec("servers", "storage", _t("Storage (N × part)")),
    Spec("servers", "cooling", _t("Cooling"), "choice"),
    Spec("servers", "nic_slots", _t("Slots for compute HCAs"), "number"),
    Spec("servers", "source", _t("Source")),
    Spec("servers", "verified", _t("Verified in a vendor document"), "bool"),
    Spec("configurations", "id", _t("Id"), "id"),
    Spec("configurations", "gpu_count", _t("GPUs per server"), "number"),
    Spec("configurations", "intra_node_link", _t("Link inside the server"), "choice"),
    Spec("configurations", "intra_node_gbs", _t("Bandwidth inside the server (GB/s)"), "number"),
    Spec("configurations", "compute_nic", _t("Compute HCA"), "choice"),
    Spec("configurations", "compute_nics", _t("Compute HCAs per server"), "number"),
    Spec("configurations", "max_power_w", _t("Maximum power (W)"), "number"),
    Spec("configurations", "typical_power_w", _t("Power under training load (W)"), "number"),
    Spec("configurations", "description_en", _t("Description (English)")),
    Spec("configurations", "description_zh", _t("Description (Chinese)")),
    Spec("configurations", "source", _t("Source")),
    Spec("configurations", "verified", _t("Verified in a vendor document"), "bool"),
    Spec("prices", "system_price", _t("Price per server, as configured"), "price"),
    Spec("prices", "gpu_price", _t("Price per accelerator (spares)"), "price", optional=True),
    Spec("prices", "currency", _t("Currency"), "choice"),
    Spec("prices", "price_source", _t("Where the prices come from")),
    Spec("prices", "confidence", _t("Price confidence (high: a vendor's firm quote)"), "choice"),
)
# A new configuration's fields that are the user's to give, not the template's.
NEW_SYSTEM: dict[str, Any] = {"id": "", "source": "", "verified": False}
# Choices shown in words (the others are the catalog's technical names: hopper, sxm5, nvswitch).
CHOICE_NAMES = {"air": _t("air"), "liquid-to-air": _t("liquid-to-air"), "liquid": _t("liquid"),
                "low": _t("low"), "medium": _t("medium"), "high": _t("high")}
MODELS: dict[str, type[Any]] = {"gpus": Gpu, "servers": Server, "configurations": Configuration}
TABS = (("gpus", _t("Accelerator")), ("servers", _t("Server")),
        ("configurations", _t("Configuration")), ("prices", _t("Prices")))


def tr(text: str) -> str:
    return QCoreApplication.translate("SystemEditor", text)


def choices(section: str, field: str, catalog: Catalog) -> tuple[str, ...]:
    """The values a choice field allows: the model's own Literal, or the catalog's HCAs."""
    if field == "compute_nic":
        return tuple(sorted(p.id for p in catalog.parts("hca")))
    if field == "currency":
        return ("CNY", "USD")
    if field == "confidence":
        return ("low", "medium", "high")
    hint = typing.get_type_hints(MODELS[section])[field]
    return tuple(str(a) for a in typing.get_args(hint))


def _get(record: dict[str, Any], field: str) -> Any:
    head, _, tail = field.partition(".")
    value = record.get(head)
    return value.get(tail) if tail and isinstance(value, dict) else value


def validation_text(error: Any, lang: str) -> str:
    """What one pydantic error (``ValidationError.errors()``) says is allowed, in ``lang``:
    the catalogue's ``pydantic.<type>`` (resources/i18n/<lang>/editor.ftl) with the limit
    pydantic names (gt, le, expected...); a rule of the catalog's own keeps its detail."""
    from engine.i18n import check_lang, has, t

    kind = str(error.get("type", ""))
    figures = {k: (v if isinstance(v, int | float) else str(v))
               for k, v in (error.get("ctx") or {}).items() if k != "error"}
    if kind == "literal_error":  # "'air', 'liquid' or 'rdhx'": the choices, listed the language's way
        choices = re.findall(r"'([^']*)'", str(figures.get("expected", "")))
        if choices:
            figures["expected"] = ("、" if lang == "zh" else ", ").join(choices)
    if kind == "value_error":
        detail = str(error.get("msg", "")).removeprefix("Value error, ")
        return t("pydantic.value_error", lang, detail=detail)
    if kind and has(f"pydantic.{kind}", check_lang(lang)) and set(figures) >= _needs(kind, lang):
        return t(f"pydantic.{kind}", lang, **figures)
    return t("pydantic.other", lang, type=kind or "?")


def _needs(kind: str, lang: str) -> set[str]:
    from engine.i18n import check_lang, placeholders

    return set(placeholders(f"pydantic.{kind}", check_lang(lang)))


def problem_line(tab: str, label: str, error: Any, why: str, lang: str) -> str:
    """'tab › label = value: why' (or 'tab › label: why' for a field left out)."""
    from engine.errors import shown
    from engine.i18n import t

    value = error.get("input")
    if error.get("type") == "missing" or isinstance(value, dict | list):
        return t("editor.problem-missing", lang, tab=tab, label=label, why=why)
    return t("editor.problem", lang, tab=tab, label=label, value=shown(value), why=why)


class SystemEditor(QDialog):
    """Enter a system; ``saved(config_id)`` once the engine has accepted and kept it."""

    saved = Signal(str)

    def __init__(self, catalog: Catalog, prices: Any, *, template: str, editing: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("systemEditor")
        self.catalog, self.prices, self.editing = catalog, prices, editing
        self.setWindowTitle(self.tr("Edit your system") if editing else self.tr("Add a system"))
        self.resize(720, 640)
        self.widgets: dict[tuple[str, str], Any] = {}
        self.start = QComboBox(self)
        self.start.setObjectName("startFrom")
        for cfg in sorted(catalog.configurations):
            self.start.addItem(cfg, cfg)
        self.start.setEnabled(not editing)
        note = QLabel(self.tr("Figures start from the system chosen; give every record you change an "
                         "id of its own. Each is checked by the rules the shipped catalog "
                         "obeys, and kept in your data folder."), self)
        note.setWordWrap(True)
        self.tabs = QTabWidget(self)
        for section, title in TABS:
            self.tabs.addTab(self._page(section), tr(title))
        self.problem = QLabel(self)
        self.problem.setObjectName("systemProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Start from"), self))
        top.addWidget(self.start, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.start.setCurrentIndex(max(self.start.findData(template), 0))
        self.start.currentIndexChanged.connect(lambda _i: self.fill(self.start.currentData()))
        self.fill(template)

    # -- building
    def _page(self, section: str) -> QWidget:
        inner = QWidget(self)
        form = QFormLayout(inner)
        for spec in (s for s in SPECS if s.section == section):
            widget = self._widget(spec)
            self.widgets[(section, spec.field)] = widget
            form.addRow(tr(spec.label), widget)
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setWidget(inner)
        return area

    def _widget(self, spec: Spec) -> Any:
        if spec.kind == "number":
            key = bound_key(spec.section, spec.field)
            assert key is not None, spec.field  # every number has its bound
            return ValueField(bounded(key), optional=spec.optional, parent=self)
        if spec.kind == "price":
            return ValueField(bounded("prices.unit_price"), optional=spec.optional, parent=self)
        if spec.kind == "choice":
            box = QComboBox(self)
            for value in choices(spec.section, spec.field, self.catalog):
                if spec.field == "vendor":
                    shown = vendor_name(value)  # 联想, 浪潮, 华为 in Chinese
                else:
                    shown = tr(CHOICE_NAMES[value]) if value in CHOICE_NAMES else value
                box.addItem(shown, value)
            return box
        if spec.kind == "bool":
            return QCheckBox(self)
        edit = QLineEdit(self)
        if spec.kind == "id":
            edit.setPlaceholderText(self.tr("lower-case letters, digits and hyphens"))
        return edit

    def fill(self, config_id: str) -> None:
        """Every field from the system ``config_id`` (a new system's id is left to the user)."""
        cfg = self.catalog.configurations[config_id]
        records = {"gpus": self.catalog.gpus[cfg.gpu].model_dump(),
                   "servers": self.catalog.servers[cfg.server].model_dump(),
                   "configurations": cfg.model_dump()}
        records["gpus"]["sparsity"] = bool(records["gpus"]["sparse_tflops"])
        system = self.prices.entries.get(cfg.id)
        gpu = self.prices.entries.get(cfg.gpu)
        records["prices"] = {
            "system_price": system.unit_price if system else None,
            "gpu_price": gpu.unit_price if gpu else None,
            "currency": system.currency if system else "CNY",
            "price_source": system.source if system else "",
            "confidence": system.confidence if system else "medium",
        }
        for (section, field), widget in self.widgets.items():
            value = _get(records[section], field)
            if section == "configurations" and not self.editing and field in NEW_SYSTEM:
                value = NEW_SYSTEM[field]  # a new system is named and sourced by the user
            if isinstance(widget, ValueField):
                widget.set_value(value)
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(widget.findData(str(value)), 0))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            else:
                widget.setText(", ".join(value) if isinstance(value, list | tuple) else
                               "" if value is None else str(value))
                widget.setCursorPosition(0)  # a long source reads from its start
        self.widgets[("configurations", "id")].setReadOnly(self.editing)
        self.base = records
        self.problem.hide()

    # -- saving
    def value(self, section: str, field: str) -> Any:
        widget = self.widgets[(section, field)]
        if isinstance(widget, ValueField):
            return widget.value()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        text = widget.text().strip()
        if (section, field) == ("servers", "gpu_form_factors"):
            return [p.strip() for p in text.split(",") if p.strip()]
        return text

    def records(self) -> dict[str, dict[str, Any]]:
        """The three records as the fields give them (on the chosen system's other fields)."""
        out: dict[str, dict[str, Any]] = {}
        for section in ("gpus", "servers", "configurations"):
            record = {k: v for k, v in self.base[section].items()
                      if k not in ("user_entered", "sparsity")}
            record["psu"] = dict(record["psu"]) if "psu" in record else None
            for spec in (s for s in SPECS if s.section == section):
                if spec.field == "sparsity":
                    continue
                head, _, tail = spec.field.partition(".")
                value = self.value(section, spec.field)
                if tail and head == "dense_tflops":
                    record["dense_tflops"] = dict(record["dense_tflops"])
                    if value is None:
                        record["dense_tflops"].pop(tail, None)
                    else:
                        record["dense_tflops"][tail] = value
                elif tail:
                    record[head][tail] = value
                else:
                    record[spec.field] = value
            out[section] = {k: v for k, v in record.items() if v is not None}
        gpu = out["gpus"]
        dense = gpu["dense_tflops"]
        gpu["sparse_tflops"] = ({k: 2 * v for k, v in dense.items() if k not in NO_SPARSITY}
                                if self.value("gpus", "sparsity") else {})
        # the other end of a sourced range stays only where it is still above the planned peak
        gpu["dense_tflops_high"] = {k: v for k, v in gpu.get("dense_tflops_high", {}).items()
                                    if k in dense and v >= dense[k]}
        out["configurations"]["gpu"], out["configurations"]["server"] = gpu["id"], out["servers"]["id"]
        out["configurations"]["price_missing"] = []
        return out

    def price_entries(self, records: dict[str, dict[str, Any]]) -> tuple[Any, ...]:
        from engine.money.prices import PriceEntry

        cfg, server = records["configurations"], records["servers"]
        currency, source = self.value("prices", "currency"), self.value("prices", "price_source")
        today = dt.date.today().isoformat()
        out = []
        for item, field, text in ((cfg["id"], "system_price", cfg.get("description_en", "")),
                                  (records["gpus"]["id"], "gpu_price", records["gpus"]["name"])):
            price = self.value("prices", field)
            if price is not None:
                out.append(PriceEntry(item=item, vendor=server["vendor"],
                                      part_number=server.get("part_number", ""),
                                      description_en=text, description_zh=cfg.get(
                                          "description_zh", text), unit_price=float(price),
                                      currency=currency, date=today,
                                      source=source or "entered by the user",
                                      confidence=self.value("prices", "confidence")))
        return tuple(out)

    def field_problems(self) -> list[str]:
        """Fields whose text is not allowed, as 'tab › label = text: what is allowed'."""
        out = []
        for (section, field), widget in self.widgets.items():
            spec = next(s for s in SPECS if (s.section, s.field) == (section, field))
            title = tr(dict(TABS)[section])
            if isinstance(widget, ValueField) and widget.error():
                out.append(f"{title} › {tr(spec.label)} = {widget.text().strip()}: "
                           f"{widget.error()}")
            elif spec.kind in ("id", "text") and not spec.optional and not self.value(section, field):
                out.append(f"{title} › {tr(spec.label)}: {QCoreApplication.translate('Fields', 'Required')}")
        return out

    def save(self) -> bool:
        """Check the fields, then the records by the engine's rules; keep them if accepted."""
        from engine.money.prices import PriceError
        from engine.user_catalog import UserEntries, save_user_system, with_user_entries

        problems = self.field_problems()
        if problems:
            return self._refused("\n".join(problems))
        records = self.records()
        invalid = self.model_problems(records)
        if invalid:  # the catalog models' own checks, in the reader's language
            return self._refused("\n".join(invalid))
        refusals = self.configurator_refusals(records)
        if refusals:  # what a vendor's configurator refuses, in the reader's language
            return self._refused("\n".join(refusals))
        entries = UserEntries(
            self.tr("your system"),
            {section: {r["id"]: {**r, "user_entered": True}} for section, r in records.items()},
            ())
        try:
            prices = self.price_entries(records)
        except PriceError as exc:  # the records' own problem first: it names their field
            try:
                with_user_entries(self.catalog, entries, over_user=True)
            except CatalogError as record_problem:
                return self._refused(str(record_problem))
            return self._refused(str(exc))
        try:
            save_user_system(dataclasses.replace(entries, prices=prices))
        except (CatalogError, OSError) as exc:
            return self._refused(str(exc))
        self.saved.emit(records["configurations"]["id"])
        self.accept()
        return True

    def model_problems(self, records: dict[str, dict[str, Any]]) -> list[str]:
        """What the catalog's models refuse in these records, one line a field in the app's
        language ('tab › label = value: what is allowed'); the first field's tab is shown and
        each field is marked. Pydantic's own English never reaches the user."""
        from pydantic import ValidationError

        from desktop.messages import speaks_chinese

        lang = "zh" if speaks_chinese() else "en"
        out: list[str] = []
        for section, model in MODELS.items():
            try:
                model.model_validate({**records[section], "user_entered": True})
            except ValidationError as exc:
                for error in exc.errors():
                    field = ".".join(str(p) for p in error.get("loc", ()))
                    spec = next((s for s in SPECS if (s.section, s.field) == (section, field)), None)
                    why = validation_text(error, lang)
                    out.append(problem_line(tr(dict(TABS)[section]),
                                            tr(spec.label) if spec else field, error, why, lang))
                    widget = self.widgets.get((section, field))
                    if isinstance(widget, ValueField):
                        widget.set_error(why)
                    if not out[:-1]:  # the first problem's tab
                        self.tabs.setCurrentIndex([s for s, _ in TABS].index(section))
        return out

    def configurator_refusals(self, records: dict[str, dict[str, Any]]) -> list[str]:
        """The configurator's refusals of these records (engine.rules, the rules the catalog
        check applies), said in the app's language; none when a record is itself invalid (the
        engine's check then names its field)."""
        from pydantic import ValidationError

        from desktop.messages import message_text, speaks_chinese
        from engine.rules import configuration_refusals

        try:
            gpu = Gpu.model_validate(records["gpus"])
            server = Server.model_validate(records["servers"])
        except ValidationError:
            return []
        cfg = records["configurations"]
        try:
            found = configuration_refusals(server=server, gpu=gpu, gpu_count=int(cfg["gpu_count"]),
                                           max_power_w=float(cfg["max_power_w"]),
                                           nics=int(cfg["compute_nics"]))
        except (KeyError, TypeError, ValueError):
            return []
        return [f"{cfg.get('id', '')}: {message_text(m, translated=speaks_chinese())}"
                for m in found]

    def _refused(self, message: str) -> bool:
        """Show why; mark the field a refusal names ("[[gpus]] record 'x', field tdp_w")."""
        self.problem.setText(message)
        self.problem.show()
        for match in re.finditer(r"\[\[(\w+)\]\] record '[^']*', field ([\w.]+)", message):
            widget = self.widgets.get((match.group(1), match.group(2)))
            if isinstance(widget, ValueField):
                widget.set_error(message.split(": ", 1)[-1])
            if widget is not None:
                section = [s for s, _ in TABS].index(match.group(1))
                self.tabs.setCurrentIndex(section)
        return False
