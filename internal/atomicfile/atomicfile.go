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
func Write(name string, perm fs.FileMode, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(name)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return err
	}
	tmpName := tmp.Name()
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmpName)
		}
	}()
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmpName, name)
}
