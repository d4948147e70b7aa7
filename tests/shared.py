"""Requests many tests plan: one definition, imported where needed (fixtures in conftest.py)."""

from __future__ import annotations

from engine.model import PlanRequest, Schedule, Workload

GPT3_30_DAYS = PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=30.0))
