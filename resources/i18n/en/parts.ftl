## Words inside a configured system's parts (resources/catalog/servers.toml).

part-cores = { $n } cores
part-slots = { $n } slots
part-up-to = up to { $n }
part-boot = (boot)
part-nvswitch = NVSwitch
part-nvlink-mesh = NVLink mesh
part-nvlink-bridge = NVLink bridge
