package quote

import (
	"os"
	"path/filepath"
	"testing"
)

// bbcDir is the BBC News corpus used for throughput (absent on users'
// machines: the benchmark then skips).
const bbcDir = "../../shared/corpus/bbc-news-2225/articles"

func loadTexts(b *testing.B, pattern string) ([]string, int64) {
	b.Helper()
	files, _ := filepath.Glob(pattern)
	var texts []string
	var n int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		n += int64(len(data))
	}
	return texts, n
}

// BenchmarkExtract measures extraction throughput over the BBC corpus
// (b.SetBytes makes go test report MB/s).
func BenchmarkExtract(b *testing.B) {
	texts, n := loadTexts(b, filepath.Join(bbcDir, "*", "*.txt"))
	if len(texts) == 0 {
		texts, n = loadTexts(b, filepath.Join(bbcDir, "*.txt"))
	}
	if len(texts) == 0 {
		b.Skipf("BBC corpus not present at %s", bbcDir)
	}
	b.SetBytes(n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			Extract(t)
		}
	}
}

// BenchmarkExtractSeed measures extraction of the seed article.
func BenchmarkExtractSeed(b *testing.B) {
	data, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		Extract(text)
	}
}

// BenchmarkSentences measures sentence splitting over the BBC corpus.
func BenchmarkSentences(b *testing.B) {
	texts, n := loadTexts(b, filepath.Join(bbcDir, "*", "*.txt"))
	if len(texts) == 0 {
		b.Skipf("BBC corpus not present at %s", bbcDir)
	}
	b.SetBytes(n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			Sentences(t)
		}
	}
}
