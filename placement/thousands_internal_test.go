package placement

import "testing"

// Head counts in client text carry comma separators, as the reports'
// tables do: "2,400 employees", never "2400 employees".
func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 2400: "2,400", 150000: "150,000", 1234567: "1,234,567", -4500: "-4,500"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
	p := Profile{Employees: 20000, BusinessUnits: 1, Countries: 1}
	if got := string(appendUnits(appendThousands(nil, p.Employees), &p)); got != "20,0001 business unit in 1 country" {
		t.Errorf("appendThousands does not append: %q", got)
	}
}
