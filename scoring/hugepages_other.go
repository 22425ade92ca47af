//go:build !linux

package scoring

// adviseHugePages does nothing here: transparent huge pages are Linux's.
func adviseHugePages([]float64) {}
