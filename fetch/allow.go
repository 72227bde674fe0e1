package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"slices"
	"strings"
	"syscall"

	"code.dny.dev/ssrf"
)

// ParseAllow parses the value of NEWSBOT_FETCH_ALLOW: host names, IP
// addresses or CIDR networks separated by commas or spaces. A host name
// written with a leading "." or "*." ("*.intranet.example") also allows its
// subdomains. An entry that is none of these is an error that names it.
func ParseAllow(s string) ([]string, error) {
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == ';'
	})
	out := make([]string, 0, len(fields))
	for _, f := range fields {
		if _, _, err := parseAllowEntry(f); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// allowList is the parsed form of Config.Allow.
type allowList struct {
	prefixes []netip.Prefix // IP addresses (as /32 or /128) and networks
	hosts    []string       // exact host names, lower case
	suffixes []string       // ".example.org": subdomains of a "*." or "." entry
}

// parseAllowEntry returns the network or the host name an entry stands for.
func parseAllowEntry(e string) (netip.Prefix, string, error) {
	bad := func(why string) error {
		return fmt.Errorf("NEWSBOT_FETCH_ALLOW entry %q is not a host name, IP address or CIDR network (%s); write e.g. news.intranet.example, 10.1.2.3 or 10.0.0.0/8", e, why)
	}
	if strings.Contains(e, "/") {
		if strings.Contains(e, "://") {
			return netip.Prefix{}, "", bad("write the host name without http:// and path")
		}
		p, err := netip.ParsePrefix(e)
		if err != nil {
			return netip.Prefix{}, "", bad("invalid network")
		}
		return p.Masked(), "", nil
	}
	if a, err := netip.ParseAddr(strings.Trim(e, "[]")); err == nil {
		a = a.Unmap()
		return netip.PrefixFrom(a, a.BitLen()), "", nil
	}
	h := strings.ToLower(strings.TrimSuffix(e, "."))
	wild := ""
	switch {
	case strings.HasPrefix(h, "*."):
		wild, h = ".", h[2:]
	case strings.HasPrefix(h, "."):
		wild, h = ".", h[1:]
	}
	if strings.Contains(h, ":") {
		return netip.Prefix{}, "", bad("ports are not part of an entry: every port of an allowed host may be reached")
	}
	if !validHostName(h) {
		return netip.Prefix{}, "", bad("invalid host name")
	}
	return netip.Prefix{}, wild + h, nil
}

// validHostName reports whether h is a DNS name made of letters, digits,
// hyphens and underscores in dot-separated labels.
func validHostName(h string) bool {
	if h == "" || len(h) > 253 {
		return false
	}
	for label := range strings.SplitSeq(h, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, r := range label {
			ok := r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_'
			if !ok {
				return false
			}
		}
	}
	return true
}

func newAllowList(entries []string) (allowList, error) {
	var a allowList
	for _, e := range entries {
		p, host, err := parseAllowEntry(strings.TrimSpace(e))
		if err != nil {
			return allowList{}, err
		}
		switch {
		case p.IsValid():
			a.prefixes = append(a.prefixes, p)
		case strings.HasPrefix(host, "."):
			a.suffixes = append(a.suffixes, host)
			a.hosts = append(a.hosts, host[1:])
		default:
			a.hosts = append(a.hosts, host)
		}
	}
	return a, nil
}

// allowsHost reports whether a host name (not an IP literal) is allowed.
func (a allowList) allowsHost(host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if slices.Contains(a.hosts, host) {
		return true
	}
	for _, s := range a.suffixes {
		if strings.HasSuffix(host, s) {
			return true
		}
	}
	return false
}

// guard decides at dial time, after DNS resolution, whether an address may
// be dialled. Every decision goes through an ssrf.Guardian: the default one
// (public addresses, ports 80 and 443, TCP only) or, for allow-listed
// addresses, one widened with exactly those prefixes (any port). The
// widened Guardian still denies everything else, so the guard is never off.
type guard struct {
	strict *ssrf.Guardian
	allow  []netip.Prefix
	wide   *ssrf.Guardian // nil when allow is empty
}

func newGuard(allow []netip.Prefix) *guard {
	g := &guard{strict: ssrf.New(), allow: allow}
	if len(allow) > 0 {
		var v4, v6 []netip.Prefix
		for _, p := range allow {
			if p.Addr().Is4() {
				v4 = append(v4, p)
			} else {
				v6 = append(v6, p)
			}
		}
		g.wide = ssrf.New(ssrf.WithAnyPort(), ssrf.WithAllowedV4Prefixes(v4...), ssrf.WithAllowedV6Prefixes(v6...))
	}
	return g
}

// control is a net.Dialer Control function.
// A private address is refused as such before its port is looked at, so
// that the user is told about the address, the reason that matters.
func (g *guard) control(network, address string, rc syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return g.strict.Safe(network, address, rc) // refuses it
	}
	for _, p := range g.allow {
		if p.Contains(ap.Addr().Unmap()) {
			return g.wide.Safe(network, address, rc)
		}
	}
	if err := g.strict.SafeAddr(ap.Addr()); err != nil {
		return err
	}
	return g.strict.Safe(network, address, rc)
}

// dialer dials through the guard. A host name on the allow-list is resolved
// here and only the addresses it resolved to are allowed for that
// connection, so a name cannot be used to reach other private addresses.
type dialer struct {
	allow    allowList
	base     net.Dialer // Control: the guard for the configured networks
	resolver *net.Resolver
}

func (d *dialer) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	if _, err := netip.ParseAddr(host); err == nil || !d.allow.allowsHost(host) {
		return d.base.DialContext(ctx, network, addr)
	}
	ips, err := d.resolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return nil, &net.OpError{Op: "dial", Net: network, Err: err}
	}
	prefixes := append([]netip.Prefix(nil), d.allow.prefixes...)
	for _, ip := range ips {
		ip = ip.Unmap()
		prefixes = append(prefixes, netip.PrefixFrom(ip, ip.BitLen()))
	}
	nd := d.base
	nd.Control = newGuard(prefixes).control
	var errs []error
	for _, ip := range ips {
		c, err := nd.DialContext(ctx, network, net.JoinHostPort(ip.Unmap().String(), port))
		if err == nil {
			return c, nil
		}
		errs = append(errs, err)
		if ctx.Err() != nil {
			break
		}
	}
	if len(errs) == 0 {
		return nil, &net.OpError{Op: "dial", Net: network, Err: &net.DNSError{Err: "no addresses", Name: host, IsNotFound: true}}
	}
	return nil, errors.Join(errs...)
}
