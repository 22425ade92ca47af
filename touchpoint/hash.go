package touchpoint

import (
	"crypto/sha256"
	"encoding/hex"
)

// Hash returns "sha256:" followed by the hexadecimal SHA-256 of the
// catalogue's JSON form ([Catalog.MarshalJSON]): catalogues with the same
// departments and the same touchpoints, in the same order, have the same
// hash, so a stored result can say which catalogue it came from. (Every
// catalogue this package builds has valid attributes and so a JSON form;
// for one that had not, the hash is that of the encoding error.)
func (c *Catalog) Hash() string {
	b, err := c.MarshalJSON()
	if err != nil {
		b = []byte(err.Error())
	}
	sum := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(sum[:])
}
