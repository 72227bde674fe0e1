package news

import "fmt"

// Refusal is an error worded for the user (its message is shown as is)
// that matches its sentinel (ErrInvalid, ErrNotFound, ...) and its cause
// with errors.Is and errors.As.
type Refusal struct {
	Msg   string
	Kind  error
	Cause error
}

func (e *Refusal) Error() string { return e.Msg }

// Unwrap returns the sentinel and the cause.
func (e *Refusal) Unwrap() []error {
	if e.Cause == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Cause}
}

// Refuse returns a *Refusal of kind (a sentinel of this package) caused by
// cause (nil for none), worded by format and args.
func Refuse(kind, cause error, format string, args ...any) error {
	return &Refusal{Msg: fmt.Sprintf(format, args...), Kind: kind, Cause: cause}
}
