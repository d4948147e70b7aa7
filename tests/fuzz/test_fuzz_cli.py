"""Fuzzed command lines: valid, out of range and hostile values for every flag of every command.

Each example keeps the contract of fuzz_support.assert_contract. The number of examples is
bounded so that the whole fuzz suite runs in well under two minutes in CI.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.fuzz_support import assert_contract, examples, run_cli

EXAMPLES = examples(150)

# values a person, a script or an attacker might pass
HOSTILE_NUMBERS = st.sampled_from([
    "0", "-0", "-1", "1e-320", "1e-10", "4.9e-324", "1e308", "1e309", "1e400", "-1e400", "nan", "NaN",
    "inf", "-inf", "Infinity", "0x10", "1_000", "1,000", "", " ", "٣", "1e", "--", "9" * 309, "9" * 4301,
])
HUGE_INTEGERS = st.integers(min_value=1, max_value=500).map(lambda n: "9" * n)
FLOATS = st.floats(allow_nan=True, allow_infinity=True).map(repr)
SANE = st.floats(min_value=1e-3, max_value=1e4).map(lambda x: f"{x:.6g}")
TEXT = st.text(min_size=0, max_size=60) | st.text(min_size=4000, max_size=5000, alphabet="x\n\r\t")
COUNTS = st.sampled_from(["175B", "7e9", "1.5T", "300B", "2,000", "1P", "0B", "-5B", "175X"])
VALUE = st.one_of(HOSTILE_NUMBERS, HUGE_INTEGERS, FLOATS, SANE, TEXT, COUNTS)

REQUEST_FLAGS = [
    "--params", "--tokens", "--flops", "--pf-days", "--runs", "--finetune-tokens", "--tuning-pf-days",
    "--mfu", "--goodput", "--precision", "--rack-kw", "--rack-units", "--cooling", "--pue",
    "--power-price", "--years", "--hosting", "--colo-rent", "--currency", "--exchange-rate", "--vat",
    "--vat-services",
    "--discount", "--warranty-years", "--maintenance-rate", "--config",
]
WORKLOADS = st.sampled_from([
    ["--preset=gpt3-175b"], ["--preset=llama2-7b"], ["--params=7B", "--tokens=1T"],
    ["--flops=3.14e23"], ["--pf-days=3640"], [],
])
WHEN = st.one_of(
    st.tuples(st.just("--days"), st.one_of(SANE, VALUE)),
    st.tuples(st.just("--gpus"), st.one_of(st.integers(1, 100_000).map(str), VALUE)),
).map(lambda pair: [f"{pair[0]}={pair[1]}"])
FLAGS = st.lists(
    st.tuples(st.sampled_from(REQUEST_FLAGS), st.one_of(SANE, VALUE)).map(lambda p: f"{p[0]}={p[1]}"),
    max_size=4,
)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workload=WORKLOADS, when=WHEN, flags=FLAGS, json_out=st.booleans())
def test_plan_command_lines(workload: list[str], when: list[str], flags: list[str], json_out: bool) -> None:
    argv = ["plan", *workload, *when, *flags, *(["--format=json"] if json_out else [])]
    assert_contract(argv, run_cli(argv))


@settings(max_examples=EXAMPLES // 2, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workload=WORKLOADS, gpus=st.one_of(st.integers(1, 100_000).map(str), VALUE),
       gpu=st.sampled_from(["a100-sxm4-80gb", "h800-sxm5-80gb", "nope"]) | TEXT,
       mfu=st.one_of(SANE, VALUE), goodput=st.one_of(SANE, VALUE))
def test_estimate_command_lines(workload: list[str], gpus: str, gpu: str, mfu: str, goodput: str) -> None:
    argv = ["estimate", *workload, f"--gpu={gpu}", f"--gpus={gpus}", f"--mfu={mfu}", f"--goodput={goodput}",
            "--format=json"]
    assert_contract(argv, run_cli(argv))


@settings(max_examples=EXAMPLES // 5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(when=WHEN, flags=FLAGS, customer=TEXT, valid=st.one_of(st.integers(1, 90).map(str), VALUE),
       lang=st.sampled_from(["en", "zh"]),
       detail=st.sampled_from(["shortlist", "all", "inspur-nf5688m6-a800", "nope,", ","]) | TEXT)
def test_quote_command_lines(when: list[str], flags: list[str], customer: str, valid: str, lang: str,
                             detail: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        argv = ["quote", "--preset=gpt3-175b", "--config=inspur-nf5688m6-a800", *when, *flags,
                f"--customer={customer}", f"--valid-days={valid}", f"--lang={lang}",
                f"--detail={detail}", f"--out={Path(folder) / 'q.xlsx'}"]
        outcome = run_cli(argv)
        assert_contract(argv, outcome)
        if outcome.code == 0:
            assert (Path(folder) / "q.xlsx").is_file()


@settings(max_examples=EXAMPLES // 3, deadline=None)
@given(argv=st.lists(st.one_of(st.sampled_from(["plan", "estimate", "quote", "catalog", "--format",
                                                "json", "--days", "--gpus", "-", "--"]), TEXT),
                     min_size=1, max_size=6))
def test_arbitrary_words(argv: list[str]) -> None:
    if any(a in ("-h", "--help", "--version") or a.startswith(("--he", "--ve")) for a in argv):
        return  # help and version print and exit 0 by design
    assert_contract(argv, run_cli(argv))
