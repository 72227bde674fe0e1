// Package deploy_test checks the deployment files of the repository: the
// Dockerfile (built when a Docker daemon and its base images are at hand)
// and the systemd unit (verified when systemd-analyze is installed). The
// static checks always run.
package deploy_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// goVersion is the go directive of go.mod, major.minor ("1.26").
func goVersion(t *testing.T) string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindStringSubmatch(read(t, "../go.mod"))
	if m == nil {
		t.Fatal("go.mod has no go directive")
	}
	return m[1]
}

func TestDockerfile(t *testing.T) {
	df := read(t, "../Dockerfile")
	froms := regexp.MustCompile(`(?m)^FROM (\S+)`).FindAllStringSubmatch(df, -1)
	if len(froms) < 2 {
		t.Fatalf("want a multi-stage build, found %d FROM lines", len(froms))
	}
	if want := "golang:" + goVersion(t); !strings.HasPrefix(froms[0][1], want) {
		t.Errorf("build stage %s does not follow go.mod (%s)", froms[0][1], want)
	}
	for _, want := range []string{"CGO_ENABLED=0", "VOLUME [\"/data\"]", "NEWSBOT_DATA=/data", "ENTRYPOINT [\"/usr/local/bin/newsbot\"]", `CMD ["serve"]`} {
		if !strings.Contains(df, want) {
			t.Errorf("Dockerfile lacks %s", want)
		}
	}
	users := regexp.MustCompile(`(?m)^USER (\S+)`).FindAllStringSubmatch(df, -1)
	if len(users) == 0 {
		t.Fatal("Dockerfile sets no USER: the container would run as root")
	}
	if u := users[len(users)-1][1]; u == "root" || u == "0" || strings.HasPrefix(u, "0:") {
		t.Errorf("the container runs as %s", u)
	}
	ignore := read(t, "../.dockerignore")
	for _, want := range []string{".env\n", "data/\n"} {
		if !strings.Contains(ignore, want) {
			t.Errorf(".dockerignore lacks %q: secrets or data would enter the image", want)
		}
	}
}

// TestDockerBuild builds the image and runs it once. It needs a Docker
// daemon and, to stay offline, the base images already pulled; set
// NEWSBOT_TEST_DOCKER=1 to let the build pull them.
func TestDockerBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	if _, err := exec.LookPath("docker"); err != nil {
		t.Skip("docker is not installed")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	if out, err := exec.CommandContext(ctx, "docker", "info").CombinedOutput(); err != nil {
		t.Skipf("no Docker daemon: %s", lastLine(out))
	}
	df := read(t, "../Dockerfile")
	pull := os.Getenv("NEWSBOT_TEST_DOCKER") == "1"
	for _, m := range regexp.MustCompile(`(?m)^FROM (\S+)`).FindAllStringSubmatch(df, -1) {
		if err := exec.CommandContext(ctx, "docker", "image", "inspect", m[1]).Run(); err != nil && !pull {
			t.Skipf("base image %s is not present (docker pull it, or set NEWSBOT_TEST_DOCKER=1)", m[1])
		}
	}
	tag := "newsbot-test:" + strings.ToLower(strings.ReplaceAll(t.Name(), "/", "-"))
	build := exec.CommandContext(ctx, "docker", "build", "-t", tag, "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("docker build: %v\n%s", err, out)
	}
	defer exec.Command("docker", "image", "rm", "-f", tag).Run()
	out, err := exec.CommandContext(ctx, "docker", "image", "inspect", "--format", "{{.Config.User}}", tag).Output()
	if err != nil || strings.TrimSpace(string(out)) != "65532:65532" {
		t.Errorf("image user %q (%v), want 65532:65532", out, err)
	}
	// Without Slack tokens, serve explains what is missing and exits 1.
	run := exec.CommandContext(ctx, "docker", "run", "--rm", "--network", "none", tag)
	out, err = run.CombinedOutput()
	if err == nil || !bytes.Contains(out, []byte("SLACK_BOT_TOKEN is not set")) {
		t.Errorf("docker run without tokens: %v\n%s", err, out)
	}
}

func TestSystemdUnit(t *testing.T) {
	unit := read(t, "newsbot.service")
	for _, want := range []string{
		"ExecStart=/usr/local/bin/newsbot serve",
		"EnvironmentFile=/etc/newsbot/newsbot.env",
		"Environment=NEWSBOT_DATA=/var/lib/newsbot",
		"StateDirectory=newsbot",
		"DynamicUser=yes",
		"Restart=on-failure",
	} {
		if !strings.Contains(unit, want+"\n") {
			t.Errorf("unit lacks %s", want)
		}
	}
	if _, err := exec.LookPath("systemd-analyze"); err != nil {
		t.Skip("systemd-analyze is not installed: the unit is not verified")
	}
	// The binary is not installed here: verify the unit with one that is.
	dir := t.TempDir()
	p := filepath.Join(dir, "newsbot.service")
	if err := os.WriteFile(p, []byte(strings.Replace(unit, "ExecStart=/usr/local/bin/newsbot", "ExecStart=/bin/true", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("systemd-analyze", "verify", p).CombinedOutput()
	if err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
}

func lastLine(b []byte) string {
	s := strings.TrimSpace(string(b))
	return s[strings.LastIndex(s, "\n")+1:]
}
