package main

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"math"
	"runtime"
	"strconv"
	"sync"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	jsonv1 "github.com/go-json-experiment/json/v1"

	"github.com/socialseat/socialseat/scoring"
)

// streamOptions are writeJSONStream's: encoding/json's behaviour, and a
// scoring.Table (a method's detail table, as large as the matrix) written
// row by row as the list of lists its MarshalJSON gives, rather than
// through that method, which builds the whole text first.
var streamOptions = json.JoinOptions(jsonv1.DefaultOptionsV1(), jsontext.WithIndent("  "),
	json.WithMarshalers(json.MarshalToFunc(marshalTable)))

func marshalTable(enc *jsontext.Encoder, t *scoring.Table) error {
	if t == nil {
		return enc.WriteToken(jsontext.Null)
	}
	if err := t.Check(); err != nil {
		return err
	}
	if err := enc.WriteToken(jsontext.BeginArray); err != nil {
		return err
	}
	for i := range t.Rows {
		if err := json.MarshalEncode(enc, t.Row(i), jsonv1.DefaultOptionsV1()); err != nil {
			return err
		}
	}
	return enc.WriteToken(jsontext.EndArray)
}

// writeJSONStream writes v as writeJSON does (encoding/json's text,
// indented by two spaces, a final newline), to w as it is encoded rather
// than built in memory first: a response of a million alternatives is as
// large as its request.
//
// The response's long lists (of numbers, of names, and the detail tables),
// which are nearly all of it, are written by writeList rather than by the
// encoder: their items are formatted on every core, a chunk at a time,
// and written in order. The encoder writes the rest, with a placeholder
// string where each long list goes.
func writeJSONStream(w io.Writer, v any) error {
	return writeJSONLists(w, v, bigListLen)
}

// writeJSONLists is writeJSONStream with the lists of at least minLen
// items (values, for a table) written by writeList.
func writeJSONLists(w io.Writer, v any, minLen int) error {
	var lists []bigList
	opts := json.JoinOptions(jsonv1.DefaultOptionsV1(), jsontext.WithIndent("  "), json.WithMarshalers(json.JoinMarshalers(
		json.MarshalToFunc(func(enc *jsontext.Encoder, s []float64) error {
			if s == nil || len(s) < minLen || !finite(s) {
				return errors.ErrUnsupported
			}
			lists = append(lists, bigList{floats: s})
			return enc.WriteToken(jsontext.String(placeholder(len(lists) - 1)))
		}),
		json.MarshalToFunc(func(enc *jsontext.Encoder, s []int) error {
			if s == nil || len(s) < minLen {
				return errors.ErrUnsupported
			}
			lists = append(lists, bigList{ints: s})
			return enc.WriteToken(jsontext.String(placeholder(len(lists) - 1)))
		}),
		json.MarshalToFunc(func(enc *jsontext.Encoder, s []string) error {
			if s == nil || len(s) < minLen {
				return errors.ErrUnsupported
			}
			lists = append(lists, bigList{strs: s})
			return enc.WriteToken(jsontext.String(placeholder(len(lists) - 1)))
		}),
		json.MarshalToFunc(func(enc *jsontext.Encoder, t *scoring.Table) error {
			if t == nil || t.Check() != nil || t.Cols == 0 || t.Rows*t.Cols < minLen || !finite(t.Data) {
				return errors.ErrUnsupported
			}
			lists = append(lists, bigList{table: t})
			return enc.WriteToken(jsontext.String(placeholder(len(lists) - 1)))
		}),
		json.MarshalToFunc(marshalTable),
	)))
	var skel bytes.Buffer
	if err := json.MarshalWrite(&skel, v, opts); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	if !placeholdersAlone(skel.Bytes(), len(lists)) {
		// A string of the response reads like a placeholder: write it
		// all through the encoder.
		if err := json.MarshalWrite(bw, v, streamOptions); err != nil {
			return err
		}
	} else {
		rest := skel.Bytes()
		for k, l := range lists {
			ph, _ := jsontext.AppendQuote(nil, placeholder(k))
			at := bytes.Index(rest, ph)
			line := bytes.LastIndexByte(rest[:at], '\n') + 1
			indent := len(rest[line:]) - len(bytes.TrimLeft(rest[line:], " "))
			bw.Write(rest[:at])
			if err := l.write(bw, indent); err != nil {
				return err
			}
			rest = rest[at+len(ph):]
		}
		bw.Write(rest)
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

// bigListLen is the length from which writeJSONStream writes a list
// itself (the number of values, for a table).
const bigListLen = 4096

// placeholder is the string that stands for the k-th long list in the
// encoder's text; "\x00" makes it unlike any name a person gives.
func placeholder(k int) string { return "\x00socialseat-list-" + strconv.Itoa(k) }

// placeholdersAlone reports whether text holds each of the n
// placeholders once, in order, and no other string that starts like one.
func placeholdersAlone(text []byte, n int) bool {
	prefix, _ := jsontext.AppendQuote(nil, "\x00socialseat-list-")
	prefix = prefix[:len(prefix)-1]
	if bytes.Count(text, prefix) != n {
		return false
	}
	for k := range n {
		ph, _ := jsontext.AppendQuote(nil, placeholder(k))
		at := bytes.Index(text, ph)
		if at < 0 {
			return false
		}
		text = text[at+len(ph):]
	}
	return true
}

// finite reports whether every value of s is finite (encoding/json
// rejects the others, which the encoder then reports).
func finite(s []float64) bool {
	for _, v := range s {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// bigList is a long list of the response: one of floats, ints, strs or
// table is set.
type bigList struct {
	floats []float64
	ints   []int
	strs   []string
	table  *scoring.Table
}

// write writes the list as encoding/json indents it, its closing bracket
// indent spaces in and its items two further.
func (l bigList) write(w io.Writer, indent int) error {
	pad := make([]byte, indent+5)
	pad[0] = '\n'
	for i := 1; i < len(pad); i++ {
		pad[i] = ' '
	}
	inner, inner2, outer := pad[:indent+3], pad[:indent+5], pad[:indent+1]
	n := len(l.floats) + len(l.ints) + len(l.strs)
	if l.table != nil {
		n = l.table.Rows
	}
	io.WriteString(w, "[")
	err := writeChunks(w, n, func(dst []byte, lo, hi int) []byte {
		for i := lo; i < hi; i++ {
			dst = append(dst, inner...)
			switch {
			case l.floats != nil:
				dst = appendJSONFloat(dst, l.floats[i])
			case l.ints != nil:
				dst = strconv.AppendInt(dst, int64(l.ints[i]), 10)
			case l.strs != nil:
				if s := l.strs[i]; plainJSON(s) {
					dst = append(append(append(dst, '"'), s...), '"')
				} else {
					dst = appendJSONString(dst, s)
				}
			default:
				dst = append(dst, '[')
				for j, f := range l.table.Row(i) {
					if j > 0 {
						dst = append(dst, ',')
					}
					dst = appendJSONFloat(append(dst, inner2...), f)
				}
				dst = append(append(dst, inner...), ']')
			}
			if i < n-1 {
				dst = append(dst, ',')
			}
		}
		return dst
	})
	if err != nil {
		return err
	}
	if n > 0 {
		w.Write(outer)
	}
	_, err = io.WriteString(w, "]")
	return err
}

// listChunk is the number of items formatted at a time.
const listChunk = 8192

// writeChunks writes n items to w: format appends items lo…hi−1 to dst.
// Chunks of listChunk items are formatted on up to GOMAXPROCS goroutines
// (chunk c by goroutine c mod workers, each with two buffers, so the
// memory is bounded) and written in order.
func writeChunks(w io.Writer, n int, format func(dst []byte, lo, hi int) []byte) error {
	chunks := (n + listChunk - 1) / listChunk
	workers := min(runtime.GOMAXPROCS(0), chunks)
	if workers <= 1 {
		var buf []byte
		for lo := 0; lo < n; lo += listChunk {
			buf = format(buf[:0], lo, min(lo+listChunk, n))
			if _, err := w.Write(buf); err != nil {
				return err
			}
		}
		return nil
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	out := make([]chan []byte, workers)
	free := make([]chan []byte, workers)
	for k := range workers {
		out[k], free[k] = make(chan []byte, 1), make(chan []byte, 2)
		free[k] <- nil
		free[k] <- nil
		wg.Go(func() {
			for c := k; c < chunks; c += workers {
				var buf []byte
				select {
				case buf = <-free[k]:
				case <-stop:
					return
				}
				buf = format(buf[:0], c*listChunk, min((c+1)*listChunk, n))
				select {
				case out[k] <- buf:
				case <-stop:
					return
				}
			}
		})
	}
	defer wg.Wait()
	defer close(stop)
	for c := range chunks {
		buf := <-out[c%workers]
		if _, err := w.Write(buf); err != nil {
			return err
		}
		free[c%workers] <- buf
	}
	return nil
}
