package schedule

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // zones work in a static binary on a machine without tzdata

	"newsbot/news"
)

// The environment keys of the default summary, named in errors.
const (
	EnvChannel  = "NEWSBOT_SUMMARY_CHANNEL"
	EnvTime     = "NEWSBOT_SUMMARY_TIME"
	EnvTimezone = "NEWSBOT_TIMEZONE"
)

// DefaultTime is the time of the default summary when NEWSBOT_SUMMARY_CHANNEL
// is set without NEWSBOT_SUMMARY_TIME.
const DefaultTime = "09:00"

// TimeOfDay is a wall-clock time, to the minute.
type TimeOfDay struct {
	Hour, Minute int
}

// String returns the time as HH:MM.
func (t TimeOfDay) String() string { return fmt.Sprintf("%02d:%02d", t.Hour, t.Minute) }

// On returns the instant of this time on day's date in day's location. On a
// spring-forward day a time inside the gap is moved forward by the length of
// the gap (02:30 in Europe/Paris is 03:30 CEST, 24 hours after the day
// before's 02:30 CET); on a fall-back day a time that happens twice is the
// second one (02:30 CET, not 02:30 CEST). This is time.Date's rule and the one
// gocron's daily jobs follow, so a catch-up and a scheduled run agree.
func (t TimeOfDay) On(day time.Time) time.Time {
	return time.Date(day.Year(), day.Month(), day.Day(), t.Hour, t.Minute, 0, 0, day.Location())
}

// ParseTime parses the NEWSBOT_SUMMARY_TIME value, "HH:MM" in 24-hour time
// ("8:30" is accepted). Its error names the key and wraps news.ErrInvalid.
func ParseTime(hhmm string) (TimeOfDay, error) {
	t, err := parseTime(hhmm)
	if err != nil {
		return TimeOfDay{}, fmt.Errorf("%s %w", EnvTime, err)
	}
	return t, nil
}

// LoadZone loads the NEWSBOT_TIMEZONE value, an IANA time zone name; empty
// is UTC. Its error names the key and wraps news.ErrInvalid.
func LoadZone(name string) (*time.Location, error) {
	loc, err := loadZone(name)
	if err != nil {
		return nil, fmt.Errorf("%s %w", EnvTimezone, err)
	}
	return loc, nil
}

// timeError is a bad time of day; the caller says where it comes from.
type timeError struct{ value string }

func (e *timeError) Error() string {
	return fmt.Sprintf("%q is not a time of day: use HH:MM, 24-hour (e.g. 08:30)", e.value)
}

func (e *timeError) Unwrap() error { return news.ErrInvalid }

// zoneError is an unknown time zone; the caller says where it comes from.
type zoneError struct{ value string }

func (e *zoneError) Error() string {
	return fmt.Sprintf("%q is not an IANA time zone (e.g. Europe/Paris)", e.value)
}

func (e *zoneError) Unwrap() error { return news.ErrInvalid }

func parseTime(s string) (TimeOfDay, error) {
	h, m, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok || len(h) < 1 || len(h) > 2 || len(m) != 2 {
		return TimeOfDay{}, &timeError{s}
	}
	hour, err1 := strconv.Atoi(h)
	minute, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hour < 0 || hour > 23 || minute < 0 || minute > 59 || h[0] == '+' || h[0] == '-' {
		return TimeOfDay{}, &timeError{s}
	}
	return TimeOfDay{Hour: hour, Minute: minute}, nil
}

func loadZone(name string) (*time.Location, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return time.UTC, nil
	}
	// "Local" depends on the machine; a schedule must mean the same
	// everywhere.
	if name == "Local" {
		return nil, &zoneError{name}
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, &zoneError{name}
	}
	return loc, nil
}
