"""The buyer's letterhead and the commercial terms a quotation carries.

Defaults live in resources/quote_terms.toml; a user's terms file of the same layout
(``--terms FILE.toml``) overrides any of them, and ``--buyer`` sets the letterhead.
A text is given per language, or as one string for both.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from engine.bounds import bound, limit
from engine.resources import resource_path

BUYER_FIELDS = ("company", "department", "contact", "phone", "email", "address")


class TermsError(ValueError):
    """A terms file or buyer text that cannot be used; one line naming the field."""


@dataclass(frozen=True)
class Buyer:
    """Who asks for the quotation: printed on the letterhead."""

    company: str = ""
    department: str = ""
    contact: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""


class Text(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    en: str = Field(max_length=2000)
    zh: str = Field(max_length=2000)

    def in_(self, lang: str, **values: object) -> str:
        text = self.zh if lang == "zh" else self.en
        return text.format(**values) if values else text


class QuoteTerms(BaseModel):
    """Commercial terms proposed to the supplier, printed on the quotation."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    validity_days: int = Field(ge=bound("quote.valid_days").low, le=bound("quote.valid_days").high)
    # the buyer's delivery time, days after the order; None: the plan's lead time
    delivery_days: int | None = Field(default=None, ge=1, le=3650)
    warranty_years: int = Field(ge=0, le=30)
    incoterms: str = Field(pattern=r"^(EXW|FCA|CPT|CIP|DAP|DPU|DDP|FAS|FOB|CFR|CIF)$")
    delivery_place: Text
    payment: Text
    warranty: Text
    incoterms_note: Text
    price_note: Text


class _BuyerModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    # lengths from resources/bounds.toml
    company: str = Field(default="", max_length=limit("text.buyer_company"))
    department: str = Field(default="", max_length=limit("text.buyer_department"))
    contact: str = Field(default="", max_length=limit("text.buyer_contact"))
    phone: str = Field(default="", max_length=limit("text.buyer_phone"))
    email: str = Field(default="", max_length=limit("text.buyer_email"))
    address: str = Field(default="", max_length=limit("text.buyer_address"))


def _plain(value: Any) -> Any:
    """A shipped record ``{value, source, verified}`` becomes its value; a string serves both languages."""
    if isinstance(value, dict) and "value" in value:
        return value["value"]
    return value


def _read(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise TermsError(f"cannot read {path}: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise TermsError(f"{path} is not a TOML file: {exc}") from None


def _terms_dict(data: dict[str, Any], base: dict[str, Any]) -> dict[str, Any]:
    merged = {k: _plain(v) for k, v in base.items()}
    for key, value in data.items():
        value = _plain(value)
        if isinstance(value, str) and isinstance(merged.get(key), dict):
            value = {"en": value, "zh": value}
        elif isinstance(value, dict) and isinstance(merged.get(key), dict):
            value = {**merged[key], **value}
        merged[key] = value
    return merged


def _validation_message(path: str, exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    return f"{path}: {where}: {first['msg']} (got {first.get('input')!r})"


def load_terms(path: Path | None = None) -> tuple[Buyer, QuoteTerms]:
    """The shipped buyer and terms, with those in ``path`` (a TOML file) laid over them."""
    shipped = _read(resource_path("quote_terms.toml"))
    data = _read(Path(path)) if path is not None else {}
    unknown = set(data) - {"buyer", "terms"}
    if unknown:
        raise TermsError(f"{path}: unknown section [{sorted(unknown)[0]}]; allowed: [buyer], [terms]")
    where = str(path or "quote_terms.toml")
    try:
        terms = QuoteTerms(**_terms_dict(data.get("terms", {}), shipped["terms"]))
        buyer_model = _BuyerModel(**{**shipped.get("buyer", {}), **data.get("buyer", {})})
    except ValidationError as exc:
        raise TermsError(_validation_message(where, exc)) from None
    except TypeError as exc:
        raise TermsError(f"{where}: {exc}") from None
    return Buyer(**buyer_model.model_dump()), terms


def parse_buyer(text: str, base: Buyer | None = None) -> Buyer:
    """``--buyer``: a company name, or ``company=…;contact=…;phone=…`` (fields of Buyer)."""
    base = base or Buyer()
    text = text.strip()
    if not text:
        return base
    if "=" not in text:
        return replace(base, company=text)
    values: dict[str, str] = {}
    for part in text.split(";"):
        if not part.strip():
            continue
        key, sep, value = part.partition("=")
        key = key.strip().lower()
        if not sep or key not in BUYER_FIELDS:
            raise TermsError(f"--buyer: {part.strip()!r} is not allowed; give a company name or "
                             f"key=value pairs separated by ';' with keys {', '.join(BUYER_FIELDS)}")
        values[key] = value.strip()
    try:
        _BuyerModel(**values)
    except ValidationError as exc:
        raise TermsError(_validation_message("--buyer", exc)) from None
    return replace(base, **values)


def buyer_text(buyer: Buyer) -> str:
    """``buyer`` as the ``--buyer`` text that gives it back (for settings and the CLI)."""
    return ";".join(f"{f.name}={getattr(buyer, f.name)}" for f in fields(buyer)
                    if getattr(buyer, f.name))
