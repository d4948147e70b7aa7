"""Wizard page 5: review before planning."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop import format as fmt
from desktop.choices import HOSTING_NAMES, STORAGE_NAMES, rack_kw_range
from desktop.draft import RequestDraft
from desktop.messages import request_error_text, workload_label
from desktop.pages.base import (
    UNITS,
    PlanPage,
)
from engine.assumptions import defaults
from engine.errors import RequestError


class ReviewPage(PlanPage):
    def __init__(self, draft: RequestDraft, parent: QWidget | None = None) -> None:
        super().__init__(draft, parent)
        self.setTitle(self.tr("Review"))
        self.setSubTitle(self.tr("The request in words. Finish plans it on every configuration."))
        self.text = QTextBrowser(self)
        self.text.setObjectName("reviewText")
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.error_label)

    def initializePage(self) -> None:
        super().initializePage()
        self.text.setHtml(self.describe(self.draft))

    def check(self, draft: RequestDraft) -> None:
        from engine.compute.workload import compute_need
        from engine.resolve import resolve

        request = draft.to_request()
        compute_need(request.workload)
        resolve(request)

    def describe(self, draft: RequestDraft) -> str:
        """The request in words, as HTML, with the compute it implies."""
        from engine.compute.workload import compute_need

        request = draft.to_request()
        rows: list[tuple[str, str]] = []
        try:
            need = compute_need(request.workload)
            rows.append((self.tr("Workload"), escape(workload_label(need, request.workload))))
            rows.append(
                (
                    self.tr("Training compute"),
                    self.tr("%1 FLOPs = %2 PF/s-days")
                    .replace("%1", fmt.sci(need.flops))
                    .replace("%2", fmt.number(need.pf_days, 1 if need.pf_days < 100 else 0)),
                )
            )
        except RequestError as exc:
            rows.append((self.tr("Workload"), escape(request_error_text(exc))))
        w = request.workload
        phases = [self.tr("%1 pre-training run(s)").replace("%1", str(w.runs))]
        if w.finetune_tokens:
            phases.append(self.tr("fine-tuning on %1 tokens").replace("%1", fmt.count(w.finetune_tokens)))
        if w.tuning_pf_days:
            phases.append(self.tr("ongoing tuning of %1 PF/s-days").replace("%1", f"{w.tuning_pf_days:g}"))
        rows.append((self.tr("Phases"), ", ".join(phases)))
        s = request.schedule
        d = defaults()
        if s.gpus is not None:
            rows.append((self.tr("Fleet"), self.tr("%1 GPUs").replace("%1", str(s.gpus))))
        else:
            rows.append(
                (
                    self.tr("Deadline"),
                    self.tr("%1 days").replace("%1", f"{s.days:g}" if s.days else "—"),
                )
            )
        if s.gpus is None:
            lead = s.lead_time_days if s.lead_time_days is not None else d["schedule.lead_time_days"].value
            rows.append((
                self.tr("Lead time before training"),
                self.tr("%1 days: the deadline counts calendar days from the order, this lead time, "
                        "then training").replace("%1", f"{lead:g}"),
            ))
        rows.append((self.tr("Precision"), (s.precision or "bf16").upper()))
        e = request.efficiency
        rows.append(
            (
                self.tr("MFU"),
                fmt.percent(e.mfu)
                if e.mfu is not None
                else self.tr("the engine's estimate per configuration"),
            )
        )
        rows.append((self.tr("Goodput"), fmt.percent(e.goodput) if e.goodput is not None
                     else self.tr("the engine's estimate per configuration")))
        rows.append(
            (
                self.tr("Configurations"),
                ", ".join(request.configs)
                if request.configs
                else self.tr("every Lenovo and Inspur configuration"),
            )
        )
        f = request.facility
        rack_kw = (f"{f.rack_kw:g} kW" if f.rack_kw is not None
                   else rack_kw_range(f.cooling) + self.tr(" (default)"))
        pue = f.pue if f.pue is not None else d[f"facility.pue_{f.cooling}"].value
        cooling = {
            "air": self.tr("air cooling"),
            "rdhx": self.tr("rear-door heat exchangers"),
            "liquid": self.tr("direct liquid cooling"),
        }[f.cooling]
        rows.append(
            (
                self.tr("Facility"),
                self.tr("%1U racks of %2, %3, PUE %4")
                .replace("%1", str(f.rack_units))
                .replace("%2", rack_kw)
                .replace("%3", cooling)
                .replace("%4", f"{pue:g}"),
            )
        )
        m = request.finance
        years = m.years if m.years is not None else int(d["finance.years"].value)
        vat = m.vat if m.vat is not None else d["finance.vat"].value
        vat_services = m.vat_services if m.vat_services is not None else d["finance.vat_services"].value
        hosting = QCoreApplication.translate("Choices", HOSTING_NAMES[m.hosting])
        rent = {"colo": ("colo_rent_kw_month", m.colo_rent_kw_month),
                "wholesale": ("wholesale_rent_kw_month", m.wholesale_rent_kw_month)}.get(m.hosting)
        if rent is not None:
            key, given = rent
            default = d[f"finance.{key}_{m.currency.lower()}"]
            value = given if given is not None else default.value
            unit = QCoreApplication.translate("Units", UNITS.get(default.unit, default.unit))
            hosting += self.tr(", rent %1 %2").replace("%1", f"{value:g}").replace("%2", unit)
        if m.hosting == "cloud":
            hosting += self.tr(": the GPUs are rented by the hour; the plans show the rental cost")
        rows.append(
            (
                self.tr("Money"),
                self.tr("%1, %2 years, %3, VAT %4 (services %6), discount %5")
                .replace("%1", m.currency)
                .replace("%2", str(years))
                .replace("%3", hosting)
                .replace("%4", fmt.percent(vat))
                .replace("%5", fmt.percent(m.discount))
                .replace("%6", fmt.percent(vat_services)),
            )
        )
        storage = request.storage.product
        rows.append((self.tr("Storage"), QCoreApplication.translate("Choices", STORAGE_NAMES[storage])))
        rows.append((
            self.tr("Purchase"),
            self.tr("market %1, purchase date %2 (the GPUs' export-licence status is taken as of it)%3")
            .replace("%1", escape(m.market.upper()))
            .replace("%2", escape(m.purchase_date) if m.purchase_date else self.tr("today"))
            .replace("%3", self.tr("; NVIDIA AI Enterprise for every GPU") if m.ai_enterprise else ""),
        ))
        if draft.customer or draft.quote_no:
            rows.append(
                (
                    self.tr("Quote"),
                    escape(" · ".join(x for x in (draft.customer, draft.quote_no) if x)),
                )
            )
        body = "".join(
            f"<tr><td style='padding:3px 12px 3px 0'><b>{label}</b></td><td>{value}</td></tr>"
            for label, value in rows
        )
        return f"<table>{body}</table>"
