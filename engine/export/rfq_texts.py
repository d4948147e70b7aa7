"""Texts of the request for quotation's terms that the shared label tables do not yet hold:
the configuration id, the required delivery date, the place by hosting and the export-licence
clause. Kept together, en and zh, so they move into the language catalogue as they are."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "rfq.config_id": "Configuration id",
        "rfq.reference_note": "Please quote the RFQ no. and the configuration id in your quotation.",
        "rfq.term_delivery_date": "Required delivery date",
        "rfq.term_delivery_date_value": (
            "Delivered, installed and accepted by {date} ({days} days after the order on {ordered}): "
            "{basis}. {cost}"),
        "rfq.delivery_basis_plan": "the lead time this plan counts before training starts",
        "rfq.delivery_basis_buyer": "the date the buyer sets",
        "rfq.delivery_cost_slack": (
            "The plan meets its {deadline}-day deadline with {slack} days to spare: a delivery up to "
            "{slack} days later still meets it; beyond that, each day late delays the end of "
            "training by a day."),
        "rfq.delivery_cost_late": (
            "The plan already needs {calendar} days against its {deadline}-day deadline: each day "
            "late delays the end of training by a day."),
        "rfq.delivery_cost_open": "Each day late delays the end of training by a day.",
        "rfq.place_own": "The buyer's site named above; unloading and positioning by the supplier",
        "rfq.place_idc": ("The leased data centre (IDC) named by the buyer: {idc}; unloading, "
                          "positioning and the IDC's access procedures by the supplier"),
        "rfq.idc_unnamed": "to be named at order",
        "rfq.term_export": "Export licence and ability to deliver",
        "rfq.export_clause": (
            "For each GPU below, state whether an export licence is needed and held, and confirm "
            "that you can deliver the quantity by the required date. Our reading of the market: "
            "{status}."),
        "rfq.export_line": "{gpu}: {status}",
        "rfq.export_unknown": "no rule known; please state",
    },
    "zh": {
        "rfq.config_id": "配置编号",
        "rfq.reference_note": "请在报价单中注明询价单号及配置编号。",
        "rfq.term_delivery_date": "要求交货日期",
        "rfq.term_delivery_date_value": (
            "{date} 前完成到货、安装及验收（下单日 {ordered} 起 {days} 天）：{basis}。{cost}"),
        "rfq.delivery_basis_plan": "本方案开始训练前所计的交付周期",
        "rfq.delivery_basis_buyer": "买方指定的日期",
        "rfq.delivery_cost_slack": (
            "本方案在 {deadline} 天的期限内尚余 {slack} 天：交货推迟不超过 {slack} 天仍能按期完成；"
            "超过后每推迟一天，训练完成即推迟一天。"),
        "rfq.delivery_cost_late": (
            "本方案已需 {calendar} 天，超过 {deadline} 天的期限：每推迟一天交货，训练完成即推迟一天。"),
        "rfq.delivery_cost_open": "每推迟一天交货，训练完成即推迟一天。",
        "rfq.place_own": "买方上述地址；由供方负责卸货及就位",
        "rfq.place_idc": "买方指定的租用数据中心（IDC）：{idc}；由供方负责卸货、就位及办理机房进场手续",
        "rfq.idc_unnamed": "下单时指定",
        "rfq.term_export": "出口许可及供货能力",
        "rfq.export_clause": (
            "请就下列每种 GPU 说明是否需要出口许可、是否已取得，并确认能按要求日期供应所列数量。"
            "我方对市场情况的判断：{status}。"),
        "rfq.export_line": "{gpu}：{status}",
        "rfq.export_unknown": "无已知规则，请说明",
    },
}


def text(lang: str, key: str, **values: object) -> str:
    table = TEXTS["zh" if lang == "zh" else "en"]
    return table[key].format(**values) if values else table[key]
