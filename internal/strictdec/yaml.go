package strictdec

import (
	"bytes"
	"encoding"
	"errors"
	"io"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json/jsontext"
	"go.yaml.in/yaml/v3"
)

// yamlToJSON checks one YAML document against the package's YAML rules
// and returns the equivalent JSON with, for each JSON pointer, the YAML
// line it comes from.
func yamlToJSON(data []byte) ([]byte, *yamlDoc, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil, &Error{Format: "YAML", Err: ErrEmpty}
		}
		return nil, nil, yamlSyntax(err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		e := &Error{Format: "YAML", Line: extra.Line, Err: causef(ErrTrailingData, "more than one document")}
		if err != nil {
			e.Line = 0
		}
		return nil, nil, e
	}
	if len(doc.Content) == 0 {
		return nil, nil, &Error{Format: "YAML", Err: ErrEmpty}
	}
	c := converter{yamlDoc: yamlDoc{lines: map[string]int{}, nonFinite: map[string]float64{}, plain: map[string]string{}}}
	if err := c.value(doc.Content[0], "", ""); err != nil {
		return nil, nil, err
	}
	return c.out, &c.yamlDoc, nil
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// yamlSyntax turns an error of the YAML parser into an *Error.
func yamlSyntax(err error) error {
	e := &Error{Format: "YAML"}
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	} else if len(msg) > 6 && msg[:6] == "yaml: " {
		msg = msg[6:]
	}
	e.Err = &cause{msg: "invalid YAML: " + msg, errs: []error{ErrSyntax, err}}
	return e
}

type converter struct {
	out []byte
	yamlDoc
}

// yamlDoc is what the JSON decoder needs to know about the YAML document
// it decodes.
type yamlDoc struct {
	lines     map[string]int     // JSON pointer -> YAML line
	nonFinite map[string]float64 // JSON pointer -> .inf, -.inf or .nan
	plain     map[string]string  // JSON pointer -> text of a plain number or boolean
}

// fail returns an *Error for node n at path.
func (c *converter) fail(n *yaml.Node, path string, sentinel error, format string, args ...any) error {
	return &Error{Format: "YAML", Line: n.Line, Path: path, Err: causef(sentinel, format, args...)}
}

// value appends the JSON for node n, found at JSON pointer ptr and at path
// (the same place, as [pathOf] renders it).
func (c *converter) value(n *yaml.Node, ptr, path string) error {
	if _, ok := c.lines[ptr]; !ok {
		c.lines[ptr] = n.Line
	}
	if n.Kind == yaml.AliasNode {
		return c.fail(n, path, ErrAlias, "alias *%s: anchors and aliases are not allowed; repeat the value", n.Value)
	}
	if n.Anchor != "" {
		return c.fail(n, path, ErrAlias, "anchor &%s: anchors and aliases are not allowed; repeat the value", n.Anchor)
	}
	if n.Style&yaml.TaggedStyle != 0 {
		return c.fail(n, path, ErrTag, "tag %s is not allowed; write a plain value (quote it to make it a string)", n.Tag)
	}
	switch n.Kind {
	case yaml.MappingNode:
		return c.mapping(n, ptr, path)
	case yaml.SequenceNode:
		c.out = append(c.out, '[')
		for i, item := range n.Content {
			if i > 0 {
				c.out = append(c.out, ',')
			}
			if err := c.value(item, ptr+"/"+strconv.Itoa(i), path+"["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
		}
		c.out = append(c.out, ']')
		return nil
	case yaml.ScalarNode:
		return c.scalar(n, ptr, path)
	}
	return c.fail(n, path, ErrSyntax, "unexpected YAML node")
}

func (c *converter) mapping(n *yaml.Node, ptr, path string) error {
	seen := make(map[string]int, len(n.Content)/2)
	c.out = append(c.out, '{')
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return c.fail(k, path, ErrType, "a key must be a plain string, not a list or a mapping")
		}
		if k.Anchor != "" {
			return c.fail(k, path, ErrAlias, "anchor &%s: anchors and aliases are not allowed", k.Anchor)
		}
		if k.Style&yaml.TaggedStyle != 0 {
			return c.fail(k, path, ErrTag, "tag %s on key %q is not allowed", k.Tag, k.Value)
		}
		if k.ShortTag() == "!!merge" {
			return c.fail(k, path, ErrTag, "merge keys (<<) are not allowed; repeat the fields")
		}
		if first, dup := seen[k.Value]; dup {
			return c.fail(k, path, ErrDuplicateKey, "duplicate key %q (first on line %d)", k.Value, first)
		}
		seen[k.Value] = k.Line
		if i > 0 {
			c.out = append(c.out, ',')
		}
		c.out, _ = jsontext.AppendQuote(c.out, k.Value) // valid UTF-8: checked before parsing
		c.out = append(c.out, ':')
		member := ptr + "/" + escapePointer(k.Value)
		c.lines[member] = k.Line
		var b strings.Builder
		b.WriteString(path)
		writeKey(&b, k.Value)
		if err := c.value(v, member, b.String()); err != nil {
			return err
		}
	}
	c.out = append(c.out, '}')
	return nil
}

// YAML 1.2's core schema: the plain scalars that are integers and
// floats. The YAML reader also resolves YAML 1.1 forms (010 as octal 8,
// 8_000 as 8000, 0b101), which YAML 1.2 reads otherwise; core1_2 decides.
var (
	coreInt   = regexp.MustCompile(`^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$`)
	coreFloat = regexp.MustCompile(`^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$`)
)

// core1_2 returns the YAML 1.2 core-schema tag of a plain scalar that the
// YAML reader tagged tag: "!!str" for a YAML 1.1 number that YAML 1.2
// reads as a string. A decimal integer with a leading zero, which YAML
// 1.1 reads as octal and YAML 1.2 as decimal, is an error: no reading of
// it is safe.
func (c *converter) core1_2(n *yaml.Node, tag, path string) (string, error) {
	if n.Style != 0 || (tag != "!!int" && tag != "!!float") {
		return tag, nil
	}
	v := n.Value
	if coreInt.MatchString(v) {
		digits := strings.TrimLeft(v, "+-")
		if len(digits) > 1 && digits[0] == '0' && digits[1] >= '0' && digits[1] <= '9' {
			return "", c.fail(n, path, ErrType, "%s has a leading zero, which YAML 1.1 reads as octal and YAML 1.2 as decimal: write it without the zero, or 0o… for octal", v)
		}
		return "!!int", nil
	}
	if coreFloat.MatchString(v) {
		return "!!float", nil
	}
	return "!!str", nil
}

func (c *converter) scalar(n *yaml.Node, ptr, path string) error {
	tag, err := c.core1_2(n, n.ShortTag(), path)
	if err != nil {
		return err
	}
	switch tag {
	case "!!bool", "!!int", "!!float":
		c.plain[ptr] = n.Value
	}
	switch tag {
	case "!!null":
		c.out = append(c.out, "null"...)
	case "!!bool":
		var b bool
		if err := n.Decode(&b); err != nil {
			return c.fail(n, path, ErrType, "%q is not a boolean", n.Value)
		}
		c.out = strconv.AppendBool(c.out, b)
	case "!!int":
		digits, base := n.Value, 10
		switch {
		case strings.HasPrefix(digits, "0o"):
			digits, base = digits[2:], 8
		case strings.HasPrefix(digits, "0x"):
			digits, base = digits[2:], 16
		}
		if i, err := strconv.ParseInt(digits, base, 64); err == nil {
			c.out = strconv.AppendInt(c.out, i, 10)
		} else if u, err := strconv.ParseUint(strings.TrimPrefix(digits, "+"), base, 64); err == nil {
			c.out = strconv.AppendUint(c.out, u, 10)
		} else {
			return c.fail(n, path, ErrType, "integer %s is out of range", n.Value)
		}
	case "!!float":
		var f float64
		if err := n.Decode(&f); err != nil {
			return c.fail(n, path, ErrType, "%q is not a number", n.Value)
		}
		if math.IsNaN(f) || math.IsInf(f, 0) {
			// JSON has no such number: pass it as a string that only a
			// float field at this very place accepts (see nonFiniteHook),
			// so that the caller's validation reports it in its own terms.
			c.nonFinite[ptr] = f
			c.out, _ = jsontext.AppendQuote(c.out, n.Value)
			return nil
		}
		c.out = strconv.AppendFloat(c.out, f, 'g', -1, 64)
	default: // !!str, !!timestamp
		c.out, _ = jsontext.AppendQuote(c.out, n.Value)
	}
	return nil
}

// escapePointer escapes a JSON pointer token (RFC 6901).
func escapePointer(tok string) string {
	if !bytes.ContainsAny([]byte(tok), "~/") {
		return tok
	}
	var b []byte
	for i := 0; i < len(tok); i++ {
		switch tok[i] {
		case '~':
			b = append(b, "~0"...)
		case '/':
			b = append(b, "~1"...)
		default:
			b = append(b, tok[i])
		}
	}
	return string(b)
}

// nonFiniteHook decodes the strings that stand for .inf, -.inf and .nan
// into a float at the place they were written. A string anywhere else is
// the usual type error.
func nonFiniteHook[F float32 | float64](y *yamlDoc) func(*jsontext.Decoder, *F) error {
	return func(dec *jsontext.Decoder, v *F) error {
		if dec.PeekKind() != '"' {
			return errors.ErrUnsupported
		}
		val, err := dec.ReadValue()
		if err != nil {
			return err
		}
		f, ok := y.nonFinite[string(dec.StackPointer())]
		if !ok {
			return &cause{msg: "want a number, got a string " + string(val), errs: []error{ErrType}}
		}
		*v = F(f)
		return nil
	}
}

// nonFiniteAt returns the non-finite number written at ptr, if any.
func (y *yamlDoc) nonFiniteAt(ptr jsontext.Pointer) (float64, bool) {
	if y == nil {
		return 0, false
	}
	f, ok := y.nonFinite[string(ptr)]
	return f, ok
}

// yamlFloat writes a non-finite number as YAML does.
func yamlFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return ".nan"
	case f > 0:
		return ".inf"
	}
	return "-.inf"
}

// plainAsText lets a plain YAML number or boolean stand for the text it
// is written as where a string (or a type decoded from text) is wanted,
// as YAML readers do: version: 2 reads as "2", name: 2024 as "2024".
func plainAsText(y *yamlDoc) func(*jsontext.Decoder, any) error {
	return func(dec *jsontext.Decoder, v any) error {
		switch dec.PeekKind() {
		case '0', 't', 'f':
		default:
			return errors.ErrUnsupported
		}
		t := reflect.TypeOf(v).Elem()
		text, isText := v.(encoding.TextUnmarshaler)
		if decodesJSON(t) || (!isText && t.Kind() != reflect.String) {
			return errors.ErrUnsupported
		}
		val, err := dec.ReadValue()
		if err != nil {
			return err
		}
		s, ok := y.plain[string(dec.StackPointer())]
		if !ok {
			s = string(val)
		}
		if isText {
			if err := text.UnmarshalText([]byte(s)); err != nil {
				return &cause{msg: err.Error(), errs: []error{err}} // the type's own error
			}
			return nil
		}
		reflect.ValueOf(v).Elem().SetString(s)
		return nil
	}
}
