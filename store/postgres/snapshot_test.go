package postgres

import "testing"

func TestSnapshotVisibility(t *testing.T) {
	s, err := parseSnapshot("100:110:104,102")
	if err != nil {
		t.Fatal(err)
	}
	for xid, want := range map[uint64]bool{
		1: true, 99: true, // ended before the snapshot
		100: true, 101: true, 103: true, 105: true, 109: true, // committed between xmin and xmax
		102: false, 104: false, // running
		110: false, 200: false, // started after
	} {
		if got := s.visible(xid); got != want {
			t.Errorf("visible(%d) = %v, want %v", xid, got, want)
		}
	}
	if got := s.xipArray(); got != "{102,104}" {
		t.Errorf("xipArray() = %s", got)
	}
	empty, err := parseSnapshot("7:7:")
	if err != nil || !empty.visible(6) || empty.visible(7) || empty.xipArray() != "{}" {
		t.Fatalf("7:7: = %+v, %v", empty, err)
	}
	for _, bad := range []string{"", "1:2", "x:2:", "1:y:", "1:2:3,z", "1:2:3:4"} {
		if _, err := parseSnapshot(bad); err == nil {
			t.Errorf("parseSnapshot(%q) accepted", bad)
		}
	}
}
