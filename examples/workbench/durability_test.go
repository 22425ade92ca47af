package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestConcurrentStakeholders has 20 stakeholders answer at the same time,
// each over their own connection, and checks that every answer is in the
// database. It logs the time taken and the answer rate.
func TestConcurrentStakeholders(t *testing.T) {
	const people, each = 20, 10
	h := newHarness(t, "", false)
	c := h.browser()
	base := h.createEngagement(c, "Crowd")
	h.saveProfile(c, base, url.Values{"employees": {"2500"}, "countries": {"4"}})
	links := make([]string, people)
	for i := range links {
		links[i] = h.addStakeholder(c, base, fmt.Sprintf("Stakeholder %02d", i+1))
	}
	var wg sync.WaitGroup
	errs := make(chan error, people)
	start := time.Now()
	for i, link := range links {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b := h.browser()
			for k := range each {
				resp, err := b.Get(h.abs(link))
				if err != nil {
					errs <- err
					return
				}
				var sb strings.Builder
				buf := make([]byte, 32<<10)
				for {
					n, err := resp.Body.Read(buf)
					sb.Write(buf[:n])
					if err != nil {
						break
					}
				}
				resp.Body.Close()
				page := sb.String()
				r, cm, tok := rowRE.FindStringSubmatch(page), colRE.FindStringSubmatch(page), csrfRE.FindStringSubmatch(page)
				if r == nil || tok == nil {
					errs <- fmt.Errorf("stakeholder %d, answer %d: no question (%d)", i, k, resp.StatusCode)
					return
				}
				v := []string{"3", "1/3", "5", "1/5", "1"}[(i+k)%5]
				resp, err = b.PostForm(h.abs(link+"answer"), url.Values{"csrf": {tok[1]}, "row": {r[1]}, "col": {cm[1]}, "answer": {v}})
				if err != nil {
					errs <- err
					return
				}
				resp.Body.Close()
				if resp.StatusCode != http.StatusSeeOther {
					errs <- fmt.Errorf("stakeholder %d, answer %d: status %d", i, k, resp.StatusCode)
					return
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	n, err := h.st.countAnswers(context.Background(), strings.Split(base, "/")[2])
	if err != nil {
		t.Fatal(err)
	}
	if n != people*each {
		t.Errorf("%d answers in the database, want %d", n, people*each)
	}
	t.Logf("%d stakeholders × %d answers (each a question page and a POST): %d answers stored in %v, %.0f answers/s",
		people, each, n, elapsed.Round(time.Millisecond), float64(n)/elapsed.Seconds())
}

// TestRestart stops the server and closes the database, opens the same
// file again and finds the engagement, its profile, stakeholders, answers
// and versions, with the same links working.
func TestRestart(t *testing.T) {
	h := newHarness(t, "", false)
	c := h.browser()
	base := h.createEngagement(c, "Durable")
	h.saveProfile(c, base, url.Values{"name": {"Durable Ltd"}, "employees": {"1200"}})
	link := h.addStakeholder(c, base, "Alice")
	ac := h.browser()
	for range 10 {
		h.answerNext(ac, link, func(int, int) string { return "3" })
	}
	_, page := h.get(ac, link)
	h.post(ac, link+"finish", url.Values{"csrf": {csrfOf(t, page)}})
	_, before := h.get(c, base+"group.json")
	_, oldPage := h.get(ac, link+"?row=1&col=2")
	h.close()

	h2 := newHarness(t, h.file, false)
	status, body := h2.get(c, base)
	if status != http.StatusOK || !strings.Contains(body, "Alice") {
		t.Fatalf("facilitator page after restart: %d\n%s", status, body)
	}
	if _, after := h2.get(c, base+"group.json"); after != before {
		t.Errorf("group view changed across the restart:\n%s\n%s", before, after)
	}
	_, body = h2.get(c, base+"profile")
	if !strings.Contains(body, `value="Durable Ltd"`) || !strings.Contains(body, `value="1200"`) {
		t.Error("profile lost")
	}
	vs, _ := h2.st.versions(context.Background(), strings.Split(base, "/")[2])
	if len(vs) != 2 {
		t.Errorf("%d versions after restart, want 2", len(vs))
	}
	if status, body := h2.get(ac, link); status != http.StatusOK || !strings.Contains(body, "10 of 45 answered") {
		t.Errorf("stakeholder page after restart: %d", status)
	}
	// A form fetched before the restart is still accepted: the CSRF key
	// is in the database.
	status, _, _ = h2.post(ac, link+"answer", url.Values{"csrf": {csrfOf(t, oldPage)}, "row": {"1"}, "col": {"2"}, "answer": {"1"}})
	if status != http.StatusSeeOther {
		t.Errorf("answer with a form from before the restart: %d", status)
	}
}

// TestReadOnlyDatabase opens the database read-only: pages still show,
// and a save gives a clear error page with what was typed, not a lost
// answer or a 500.
func TestReadOnlyDatabase(t *testing.T) {
	h := newHarness(t, "", false)
	c := h.browser()
	base := h.createEngagement(c, "Frozen")
	h.saveProfile(c, base, url.Values{"employees": {"900"}})
	link := h.addStakeholder(c, base, "Alice")
	h.close()

	ro := newHarness(t, h.file, true)
	status, body := ro.get(c, base+"recommendation")
	if status != http.StatusOK || !strings.Contains(body, `id="winner"`) {
		t.Fatalf("read-only recommendation: %d", status)
	}
	status, body, _ = ro.saveProfile(c, base, url.Values{"employees": {"950"}, "name": {"Typed by hand"}})
	if status != http.StatusServiceUnavailable || !strings.Contains(body, "The database is read-only") || !strings.Contains(body, `value="Typed by hand"`) {
		t.Errorf("profile save on a read-only database: %d\n%s", status, body)
	}
	ac := ro.browser()
	_, page := ro.get(ac, link)
	r, cm := rowRE.FindStringSubmatch(page), colRE.FindStringSubmatch(page)
	status, body, _ = ro.post(ac, link+"answer", url.Values{"csrf": {csrfOf(t, page)}, "row": {r[1]}, "col": {cm[1]}, "answer": {"1/7"}})
	if status != http.StatusServiceUnavailable || !strings.Contains(body, "The database is read-only") || !strings.Contains(body, `value="1/7" checked`) {
		t.Errorf("answer on a read-only database: %d\n%s", status, body)
	}
	status, body, _ = ro.post(c, "/engagements", url.Values{"csrf": {csrfOf(t, mustGet(ro, c, "/"))}, "name": {"New one"}})
	if status != http.StatusServiceUnavailable || !strings.Contains(body, "The database is read-only") || !strings.Contains(body, `value="New one"`) {
		t.Errorf("create on a read-only database: %d\n%s", status, body)
	}
}

func mustGet(h *harness, c *http.Client, path string) string {
	_, body := h.get(c, path)
	return body
}

// TestBusyDatabaseKeepsTheAnswer holds the write lock from another
// connection beyond the busy timeout: the answer is not stored, and the
// page says so with the answer still chosen. Released within the timeout,
// the same answer goes through (SQLite retries it).
func TestBusyDatabaseKeepsTheAnswer(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the busy timeout")
	}
	h := newHarness(t, "", false)
	c := h.browser()
	base := h.createEngagement(c, "Busy")
	h.saveProfile(c, base, url.Values{"employees": {"900"}})
	link := h.addStakeholder(c, base, "Alice")
	other, err := openStore(context.Background(), h.file, false)
	if err != nil {
		t.Fatal(err)
	}
	defer other.close()
	ctx := context.Background()
	conn, err := other.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	ac := h.browser()
	_, page := h.get(ac, link)
	r, cm := rowRE.FindStringSubmatch(page), colRE.FindStringSubmatch(page)
	form := url.Values{"csrf": {csrfOf(t, page)}, "row": {r[1]}, "col": {cm[1]}, "answer": {"5"}}

	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	status, body, _ := h.post(ac, link+"answer", form)
	conn.ExecContext(ctx, "ROLLBACK")
	if status != http.StatusServiceUnavailable || !strings.Contains(body, "The database is busy") || !strings.Contains(body, `value="5" checked`) {
		t.Errorf("answer on a busy database: %d\n%s", status, body)
	}

	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	go func() {
		time.Sleep(time.Second)
		conn.ExecContext(ctx, "ROLLBACK")
	}()
	if status, _, _ := h.post(ac, link+"answer", form); status != http.StatusSeeOther {
		t.Errorf("answer after the lock was released within the timeout: %d", status)
	}
	if n, _ := h.st.countAnswers(ctx, strings.Split(base, "/")[2]); n != 1 {
		t.Errorf("%d answers stored, want 1", n)
	}
}

// TestStakeholderCapUnderConcurrency adds more stakeholders than an
// engagement may have, from two facilitator windows at once: exactly
// maxStakeholders are stored, every other add says the engagement is full,
// and a duplicate name is still a duplicate.
func TestStakeholderCapUnderConcurrency(t *testing.T) {
	h := newHarness(t, "", false)
	c := h.browser()
	base := h.createEngagement(c, "Crowd")
	h.saveProfile(c, base, url.Values{"employees": {"2500"}})
	_, dash := h.get(c, base)
	token := csrfOf(t, dash)
	const tries = maxStakeholders + 20
	var wg sync.WaitGroup
	statuses := make([]int, tries)
	bodies := make([]string, tries)
	next := make(chan int)
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				resp, err := c.PostForm(h.abs(base+"stakeholders"), url.Values{"csrf": {token}, "name": {fmt.Sprintf("Person %03d", i)}})
				if err != nil {
					t.Error(err)
					continue
				}
				var sb strings.Builder
				_, _ = io.Copy(&sb, resp.Body)
				resp.Body.Close()
				statuses[i], bodies[i] = resp.StatusCode, sb.String()
			}
		}()
	}
	for i := range tries {
		next <- i
	}
	close(next)
	wg.Wait()
	added, full := 0, 0
	for i, s := range statuses {
		switch {
		case s == http.StatusOK:
			added++
		case s == http.StatusUnprocessableEntity && strings.Contains(bodies[i], fmt.Sprintf("at most %d stakeholders", maxStakeholders)):
			full++
		default:
			t.Errorf("add %d: status %d", i, s)
		}
	}
	list, err := h.st.stakeholders(context.Background(), strings.Split(base, "/")[2])
	if err != nil {
		t.Fatal(err)
	}
	if added != maxStakeholders || full != tries-maxStakeholders || len(list) != maxStakeholders {
		t.Errorf("%d added, %d refused as full, %d stored; want %d, %d, %d", added, full, len(list), maxStakeholders, tries-maxStakeholders, maxStakeholders)
	}
	eid := strings.Split(base, "/")[2]
	now := time.Now()
	if _, err := h.st.addStakeholder(context.Background(), eid, "Person 000", []byte("x"), now, now, maxStakeholders+1); !errors.Is(err, errDuplicate) {
		t.Errorf("a duplicate name below the cap: %v, want errDuplicate", err)
	}
	if _, err := h.st.addStakeholder(context.Background(), eid, "Someone new", []byte("y"), now, now, maxStakeholders); !errors.Is(err, errFull) {
		t.Errorf("a new name at the cap: %v, want errFull", err)
	}
}
