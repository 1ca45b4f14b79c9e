// The control plane's base URL in the one form every part of the client uses: no trailing slash, so
// that paths ("/api/v1/…") append to it and every cache keyed by it (tokens, first contact) sees one
// spelling of one URL.

/** `url` without trailing slashes: "https://acme.run.ai/" → "https://acme.run.ai". */
export function baseUrl(url: string): string {
  return url.replace(/\/+$/, "");
}

/** `url` fit for a message: without a user name or password it might carry. */
export function displayUrl(url: string): string {
  const parsed = new URL(url);
  parsed.username = "";
  parsed.password = "";
  return baseUrl(parsed.toString());
}
