// Small helpers shared by the client tests.

/** The error a promise rejects with; fails the test if it resolves. */
export async function caught(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection");
}

/**
 * Teardown registered while a test runs (servers, clients), run in reverse order after each test.
 * Call once at the top of a test file; push closers onto the returned list.
 */
export function cleanupAfterEach(): Array<() => unknown> {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });
  return cleanups;
}
