package main

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
)

// tokenBytes is the size of every secret: 128 bits from crypto/rand.
const tokenBytes = 16

// newToken returns a fresh secret for a link, as URL-safe text, and the
// SHA-256 hash that the database keeps instead of it. A 128-bit random
// token needs no slow hash: it cannot be guessed, only stolen, and the hash
// keeps a copy of the database from being a list of working links.
func newToken() (token string, hash []byte) {
	b := make([]byte, tokenBytes)
	rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, hashToken(token)
}

// hashToken returns the SHA-256 of a token.
func hashToken(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

// sameHash compares two token hashes in constant time.
func sameHash(a, b []byte) bool {
	return len(a) == sha256.Size && subtle.ConstantTimeCompare(a, b) == 1
}

// csrfCookie is the name of the cookie that ties forms to a browser.
const csrfCookie = "workbench_csrf"

// csrf signs and checks form tokens. Each browser gets a random cookie
// (HttpOnly, SameSite=Lax); every form carries, in a hidden field, the HMAC
// of that cookie and the form's scope (the engagement's ID, or "" for
// the start page) under a key kept in the database. A POST is accepted only
// when its field matches its cookie: another site can make a browser send
// the cookie, but cannot read it or the page to learn the field.
type csrf struct {
	key []byte
}

// ensureCookie returns the browser's CSRF cookie value, setting a new
// cookie on w when the request has none.
func (c csrf) ensureCookie(w http.ResponseWriter, r *http.Request) string {
	if ck, err := r.Cookie(csrfCookie); err == nil && len(ck.Value) == base64.RawURLEncoding.EncodedLen(tokenBytes) {
		return ck.Value
	}
	v, _ := newToken()
	http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: v, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil})
	// Later calls within this request see the new value.
	r.AddCookie(&http.Cookie{Name: csrfCookie, Value: v})
	return v
}

// token returns the hidden-field value for a form of the given scope.
func (c csrf) token(cookie, scope string) string {
	m := hmac.New(sha256.New, c.key)
	m.Write([]byte(cookie))
	m.Write([]byte{0})
	m.Write([]byte(scope))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// check reports whether the request's csrf field matches its cookie for
// the scope; the comparison takes constant time.
func (c csrf) check(r *http.Request, scope string) bool {
	ck, err := r.Cookie(csrfCookie)
	if err != nil || ck.Value == "" {
		return false
	}
	want := c.token(ck.Value, scope)
	got := r.PostFormValue("csrf")
	return subtle.ConstantTimeCompare([]byte(want), []byte(got)) == 1
}
