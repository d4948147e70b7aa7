"""ClusterQuote's planning engine: from a model and a deadline to a priced bill of materials.

Pure Python; never imports Qt. The desktop app and the command line use this API.
"""

from engine.compare import compare, default_configs
from engine.compute.workload import compute_need, load_presets, parse_count
from engine.errors import RequestError
from engine.model import (
    Comparison,
    Efficiency,
    Facility,
    Finance,
    Plan,
    PlanRequest,
    Schedule,
    StorageRequest,
    Workload,
)

__all__ = [
    "Comparison", "Efficiency", "Facility", "Finance", "Plan", "PlanRequest", "RequestError",
    "Schedule", "StorageRequest", "Workload", "compare", "compute_need", "default_configs",
    "load_presets", "parse_count",
]
