## messages

msg-gpu-form-factor = GPU 规格与服务器不匹配
msg-gpu-slots = GPU 数量超过服务器可安装数量
msg-nic-slots = 计算网卡数量超过服务器插槽数
msg-psu-capacity = 最大功耗超过电源在冗余下的供电能力
msg-cooling-kind = 服务器的散热方式与所选制冷方式不符
msg-precision = GPU 不支持所选精度
msg-racks = 服务器无法装入机柜
msg-memory-bound = GPU 数量由显存决定
msg-beyond-published = 规模超过已公开的最大训练任务
msg-deadline-risk = 存在超期风险
msg-mfu-unusual = MFU 取值异常
msg-pcie-large-model = 大模型运行在 PCIe 或 NVLink 桥接上
msg-rack-limit = 机柜未按功率装满
msg-unverified = 产品目录数据未经核实
msg-indicative-prices = 价格仅供参考
msg-export-licence = 该 GPU 须取得出口许可
msg-availability-unsure = 该 GPU 的市场供应状态不确定
msg-availability-unknown = 该 GPU 的市场供应状态未知
msg-export-case-by-case = 美国出口许可逐案审查，须满足附加条件
msg-import-restricted = 买方所在国限制进口该 GPU
msg-import-unsure = 买方所在国对该 GPU 的进口态度不确定
msg-user-entered = 用户录入的产品目录记录
msg-rec-scope-clear = 推荐仅在可明确采购的方案中比较
msg-rec-nothing-clear = 没有可明确采购的方案
msg-rec-only-one = 该组唯一方案：仅列出，不排名
msg-rec-best-of-group = 其他供应状态组的最佳方案
msg-rec-none-meets = 比较范围内没有方案满足期限
msg-rec-stated-mfu = 天数基于标称 MFU，而非校准数据
msg-rec-price-missing = 价格缺失：采用占位价格
msg-storage-neutral = 报价采用厂商中立的存储产品
msg-storage-node-path = 节点到存储的带宽低于所选等级
msg-lead-time = 期限落在交付周期之内
msg-lead-time-unset = 未给出交付周期：训练从下单之日起计算
msg-too-large = 按此期限所需 GPU 数量超出可规划范围
msg-fleet-rounded = GPU 数量已向上取整到整台服务器
msg-memory = GPU 显存容纳不下模型
msg-memory-layout = 没有能装入 GPU 显存的并行切分方案
msg-rdhx-budget = 机柜功率预算已降至背板换热器的能力
msg-cloud-rate = 该 GPU 没有云租用价格
msg-air-rack-limit = 机柜功率超过风冷的实际上限
msg-feed-loss = 单路供电时服务器会失去部分电源
msg-cable-reach = 线缆长度超过该线缆的传输距离
msg-overridden = 清单中有用户修改的行
msg-override-unused = 某项用户修改已不再对应清单中的行
msg-override-price-far = 用户设定的单价与标价相差很大
msg-override-added-clash = 用户添加的行与方案中的行冲突

## 引擎消息的完整句子（msg-<code>-full），带其数字。

msg-gpu-form-factor-full = { $gpu } 为 { $form } 规格 GPU；{ $server } 仅可安装 { $allowed } 规格的 GPU
msg-gpu-slots-full = { $server } 装不下 { $gpus } 块 GPU：仅有 { $slots } 个 GPU 位
msg-nic-slots-full = { $server } 装不下 { $hcas } 块计算网卡：仅有 { $slots } 个插槽
msg-psu-capacity-full = 最大功耗 { NUMBER($draw_w, useGrouping: 0) } W 超过 { $psus } × { NUMBER($psu_w, useGrouping: 0) } W 电源在 { $redundant } 个冗余下的供电能力（{ NUMBER($usable_w, useGrouping: 0) } W）
msg-override-added-clash-full = 用户添加的行 { $item } 与方案中某行的编号相同；两行均保留
msg-override-unused-full = 对 { $item } 的修改已不适用：方案中已无此行
msg-overridden-full = { $lines } 行由用户设定，而非方案计算：{ $items }
msg-override-price-far-full = 用户为 { $item } 设定的单价（{ NUMBER($price, minimumFractionDigits: 2, maximumFractionDigits: 2) } { $currency }）是标价（{ NUMBER($list_price, minimumFractionDigits: 2, maximumFractionDigits: 2) }）的 { NUMBER($ratio, maximumSignificantDigits: 3) } 倍：请核对数字与币种
msg-memory-bound-full = GPU 数量由显存决定（需 { $floor } 块 GPU 才能容纳模型），而非由工期决定
msg-beyond-published-full = { $gpus } 块 GPU 超过已公开的最大训练规模（{ $largest } 块）；效率为外推值
msg-deadline-risk-full = 按训练天数的 P90（MFU { NUMBER($mfu, style: "percent", maximumFractionDigits: 0) }）训练需 { NUMBER($days, minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: 0) } 天{ $lead ->
        [0] {""}
       *[other] ，加上 { NUMBER($lead, useGrouping: 0) } 天交付周期
    }，将超出工期
msg-lead-time-unset-full = 工期按下单之日起计算训练时间；服务器交货需数周至数月，请填写供应商报出的交付周期
msg-memory-layout-full = 在此 GPU 数量下，没有任何张量 × 流水线 × 数据并行的切分方式能在不卸载的情况下容纳模型
msg-mfu-unusual-full = MFU { NUMBER($mfu, style: "percent", maximumFractionDigits: 0) } 超出公开训练任务的实际范围（约 25–55%）
msg-pcie-large-model-full = 如此规模的模型需要张量并行，而张量并行经 PCIe 或 NVLink 桥接运行很慢
msg-rack-limit-full = 机柜受{ $by ->
        [space] 空间
        [weight] 承重
       *[other] { $by }
    }而非功率限制：每柜 { $servers } 台服务器
msg-unverified-full = 产品目录数据未经核实：{ $ids }
msg-indicative-prices-full = 价格仅供参考：请以供应商报价替换
msg-air-rack-limit-full = 单柜功率最高 { NUMBER($kw, minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: 0) } kW，超过风冷的实际上限（约 { NUMBER($limit, useGrouping: 0) } kW）：请选用背板换热器或液冷
msg-feed-loss-full = 单路供电时每台服务器仅剩 { $psus } 个 { NUMBER($psu_w, maximumFractionDigits: 0, useGrouping: 0) } W 电源中的 { $kept } 个（{ NUMBER($one_feed_w, maximumFractionDigits: 0, useGrouping: 0) } W），低于其 { NUMBER($max_w, maximumFractionDigits: 0, useGrouping: 0) } W 最大功耗：失去一路供电将限制其功率
msg-cable-reach-full = { $span ->
        [in-rack] 柜内
        [in-row] 列内
        [cross-row] 跨列
       *[other] { $span }
    }线缆最长 { NUMBER($longest, useGrouping: 0) } m，超过产品目录中最长线缆（{ NUMBER($reach, useGrouping: 0) } m）：更长的线缆，以及超出多模距离所需的单模光模块，未计入报价
msg-lead-time-full = 自下单起 { $days } 天的工期落在 { $lead } 天的交付、安装与验收周期之内；请放宽工期或填写实际报出的交付周期
msg-too-large-full = 要在 { $days } 天内完成，需要超过一百万块 { $gpu }
msg-fleet-rounded-full = { $asked } 块 GPU 向上取整为 { $gpus } 块：{ $nodes } 台整机，每台 { $per_node } 块
msg-memory-full = { $gpus } × { NUMBER($memory_gb, useGrouping: 0) } GB 容纳不下模型状态与激活：至少需要 { $floor } 块 { $gpu }
msg-cooling-kind-full = { $server } 为{ $cooling ->
        [liquid-to-air] 液转风
        [liquid] 液冷
       *[air] 风冷
    }散热；直接液冷需要液冷服务器（请选择风冷或背板换热器）
msg-rdhx-budget-full = 机柜功率预算由 { NUMBER($budget, useGrouping: 0) } kW 降至背板换热器的 { NUMBER($door, useGrouping: 0) } kW
msg-cloud-rate-full = resources/prices/cloud.csv 中没有 { $gpu } 的小时租用价格
msg-storage-neutral-full = 产品目录中没有{ $vendor ->
        [Lenovo] 联想
        [Inspur] 浪潮
       *[other] { $vendor }
    }的存储产品：报价采用厂商中立的存储
msg-storage-node-path-full = 每个计算节点到存储的带宽为 { NUMBER($node, maximumFractionDigits: 1) } GB/s，低于参考架构“{ $performance }”存储等级单节点 { NUMBER($need, maximumFractionDigits: 1) } GB/s 的读带宽：请为节点增加存储端口，或选择较低等级

## 供应状态：两道关口（美国出口、买方进口），均注明日期。
msg-export-licence-full = 须取得出口许可：{ $gpu }在{ $market ->
        [CN] 中国
       *[other] { $market }
    }自 { $since } 起（截至 { $as_of }{ $verified ->
        [yes] {""}
       *[no] {"，来源未经核实"}
    }）；下单前请确认厂商能够交付
msg-export-case-by-case-full = 美国出口许可逐案审查：{ $gpu } 出口至{ $market ->
        [CN] 中国
       *[other] { $market }
    }自 { $since } 起（截至 { $as_of }{ $verified ->
        [yes] {""}
       *[no] {"，来源未经核实"}
    }）；仅在满足规则条件时批准{ $duty ->
        [yes] {"；另有关税或费用（见方案的供应状态）"}
       *[no] {""}
    }：请确认厂商持有许可
msg-availability-unsure-full = 市场供应状态不确定：{ $gpu }在{ $market ->
        [CN] 中国
       *[other] { $market }
    }，截至 { $as_of }（自 { $since } 起的报道）；请向厂商确认
msg-availability-unknown-full = 市场供应状态未知：{ $gpu }在{ $market ->
        [CN] 中国
       *[other] { $market }
    }无已记录的规定；请向厂商确认
msg-import-restricted-full = 进口受限：{ $gpu }在{ $market ->
        [CN] 中国
       *[other] { $market }
    }自 { $since } 起（截至 { $as_of }）：买方所在国暂不允许；请向厂商确认是否适用豁免
msg-import-unsure-full = 进口态度不确定：{ $gpu }在{ $market ->
        [CN] 中国
       *[other] { $market }
    }，截至 { $as_of }（{ $since ->
        [none] 无已记录的规定
       *[other] 自 { $since } 起的报道
    }）；请向厂商确认

## 推荐的说明：比较范围、范围外的方案及原因。
msg-rec-scope-clear-full = 推荐仅在截至 { $as_of }在{ $market ->
        [CN] 中国
       *[other] { $market }
    }可明确采购（美国出口无已知限制且允许进口）的方案中比较{ $configs ->
        [none] {""}
       *[other] ：{ $configs }
    }
msg-rec-nothing-clear-full = 截至 { $as_of }，在 { $market } 没有可明确采购的方案（没有方案同时满足美国出口无已知限制与允许进口）；推荐仅在“{ $group ->
        [clear] 可明确采购
        [conditional] 附条件（出口许可逐案审查）
        [blocked] 受阻（许可推定拒绝或进口受限）
       *[unsure] 供应不确定
    }”组内比较（{ $count } 个）{ $configs ->
        [none] {""}
       *[other] ：{ $configs }
    }
msg-rec-only-one-full = { $config } 是“{ $group ->
        [clear] 可明确采购
        [conditional] 附条件（出口许可逐案审查）
        [blocked] 受阻（许可推定拒绝或进口受限）
       *[unsure] 供应不确定
    }”组的唯一方案：仅列出，不称为最低价、最快或总拥有成本最低
msg-rec-best-of-group-full = “{ $group ->
        [clear] 可明确采购
        [conditional] 附条件（出口许可逐案审查）
        [blocked] 受阻（许可推定拒绝或进口受限）
       *[unsure] 供应不确定
    }”组的最佳方案（总拥有成本最低）：{ $config }
msg-rec-none-meets-full = 按预期效率，比较范围内没有方案满足期限
msg-rec-stated-mfu-full = { $configs } 的天数基于目录中标称的 MFU（公开训练记录或假设），而非校准数据：区间较宽
msg-rec-price-missing-full = { $configs } 的价格缺失：采用占位价格；请在询价单中向厂商索取
msg-user-entered-full = 用户录入的产品目录记录：{ $items }（数据按用户录入，已按内置产品目录的规则校验）

## 数据中心建设：冷却液回路、网络服务、供配电设施。

msg-liquid-needs-loop = 直接液冷服务器需要液冷
msg-liquid-needs-loop-full = { $server } 为直接液冷：需要{ $cooling ->
        [air] 风冷
        [rdhx] 背板换热器
       *[other] { $cooling }
    }方案所没有的冷却液回路（CDU、机柜分水器、二次侧管路）；请将冷却方式改为液冷后重新规划
msg-ufm-leaf-group = 网络管理器需要再增加一组叶交换机
msg-ufm-leaf-group-full = { $nodes } 台节点占满全部叶交换机端口，网络管理器（UFM）的 { $ports } 个端口需另加 { $leaves } 台叶交换机{ $spines ->
        [0] {""}
       *[other] 及 { $spines } 台脊或核心交换机（含链路与光模块）
    }；NVIDIA DGX 参考架构（RA-11333-001）的做法是每个扩展单元少接一台节点（共 { $fewer } 台）
msg-plant-out-of-scope = 供配电设施不在范围内
msg-plant-out-of-scope-full = PDU 上游的供配电设施（UPS、开关柜）不在本报价范围内：场地须提供 { NUMBER($it_kw, maximumFractionDigits: 0, useGrouping: 0) } kW 受保护的 IT 电力，总计 { NUMBER($facility_kw, maximumFractionDigits: 0, useGrouping: 0) } kW
