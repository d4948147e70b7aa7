"""Labels of the assumption keys and message codes the engine grew with storage, the
management plane, services, racks as built, the performance model, market status and
BOM overrides. A key is looked up whole first ("storage.headroom"), then by its last part.
"""

from __future__ import annotations

_GENERATIONS = {"ampere": "Ampere", "ada": "Ada", "hopper": "Hopper"}
_COOLING_EN = {"air": "air", "rdhx": "rear door", "liquid": "liquid"}
_COOLING_ZH = {"air": "风冷", "rdhx": "背板换热器", "liquid": "液冷"}

EN: dict[str, str] = {
    "key.lead_time_days": "Lead time (order to first training step)",
    "key.training_days_band": "Training days (low – high band)",
    "key.parallel_layout": "Parallel layout (tensor × pipeline × data)",
    "key.calendar_days": "Calendar days (lead time + training)",
    "key.heat_rejection": "Heat rejection",
    "key.buy_racks": "Racks and PDUs bought",
    "key.buy_cooling": "Cooling equipment bought",
    "key.market": "Market of delivery",
    "key.market_status": "GPU market status",
    "key.purchase_date": "Purchase date",
    "key.storage_management_kw": "Storage and management power",
    "key.wholesale_rent_kw_month": "Wholesale data-centre rent per kW-month",
    "key.row_racks": "Racks per row",
    "key.air_rack_limit_kw": "Air-cooling ceiling per rack",
    "key.psu_c20_from_w": "Server PSU rating from which C19/C20 cords are used",
    "key.switch_inlets": "Power cords per switch",
    "key.spares": "Spares (share of optics, cables, HCAs)",
    "key.pue_air": "PUE, air cooling",
    "key.pue_rdhx": "PUE, rear-door heat exchangers",
    "key.pue_liquid": "PUE, liquid cooling",
    "key.cabling.in_rack_m": "Cable run inside a rack",
    "key.cabling.rack_width_m": "Rack width",
    "key.cabling.row_pitch_m": "Row pitch",
    "key.cabling.slack_m": "Cable slack per run",
    "key.overrides.price_check_factor": "User price checked against list beyond this factor",
    "key.storage.dataset_bytes_per_token": "Dataset bytes per token",
    "key.storage.checkpoint_bytes_per_param": "Checkpoint bytes per parameter",
    "key.storage.checkpoints_kept": "Checkpoints kept",
    "key.storage.headroom": "Storage kept free (share)",
    "key.storage.read_gbps_per_gpu": "Storage read bandwidth per GPU",
    "key.storage.write_gbps_per_gpu": "Storage write bandwidth per GPU",
    "key.storage.checkpoint_minutes": "Longest checkpoint write",
    "key.management.head_nodes": "Head nodes",
    "key.management.login_nodes_min": "Login nodes (at least)",
    "key.management.nodes_per_login_node": "GPU servers per login node",
    "key.management.ufm_appliances": "UFM appliances",
    "key.management.oob_uplinks": "Out-of-band uplinks per rack",
    "key.services.warranty_rate_year": "Warranty and support per year (share of equipment value)",
    "key.services.project_management_rate": "Project management (share of equipment value)",
    "key.services.logistics_rate": "Logistics and insurance (share of equipment value)",
    **{f"key.rack_kw.{c}_{g}": f"Rack power budget, {_COOLING_EN[c]} cooling, {name}"
       for c in _COOLING_EN for g, name in _GENERATIONS.items()},
    "asm.days_band_note": (
        "Training days (low – high band): the expected days times {low:.2f} and {high:.2f}, "
        "the range that held {coverage:.0%} of published training runs when each was "
        "predicted from the others (resources/calibration/runs.csv). Calendar days add the "
        "lead time from the order; the deadline counts calendar days."),
    "bom.overridden_legend": "Shaded lines were set or added by the user; the note says what "
                             "changed.",
    "rfq.overridden_legend": "Shaded lines were set or added by the buyer; the text in brackets "
                             "says what changed.",
    "sheet.racks": "Racks",
    "racks.title": "Racks: {config}",
    "racks.why": ("The racks of the recommended configuration ({why}), as the plan lays them out: "
                  "each distinct rack with its U slots, kW against the budget and weight, and the "
                  "floor. The other configurations' racks are in the app's Racks tab (drawing "
                  "every one would slow the export)."),
    "racks.why.cheapest": "the lowest capex that meets the deadline",
    "racks.why.tco": "the lowest TCO",
    "racks.why.fastest": "the fastest",
    "racks.why.detailed": "the first this document details",
    "quote.detailed": "BOMs in this document",
    "quote.detailed_value": ("{n} of {total} configurations: {configs}. The shortlist is the "
                             "recommendation and each vendor's best; export with every "
                             "configuration detailed to have a BOM of each."),
    "cmp.every_config": "every configuration",
    "asm.see_notes": "see the notes",
    "asm.more_notes": ("… and {n} more alike, one for each other configuration (the app's "
                       "Assumptions panel and the plan's JSON give every one)"),
    "cmp.maintenance_after": "Maintenance a year after the warranty",
    "cmp.warranty_years": "Warranty (years)",
    "cmp.warnings_header": "Warning — the configurations it concerns",
    "cmp.warning_concerns": "{text} — {names}",
    "asm.inputs_set": "Inputs the request set (the others take the defaults below)",
    "asm.shared": "Assumptions shared by every configuration",
    "msg.lead-time": "the deadline falls within the lead time",
    "msg.lead-time-unset": "no lead time given: training is counted from the day of the order",
    "msg.too-large": "the deadline would need more GPUs than can be planned",
    "msg.fleet-rounded": "GPU count rounded up to whole servers",
    "msg.memory": "the GPUs cannot hold the model",
    "msg.memory-layout": "no parallel layout fits the model in GPU memory",
    "msg.rdhx-budget": "rack budget lowered to the rear door's capacity",
    "msg.cloud-rate": "no cloud rate for this GPU",
    "msg.air-rack-limit": "racks are past the practical air-cooling limit",
    "msg.feed-loss": "on one power feed the servers lose power supplies",
    "msg.cable-reach": "cable runs exceed the cable's reach",
    "msg.overridden": "BOM lines set by the user",
    "msg.override-unused": "an override no longer matches a BOM line",
    "msg.override-price-far": "a price set by the user is far from the list price",
    "msg.override-added-clash": "an added line clashes with a planned line",
}

ZH: dict[str, str] = {
    "key.lead_time_days": "交付周期（下单至开始训练）",
    "key.training_days_band": "训练天数（低 – 高区间）",
    "key.parallel_layout": "并行切分（张量 × 流水线 × 数据）",
    "key.calendar_days": "日历天数（交付周期 + 训练）",
    "key.heat_rejection": "排热方式",
    "key.buy_racks": "采购机柜与 PDU",
    "key.buy_cooling": "采购制冷设备",
    "key.market": "交付市场",
    "key.market_status": "GPU 市场供应状态",
    "key.purchase_date": "采购日期",
    "key.storage_management_kw": "存储与管理设备功率",
    "key.wholesale_rent_kw_month": "批发数据中心每千瓦每月租金",
    "key.row_racks": "每排机柜数",
    "key.air_rack_limit_kw": "风冷单机柜功率上限",
    "key.psu_c20_from_w": "采用 C19/C20 电源线的服务器电源功率下限",
    "key.switch_inlets": "每台交换机电源线数",
    "key.spares": "备件比例（光模块、线缆、网卡）",
    "key.pue_air": "电能利用效率 PUE（风冷）",
    "key.pue_rdhx": "电能利用效率 PUE（背板换热器）",
    "key.pue_liquid": "电能利用效率 PUE（液冷）",
    "key.cabling.in_rack_m": "机柜内线缆长度",
    "key.cabling.rack_width_m": "机柜宽度",
    "key.cabling.row_pitch_m": "机柜排间距",
    "key.cabling.slack_m": "每根线缆余量",
    "key.overrides.price_check_factor": "用户单价与标价偏离提示倍数",
    "key.storage.dataset_bytes_per_token": "数据集每 token 字节数",
    "key.storage.checkpoint_bytes_per_param": "检查点每参数字节数",
    "key.storage.checkpoints_kept": "保留检查点个数",
    "key.storage.headroom": "存储预留空闲比例",
    "key.storage.read_gbps_per_gpu": "每 GPU 存储读带宽",
    "key.storage.write_gbps_per_gpu": "每 GPU 存储写带宽",
    "key.storage.checkpoint_minutes": "单次检查点写入最长时间",
    "key.management.head_nodes": "管理节点数",
    "key.management.login_nodes_min": "登录节点数（最少）",
    "key.management.nodes_per_login_node": "每个登录节点对应的 GPU 服务器数",
    "key.management.ufm_appliances": "UFM 设备数",
    "key.management.oob_uplinks": "每机柜带外管理上联数",
    "key.services.warranty_rate_year": "每年保修与支持费率（占设备价值）",
    "key.services.project_management_rate": "项目管理费率（占设备价值）",
    "key.services.logistics_rate": "物流与运输保险费率（占设备价值）",
    **{f"key.rack_kw.{c}_{g}": f"单机柜功率预算（{_COOLING_ZH[c]}，{name}）"
       for c in _COOLING_ZH for g, name in _GENERATIONS.items()},
    "asm.days_band_note": (
        "训练天数（低 – 高区间）：预计天数乘以 {low:.2f} 和 {high:.2f}；以其余公开训练任务逐一预测"
        "每个任务时，{coverage:.0%} 的任务落在此区间内（resources/calibration/runs.csv）。"
        "日历天数另加下单后的交付周期；期限按日历天数计算。"),
    "bom.overridden_legend": "底色标出的行由用户修改或添加，备注中写明修改内容。",
    "rfq.overridden_legend": "底色标出的行由采购方修改或添加，括号中写明修改内容。",
    "sheet.racks": "机柜布置",
    "racks.title": "机柜布置：{config}",
    "racks.why": ("推荐方案（{why}）的机柜，按方案的布置绘制：每种机柜的 U 位、功率与预算、重量，"
                  "以及机房平面。其他方案的机柜见软件的“机柜”页（全部绘制会拖慢导出）。"),
    "racks.why.cheapest": "满足期限且投资最低",
    "racks.why.tco": "总拥有成本最低",
    "racks.why.fastest": "最快完成",
    "racks.why.detailed": "本文件详列的第一个方案",
    "quote.detailed": "本文件所含物料清单",
    "quote.detailed_value": ("{total} 个配置方案中的 {n} 个：{configs}。入选的是推荐方案与各厂商的"
                             "最佳方案；导出时选择详列全部方案，即可得到每个方案的物料清单。"),
    "cmp.every_config": "全部配置方案",
    "asm.see_notes": "见下方说明",
    "asm.more_notes": ("……另有 {n} 条同类说明，各对应其余一个配置方案（应用的“假设”面板与方案的 "
                       "JSON 输出列出全部）"),
    "cmp.maintenance_after": "保修期后每年维保",
    "cmp.warranty_years": "保修期（年）",
    "cmp.warnings_header": "警告——涉及的配置方案",
    "cmp.warning_concerns": "{text}——{names}",
    "asm.inputs_set": "请求中设定的输入（其余采用下方默认值）",
    "asm.shared": "各配置方案共同的假设",
    "msg.lead-time": "期限落在交付周期之内",
    "msg.lead-time-unset": "未给出交付周期：训练从下单之日起计算",
    "msg.too-large": "按此期限所需 GPU 数量超出可规划范围",
    "msg.fleet-rounded": "GPU 数量已向上取整到整台服务器",
    "msg.memory": "GPU 显存容纳不下模型",
    "msg.memory-layout": "没有能装入 GPU 显存的并行切分方案",
    "msg.rdhx-budget": "机柜功率预算已降至背板换热器的能力",
    "msg.cloud-rate": "该 GPU 没有云租用价格",
    "msg.air-rack-limit": "机柜功率超过风冷的实际上限",
    "msg.feed-loss": "单路供电时服务器会失去部分电源",
    "msg.cable-reach": "线缆长度超过该线缆的传输距离",
    "msg.overridden": "清单中有用户修改的行",
    "msg.override-unused": "某项用户修改已不再对应清单中的行",
    "msg.override-price-far": "用户设定的单价与标价相差很大",
    "msg.override-added-clash": "用户添加的行与方案中的行冲突",
}

# Values the new assumptions take, shown as words in Chinese.
VALUES_ZH: dict[str, str] = {
    "yes": "是",
    "no": "否",
    "wholesale": "批发数据中心",
    "cloud": "云租用",
    "licence-required": "须出口许可",
    "unsure": "不确定",
    "unknown": "未知",
    "no-known-restriction": "无已知限制",
}
