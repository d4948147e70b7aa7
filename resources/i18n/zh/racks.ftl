## racks

racks-title = 机柜布置：{ $config }
racks-why = 推荐方案（{ $why }）的机柜，按方案的布置绘制：每种机柜的 U 位、功率与预算、重量，以及机房平面。其他方案的机柜见软件的“机柜”页（全部绘制会拖慢导出）。
racks-why-cheapest = 满足期限且投资最低
racks-why-tco = 总拥有成本最低
racks-why-fastest = 最快完成
racks-why-only = 比较范围内的唯一方案（仅列出，不排名）
racks-why-detailed = 本文件详列的第一个方案

## 机柜图（engine/export/racks_png.py）：槽位角色、机柜说明、机房平面示意。

drawing-role-server = GPU 服务器
drawing-role-leaf = 叶交换机
drawing-role-spine = 脊交换机
drawing-role-core = 核心交换机
drawing-role-storage_switch = 存储交换机
drawing-role-mgmt_switch = 管理交换机
drawing-role-storage = 存储服务器
drawing-role-management = 管理节点
drawing-role-frontend_switch = 前端交换机
drawing-role-oob_switch = 带外汇聚交换机
drawing-role-director = 导向器交换机
drawing-role-pdu = PDU
drawing-role-patch_panel = 配线架
drawing-compute-rack = 计算机柜
drawing-network-rack = 网络机柜
drawing-kw = { NUMBER($kw, minimumFractionDigits: 1, maximumFractionDigits: 1) } / { $budget } kW
drawing-kg = { NUMBER($kg, maximumFractionDigits: 0) } / { NUMBER($max, maximumFractionDigits: 0) } kg
drawing-units = 已用 { $used } / { $units } U
drawing-pdus = PDU：{ $pdus } 个（A、B 双路供电）
drawing-legend-compute = 计算机柜
drawing-legend-network = 网络机柜
drawing-in-row = 列间
drawing-room = 靠墙
drawing-door = 机柜后门
drawing-floor = 机房平面示意：每列 { $per_row } 个机柜，制冷单元位于其间（未按比例）
drawing-racks-more = ……另有 { $count } 个（编号见机房平面示意）
drawing-key = { $key }：{ $text }
drawing-title = { $title } — { $racks } 个机柜（{ $rack }）

## 厂商名称（未列出的品牌名保持原样）。

vendor-lenovo = 联想
vendor-inspur = 浪潮
vendor-huawei = 华为
vendor-generic = 通用
vendor-integrator = 集成商
vendor-equipment-vendors = 设备厂商
vendor-storage-vendor = 存储厂商
vendor-server-vendor = 服务器厂商
vendor-open-source = 开源

## 连一台服务器或交换机都放不进机柜的原因（engine/facility/racks.py、fabric.py）：
## 拒绝原因 “racks” 的完整说明
msg-racks-full = 服务器无法装入机柜：{ $why }
rack-refused-budget = 单台节点最大功耗 { $kw } kW，超过 { $budget } kW 的单机柜功率预算
rack-refused-feed = 单台节点最大功耗 { $kw } kW，超过一路供电上 { $pdus } 台 PDU 按额定值 { $load } 所能承载的 { $feed } kW
rack-refused-space = { $units }U 的节点放不进机柜可用的 { $usable }U
rack-refused-weight = { $kg } kg 的节点超过机柜承重上限
rack-refused-network = { $box }（{ $units }U，{ $kw } kW）放不进网络机柜的 { $rack_units }U 与 { $budget } kW
rack-refused-director = { $box }（{ $units }U，{ $kw } kW，{ $kg } kg）放不进一个网络机柜
rack-refused-fabric = { $endpoints } 个网络端点超过 { $radix } 端口交换机三层胖树的上限（{ $most }）
