package scoring

import (
	"syscall"
	"unsafe"
)

// hugePage is the size of a transparent huge page on the platforms Go
// runs Linux on most (amd64; arm64 with 4 KB base pages).
const hugePage = 2 << 20

// adviseHugePages asks Linux to back the whole huge pages inside s's
// capacity, which is reserved but not yet written, with transparent huge
// pages: writing 80 MB then costs 40 page faults rather than 20,000, and
// a fault of a fresh page is dear, on a virtual machine most of all (the
// CLI's 1e6x10 request: 0.2 s less CPU). It is advice only: where
// transparent huge pages are off, or on failure, nothing changes. Below
// a few huge pages it is not given, so small problems keep their exact
// footprint.
func adviseHugePages(s []float64) {
	if cap(s) == 0 {
		return
	}
	s = s[:cap(s)]
	b := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s))), len(s)*int(unsafe.Sizeof(s[0])))
	start := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	off := int((start+hugePage-1)&^(hugePage-1) - start)
	if off >= len(b) {
		return
	}
	n := (len(b) - off) &^ (hugePage - 1)
	if n < 4*hugePage {
		return
	}
	_ = syscall.Madvise(b[off:off+n], syscall.MADV_HUGEPAGE)
}
