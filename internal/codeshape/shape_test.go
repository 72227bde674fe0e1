// Package codeshape holds the checks that keep the biggest packages easy to
// change: no file over maxFileLines lines and no function over maxFuncLines
// lines in quote/, answer/ and handlers/ (issue 16).
package codeshape

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	// maxFileLines is the longest file allowed in the checked packages.
	maxFileLines = 600
	// maxFuncLines is the longest function (or function literal) allowed.
	maxFuncLines = 120
)

var checked = []string{"quote", "answer", "handlers"}

func TestFileAndFunctionSizes(t *testing.T) {
	fset := token.NewFileSet()
	for _, dir := range checked {
		files, err := filepath.Glob(filepath.Join("..", "..", dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no Go files found (%v)", dir, err)
		}
		for _, path := range files {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(string(src), "\n"); n > maxFileLines {
				t.Errorf("%s: %d lines, more than %d; split it by stage", path, n, maxFileLines)
			}
			f, err := parser.ParseFile(fset, path, src, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				var body *ast.BlockStmt
				name := "a function literal"
				switch x := n.(type) {
				case *ast.FuncDecl:
					body, name = x.Body, x.Name.Name
				case *ast.FuncLit:
					body = x.Body
				}
				if body != nil {
					lines := fset.Position(body.End()).Line - fset.Position(n.Pos()).Line + 1
					if lines > maxFuncLines {
						t.Errorf("%s: %s is %d lines, more than %d", fset.Position(n.Pos()), name, lines, maxFuncLines)
					}
				}
				return true
			})
		}
	}
}
