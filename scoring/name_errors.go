package scoring

import "errors"

// ErrInvalidUTF8 reports a name (of an alternative or a criterion) that is
// not valid UTF-8. Such names are rejected rather than repaired: replacing
// the bad bytes with U+FFFD would make two different names equal. The error
// is an [*InputError] whose Row (alternatives) or Col (criteria) is the
// name's index and whose Detail quotes the name with its bad bytes escaped.
var ErrInvalidUTF8 = errors.New("scoring: name is not valid UTF-8")
