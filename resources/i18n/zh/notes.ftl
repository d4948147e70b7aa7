## 清单行的说明：该行数量的由来（engine.model.note("<code>") 即 note-<code>）。
## 一行有多条说明时以"；"相连。

note-configured-system = 整机配置：基础系统 { NUMBER($base, maximumFractionDigits: 0) } + { $gpus } × { $gpu } { NUMBER($gpu_price, maximumFractionDigits: 0) } + { $hcas } × { $hca } { NUMBER($hca_price, maximumFractionDigits: 0) } { $currency }
note-one-per-rail = 每个网络平面一块
note-storage-front-end = 存储 / 前端网络
note-one-per-rack = 每柜一台
note-oob-access = 带外接入交换机：{ $ports } 个管理端口，{ $radix } 口交换机，按列在 { $cord } 米跳线可达范围内配置
note-one-per-compute-rack = 每个计算机柜一台
note-n-plus-one-rows = { $rows } 列中每列 N+1
note-fat-tree = { $tiers } 层胖树：叶交换机 { $leaves } 台，脊交换机 { $spines } 台，核心交换机 { $cores } 台
note-director = 一台导向器交换机连接所有端点：比叶、脊交换机及其链路便宜
note-cable-run = { NUMBER($cables, useGrouping: 0) } 根{ $span ->
        [in-rack] 柜内
        [in-row] 列内
       *[cross-row] 跨列
    }{ $ends ->
        [node-switch] 节点至交换机
       *[switch-switch] 交换机之间
    }（最长 { $longest } m）
note-hca-end = 每条光纤链路的网卡端一个
note-switch-end = 每条光纤链路的交换机端口
note-spares = { NUMBER($of, useGrouping: 0) } 的 { NUMBER($share, style: "percent", maximumFractionDigits: 0) }
note-feeds = A、B 两路供电，每路可单独承载整柜（最高 { NUMBER($kw, minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: 0) } kW）
note-inlets = 每台服务器 { $inlets } 个 { $inlet } 输入口
note-acceptance = 48 小时老化测试，逐台服务器及全集群的 HPL 和 NCCL 测试
note-storage-capacity = 可用 { NUMBER($usable, maximumFractionDigits: 0) } TB，需要 { NUMBER($need, maximumFractionDigits: 0) } TB
note-storage-bandwidth = 读/写 { $read }/{ $write } GB/s
note-storage-blocks = 构建块数量由{ $by ->
        [minimum] 最少数量
        [capacity] 容量
        [read] 读带宽
        [write] 写带宽
       *[checkpoint] 检查点写入
    }决定
note-storage-network = 存储网络，为存储服务器增加
note-storage-links = 计算节点和存储服务器的前端链路，以及交换机间链路
note-compute-front-end = 计算节点的前端链路
note-head-login = { $heads } 台管理节点（高可用双机）和 { $logins } 台登录节点
note-ufm-pair = InfiniBand 网络管理器，高可用双机
note-inband-switches = 带内管理交换机，加在前端网络上
note-oob-aggregation = 带外汇聚：连接各带外接入交换机
note-management-links = { $inband } 条带内链路，{ $uplinks } 条管理交换机上联
note-oob-port = 接入交换机所在机柜内的每个带外管理端口一根
note-oob-long-cords = 同列其他机柜的每个带外管理端口一根（最长 { $racks } 米）
note-nodes-years = { $nodes } 个节点 × { $years } 年
note-gpus-years = { $gpus } 块 GPU × { $years } 年
note-rated = 设备金额 { NUMBER($value, maximumFractionDigits: 0) } { $currency } 的 { NUMBER($rate, style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1) }
note-rated-yearly = { $years } 年 × 每年设备金额 { NUMBER($value, maximumFractionDigits: 0) } { $currency } 的 { NUMBER($rate, style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1) }
note-service-inside = 扣除 { $items } 厂商报价中已含的年限（{ NUMBER($value, maximumFractionDigits: 0) } { $currency }，最多 { $years } 年）：不重复购买
note-service-in-price = 此价格已含厂商 { $years } 年保修与服务
note-qty-by-user = 数量由用户设定（规划为 { NUMBER($planned) }）
note-price-by-user = 单价由用户设定（价目表 { NUMBER($price, minimumFractionDigits: 2, maximumFractionDigits: 2) } { $currency }）
note-net-price-by-user = 净单价由用户设定，实付 { NUMBER($paid, minimumFractionDigits: 2, maximumFractionDigits: 2) } { $currency }：按 { NUMBER($discount, style: "percent") } 折扣折算为目录价（价目表 { NUMBER($price, minimumFractionDigits: 2, maximumFractionDigits: 2) } { $currency }）
note-added-by-user = 由用户添加的行
# 产品目录记录自带的措辞（resources/catalog/*.toml 中两种语言都有）。
note-catalog-text = { $text }
note-prices-saved = 随方案保存的价格：保存于 { $date }，来自 { $file }
note-system-adapter = + 1 × { $part } { NUMBER($price, maximumFractionDigits: 0) } { $currency }（存储与带内管理，2 × 200GbE）
note-node-links = 计算节点前端链路，每台 2 条，绑定
note-storage-server-links = 存储服务器前端链路
note-front-end-switch-links = 前端交换机间链路
note-cords-server = 每台服务器 { $cords } 根，每个电源一根
note-cords-boxes = 交换机及其他设备每个电源一根
note-rails = 每台服务器一套：GPU 服务器、管理节点与登录节点
note-patch-panel = 每个计算机柜预留的 2U
note-cassettes = 每个模块盒 { $per } 条链路；{ NUMBER($links, useGrouping: 0) } 条节点链路出柜
note-tray = 每列机柜上方走线桥架，含下线
note-blanking = 每个空余 U 位，用于热通道封闭
note-manifolds = 供回水一对，每柜一对
note-secondary-loop = CDU 至机柜：管路、阀门、软管、快速接头
note-spare-board = { $boards } 块 GPU 板，每块 { $gpus } 颗
note-core-uplinks = 至园区核心网络的上联链路
note-border-firewall = 边界防火墙，高可用成对
note-ups = UPS 承载 { NUMBER($kw, maximumFractionDigits: 0, useGrouping: 0) } kW IT 负载，负载率 { NUMBER($load, style: "percent", maximumFractionDigits: 0) }
note-storage-renewal = { NUMBER($tb, useGrouping: 0) } TB × 第 1 年之后 { $years } 年
