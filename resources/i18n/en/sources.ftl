## sources

src-title = Sources
src-price_list = Price list
src-catalog = The configurations compared: servers, GPUs, market rules
src-kind = Kind
src-id = ID
src-name = Name
src-source = Source
src-verified = Verified
src-prices = The parts of the BOMs in this document: prices and sources
src-item = Item
src-date = Date
src-confidence = Confidence
src-unit_price = Unit price
src-currency = Currency
src-no_catalog = The catalog could not be read; records are not listed.
src-user_entered = entered by the user
