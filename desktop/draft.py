"""The request while the wizard fills it in: one mutable dict per section of PlanRequest."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from engine.model import (
    Efficiency,
    Facility,
    Finance,
    LineOverride,
    PlanRequest,
    Schedule,
    StorageRequest,
    Workload,
)


@dataclass
class RequestDraft:
    workload: dict[str, Any] = field(default_factory=dict)
    schedule: dict[str, Any] = field(default_factory=dict)
    efficiency: dict[str, Any] = field(default_factory=dict)
    facility: dict[str, Any] = field(default_factory=dict)
    finance: dict[str, Any] = field(default_factory=dict)
    configs: tuple[str, ...] = ()
    customer: str = ""
    quote_no: str = ""
    overrides: tuple[LineOverride, ...] = ()  # kept as they are: the BOM views edit them
    storage: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_request(cls, request: PlanRequest, *, customer: str = "", quote_no: str = "") -> RequestDraft:
        return cls(
            workload=asdict(request.workload),
            schedule=asdict(request.schedule),
            efficiency=asdict(request.efficiency),
            facility=asdict(request.facility),
            finance=asdict(request.finance),
            configs=tuple(request.configs),
            customer=customer,
            quote_no=quote_no,
            overrides=request.overrides,
            storage=asdict(request.storage),
        )

    def to_request(self) -> PlanRequest:
        return PlanRequest(
            workload=Workload(**self.workload),
            schedule=Schedule(**self.schedule),
            efficiency=Efficiency(**self.efficiency),
            facility=Facility(**self.facility),
            finance=Finance(**self.finance),
            configs=tuple(self.configs),
            overrides=self.overrides,
            storage=StorageRequest(**self.storage),
        )
