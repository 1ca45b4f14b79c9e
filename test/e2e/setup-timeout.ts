// e2e tests drive the real CLI: a whole scenario takes tens of seconds on two cores.
jest.setTimeout(600_000);
