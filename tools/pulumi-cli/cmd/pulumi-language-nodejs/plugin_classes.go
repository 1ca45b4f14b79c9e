package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// TypeScript programs use the runai provider through the plugin-backed classes of the npm package
// `pulumi-runai` (module `pulumi-runai/plugin`: the same classes as the dynamic ones, aliasing
// their types, with the schema's enums as objects), not through an SDK generated from the schema,
// whose Node.js name `@pulumi-runai/runai` no registry serves. Pulumi's program generator imports a
// package by that Node.js name, so the code this host prints (`pulumi import`, `pulumi convert`)
// names the plugin-backed module instead, and a generated project depends on `pulumi-runai`. The
// schema keeps `@pulumi-runai/runai`: it stays the name of the SDK `gen-sdk --language nodejs` writes.
const (
	runaiSDKModule      = "@pulumi-runai/runai"
	runaiClassesModule  = "pulumi-runai/plugin"
	runaiClassesPackage = "pulumi-runai"
)

// useRunaiClasses rewrites one generated file: an import of the generated SDK in TypeScript or
// JavaScript, the dependency on it in package.json.
func useRunaiClasses(name string, contents []byte) []byte {
	switch {
	case filepath.Base(name) == "package.json":
		return bytes.ReplaceAll(contents, []byte(`"`+runaiSDKModule+`":`), []byte(`"`+runaiClassesPackage+`":`))
	case strings.HasSuffix(name, ".ts") || strings.HasSuffix(name, ".js"):
		return bytes.ReplaceAll(contents, []byte(`from "`+runaiSDKModule+`"`), []byte(`from "`+runaiClassesModule+`"`))
	default:
		return contents
	}
}

// useRunaiClassesIn rewrites the files a project generator wrote under directory (regular files
// only: not what a node_modules there links to).
func useRunaiClassesIn(directory string) error {
	return filepath.WalkDir(directory, func(path string, entry fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if entry.IsDir() && entry.Name() == "node_modules" {
			return filepath.SkipDir
		}
		if !entry.Type().IsRegular() {
			return nil
		}
		contents, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if rewritten := useRunaiClasses(path, contents); !bytes.Equal(rewritten, contents) {
			return os.WriteFile(path, rewritten, entry.Type().Perm()|0o600)
		}
		return nil
	})
}
