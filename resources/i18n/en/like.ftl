## Like for like: where each adjustment's price comes from (engine/quotes/likeforlike.py,
## Adjustment.said(..., "like.<code>") is like-<code>).

like-quoted-row = { $vendor } quote { $number }, row { $row }
like-listed = price list { $list }{ $discount ->
        [none] {""}
       *[other] {" "}less the plan's { $discount }% discount
    }
like-set-aside = { $vendor } quote { $number }, row { $row }: not in the plan, set aside
like-bundled = inside the server price of row { $row }, valued at the plan's warranty rate on the server's price
like-taken-out = taken out of the server price of row { $row }
like-warranty-rest = the plan's warranty on the equipment besides the servers ({ $note }){ $discount ->
        [none] {""}
       *[other] {" "}less the plan's { $discount }% discount
    }
like-vendor = vendor
