package placement

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math"
	"sync"

	"github.com/socialseat/socialseat/touchpoint"
)

// Identity names the data a recommendation was computed from — a model or
// a touchpoint catalogue — so that a stored recommendation says what
// produced it.
type Identity struct {
	// Name is the data's own name (a model's Name). A catalogue has none
	// in its file: the default catalogue is named "socialseat-default"
	// and any other "custom".
	Name string `json:"name"`
	// Version is the data's own version (a model's Version); "" for a
	// catalogue, which has none.
	Version string `json:"version,omitempty"`
	// Hash is "sha256:" and the hexadecimal SHA-256 of the data's
	// canonical form ([Model.Hash], [touchpoint.Catalog.Hash]): equal
	// hashes mean equal data.
	Hash string `json:"hash"`
}

// String returns "name vversion", or the name alone without a version.
// A model that carries the default model's name and version but not its
// data (a copy recalibrated without being renamed) is "name vversion
// (modified)", so that a reader does not take it for the published
// default.
func (id Identity) String() string {
	if id.Version == "" {
		return id.Name
	}
	s := id.Name + " v" + id.Version
	if id.Modified() {
		s += " (modified)"
	}
	return s
}

// Modified reports whether id names the default model's name and version
// with other data (see [Identity.String]).
func (id Identity) Modified() bool {
	def := defaultModelIdentity()
	return id.Version != "" && id.Name == def.Name && id.Version == def.Version && id.Hash != "" && id.Hash != def.Hash
}

// defaultModelIdentity is the identity of [DefaultModel], computed once:
// the embedded data never changes.
var defaultModelIdentity = sync.OnceValue(func() Identity { return modelIdentity(DefaultModel()) })

// UnmarshalJSON decodes {"name", "version", "hash"} strictly (version may
// be absent).
func (id *Identity) UnmarshalJSON(b []byte) error {
	type plain Identity // without this method
	return decodeJSON(b, (*plain)(id))
}

// Hash returns "sha256:" and the hexadecimal SHA-256 of m's canonical
// form: name, version, description and every coefficient (ID, value,
// evidence, rationale, source) in order, each length-prefixed. Two models
// with the same hash hold the same data.
func (m Model) Hash() string {
	h := sha256.New()
	var n [8]byte
	str := func(s string) {
		binary.BigEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	u64 := func(x uint64) {
		binary.BigEndian.PutUint64(n[:], x)
		h.Write(n[:])
	}
	str(m.Name)
	str(m.Version)
	str(m.Description)
	u64(uint64(len(m.Coefficients)))
	for _, c := range m.Coefficients {
		str(c.ID)
		u64(math.Float64bits(c.Value))
		u64(uint64(c.Evidence))
		str(c.Rationale)
		str(c.Source)
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// modelIdentity identifies m.
func modelIdentity(m Model) Identity {
	return Identity{Name: m.Name, Version: m.Version, Hash: m.Hash()}
}

// Identity returns the identity a recommendation computed with m records:
// its name, version and hash.
func (m Model) Identity() Identity { return modelIdentity(m) }

// defaultCatalogHash is the hash of the default catalogue.
var defaultCatalogHash = sync.OnceValue(func() string { return touchpoint.DefaultCatalog().Hash() })

// catalogIdentity identifies c.
func catalogIdentity(c *touchpoint.Catalog) Identity {
	id := Identity{Name: "custom", Hash: c.Hash()}
	if id.Hash == defaultCatalogHash() {
		id.Name = "socialseat-default"
	}
	return id
}
