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
msg-storage-neutral = 报价采用厂商中立的存储产品
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
