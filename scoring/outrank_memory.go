package scoring

// Bytes per pair of alternatives that the pairwise outranking methods
// keep: matrices of float64 indices, Relation values and booleans.
const (
	promethee1PairBytes = 8      // the relation matrix
	electre1PairBytes   = 16 + 2 // concordance, discordance, outranks, condensed graph
	electre3PairBytes   = 24 + 8 // concordance, credibility, outranking levels, relations
)

// checkPairwiseMemory returns a [*MemoryError] wrapping [ErrTooLarge] when
// a method that keeps perPair bytes for each ordered pair of m
// alternatives would need more than [DefaultMaxMemory]: such a method
// needs m² memory, and a large problem must fail before it allocates, not
// exhaust the machine.
func checkPairwiseMemory(analysis string, m int, perPair int64) error {
	const maxSide = 1 << 20 // m² · perPair fits easily in an int64 below this
	est := int64(m) * int64(m) * perPair
	if m >= maxSide {
		est = maxSide * maxSide * perPair
	}
	if est <= DefaultMaxMemory {
		return nil
	}
	return &MemoryError{Analysis: analysis, Estimate: est, Limit: DefaultMaxMemory,
		Hint: "it compares every pair of alternatives; compare fewer, or sort them into classes with FlowSort, MR-Sort or ELECTRE TRI-B, which compare each alternative with the class profiles only"}
}
