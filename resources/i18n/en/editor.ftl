## The system editor (desktop/catalog_edit.py): what the catalog's models refuse in a record
## the user enters, by pydantic's error type (ValidationError.errors()), with its limit.

editor-problem = { $tab } › { $label } = { $value }: { $why }
editor-problem-missing = { $tab } › { $label }: { $why }

pydantic-missing = required
pydantic-greater_than = must be greater than { $gt }
pydantic-greater_than_equal = must be at least { $ge }
pydantic-less_than = must be less than { $lt }
pydantic-less_than_equal = must be at most { $le }
pydantic-string_type = must be text
pydantic-int_type = must be a whole number
pydantic-int_parsing = must be a whole number
pydantic-int_from_float = must be a whole number
pydantic-float_type = must be a number
pydantic-float_parsing = must be a number
pydantic-finite_number = must be a finite number
pydantic-bool_type = must be yes or no
pydantic-bool_parsing = must be yes or no
pydantic-literal_error = must be one of: { $expected }
pydantic-string_too_short = must be at least { $min_length } characters long
pydantic-string_too_long = must be at most { $max_length } characters long
pydantic-string_pattern_mismatch = must be lower-case letters, digits and hyphens, starting with a letter or a digit
pydantic-too_short = must hold at least { $min_length } entries
pydantic-too_long = must hold at most { $max_length } entries
pydantic-list_type = must be a list
pydantic-dict_type = must be a table of values
pydantic-extra_forbidden = is not a field of this record
pydantic-value_error = breaks a rule of the catalog: { $detail }
pydantic-other = is not allowed (check { $type })
