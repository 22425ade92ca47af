// Package atomicfile writes files so that a reader never sees a
// half-written one: the data goes to a temporary file in the same
// directory, which is synced and then renamed over the destination. If
// anything fails, the temporary file is removed and the destination is
// left as it was (absent, or its previous content).
//
// The rename is atomic on POSIX file systems when the temporary file and
// the destination are in the same directory, which is why the temporary
// file is created there. Writing several files is not atomic as a set:
// each file is either whole or untouched.
package atomicfile

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile writes data to name atomically. The file ends with exactly the
// permissions perm (set with chmod, so the process umask does not apply);
// an existing file is replaced, not modified in place. Errors come from
// the file system (*fs.PathError, or *os.LinkError from the rename).
func WriteFile(name string, data []byte, perm fs.FileMode) error {
	return Write(name, perm, func(w io.Writer) error {
		_, err := io.Copy(w, bytes.NewReader(data))
		return err
	})
}

// Write calls write with a writer on a temporary file in name's directory
// and, if write returns nil, renames the temporary file to name with the
// permissions perm (as [WriteFile]). If write returns an error, nothing is
// left behind and the error is returned unchanged.
func Write(name string, perm fs.FileMode, write func(io.Writer) error) error {
	p, err := Prepare(name, perm, write)
	if err != nil {
		return err
	}
	return p.Commit()
}

// Pending is a file written whole to a temporary file beside its
// destination and not yet renamed into place: a caller writing several
// files can prepare them all and commit them only when every one is
// ready.
type Pending struct {
	tmp, name string
}

// Prepare is the first half of [Write]: it writes the temporary file
// (write's output, with the permissions perm, synced and closed) and
// returns it pending. If write or the file system fails, nothing is left
// behind and the error is returned.
func Prepare(name string, perm fs.FileMode, write func(io.Writer) error) (p *Pending, err error) {
	dir, base := filepath.Split(name)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return nil, err
	}
	tmpName := tmp.Name()
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmpName)
		}
	}()
	if err := write(tmp); err != nil {
		return nil, err
	}
	if err := tmp.Chmod(perm); err != nil {
		return nil, err
	}
	if err := tmp.Sync(); err != nil {
		return nil, err
	}
	if err := tmp.Close(); err != nil {
		return nil, err
	}
	return &Pending{tmp: tmpName, name: name}, nil
}

// Commit renames the temporary file to its destination; on an error the
// temporary file is removed.
func (p *Pending) Commit() error {
	if err := os.Rename(p.tmp, p.name); err != nil {
		os.Remove(p.tmp)
		return err
	}
	return nil
}

// Discard removes the temporary file; the destination is left as it was.
func (p *Pending) Discard() { os.Remove(p.tmp) }
