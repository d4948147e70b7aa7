## 同口径比较：各项调整的价格来源（engine/quotes/likeforlike.py，Adjustment.said(..., "like.<code>") 即 like-<code>）。

like-quoted-row = { $vendor } 报价 { $number }，第 { $row } 行
like-listed = 价目表：{ $list }{ $discount ->
        [none] {""}
       *[other] ，减去方案的 { $discount }% 折扣
    }
like-set-aside = { $vendor } 报价 { $number }，第 { $row } 行：不在方案中，不计入
like-bundled = 含在第 { $row } 行的服务器价格中，按方案的保修费率以服务器价格计算
like-taken-out = 从第 { $row } 行的服务器价格中扣除
like-warranty-rest = 方案对服务器以外设备的保修（{ $note }）{ $discount ->
        [none] {""}
       *[other] ，减去方案的 { $discount }% 折扣
    }
like-vendor = 厂商
