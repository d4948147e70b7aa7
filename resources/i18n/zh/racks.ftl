## racks

racks-title = 机柜布置：{ $config }
racks-why = 推荐方案（{ $why }）的机柜，按方案的布置绘制：每种机柜的 U 位、功率与预算、重量，以及机房平面。其他方案的机柜见软件的“机柜”页（全部绘制会拖慢导出）。
racks-why-cheapest = 满足期限且投资最低
racks-why-tco = 总拥有成本最低
racks-why-fastest = 最快完成
racks-why-detailed = 本文件详列的第一个方案
