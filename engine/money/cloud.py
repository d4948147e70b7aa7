"""Asset-light hosting: renting GPUs by the hour, from resources/prices/cloud.csv.

Each row is one GPU's rate per GPU-hour with its currency, date, source and
confidence, as the hardware price list has them. A plan rents the GPUs it would buy.
"""

from __future__ import annotations

import csv
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from engine.resources import resource_path


class CloudRate(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    gpu: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    price_per_gpu_hour: float = Field(gt=0)
    currency: Literal["CNY", "USD"]
    date: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    source: str = Field(min_length=3)
    confidence: Literal["low", "medium", "high"]

    def rate(self, currency: str, exchange_rate: float) -> float:
        """Per GPU-hour in ``currency``; ``exchange_rate`` is CNY per USD."""
        if self.currency == currency:
            return self.price_per_gpu_hour
        if self.currency == "USD":
            return self.price_per_gpu_hour * exchange_rate
        return self.price_per_gpu_hour / exchange_rate


@cache
def cloud_rates() -> dict[str, CloudRate]:
    """The shipped hourly rates by GPU id; ValueError names the line and field that is wrong."""
    path = resource_path("prices", "cloud.csv")
    out: dict[str, CloudRate] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            try:
                rate = CloudRate.model_validate(row)
            except ValidationError as exc:
                first = exc.errors()[0]
                raise ValueError(f"{path}, line {line}, column {first['loc'][0]}: "
                                 f"{first['msg']}") from None
            out[rate.gpu] = rate
    return out
