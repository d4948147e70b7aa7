## 整机配置中部件的用词（resources/catalog/servers.toml）。

part-cores = { $n } 核
part-slots = { $n } 个插槽
part-up-to = 最多 { $n }
part-boot = （启动盘）
part-nvswitch = NVSwitch
part-nvlink-mesh = NVLink 全互联
part-nvlink-bridge = NVLink 桥接
