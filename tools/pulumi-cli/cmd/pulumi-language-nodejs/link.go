package main

import (
	"context"
	"fmt"
	"strings"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// Link adds generated SDKs to a project's dependencies. `pulumi convert` calls it after writing a
// project even when there is nothing to link (it generates SDKs only for parameterized packages),
// so that call succeeds. Linking an SDK needs the package manager's install, which this host does
// not run: it says so, naming the SDKs to install by hand.
func (h *nodeHost) Link(_ context.Context, req *pulumirpc.LinkRequest) (*pulumirpc.LinkResponse, error) {
	if len(req.GetPackages()) == 0 {
		return &pulumirpc.LinkResponse{}, nil
	}
	paths := make([]string, 0, len(req.GetPackages()))
	for _, dep := range req.GetPackages() {
		paths = append(paths, dep.GetPath())
	}
	return nil, fmt.Errorf("pulumi-language-nodejs: this host does not link SDKs into a project: run `npm install %s` in %s",
		strings.Join(paths, " "), req.GetInfo().GetProgramDirectory())
}
