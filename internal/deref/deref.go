// Package deref reads the optional fields of the generated API types, which
// are pointers: Of gives the value a pointer points to, or the zero value
// for nil. (Go 1.26's new(expr) makes the pointers; there is no standard
// function for this direction.)
package deref

// Of returns *p, or T's zero value when p is nil.
func Of[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}
