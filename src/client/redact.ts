// Every string that can end up in an error (server messages, socket errors, validation messages)
// passes through a Redactor before it is stored. The client registers each credential it handles
// (client secret, static token, every access token it obtains, application secrets it receives),
// so even a server or proxy that echoes a header or body back cannot leak one through our errors.

/** Below this length a "secret" is too short to replace without mangling ordinary text. */
const MIN_SECRET_LENGTH = 4;
export const REDACTED = "[redacted]";

export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string | undefined): void {
    if (secret && secret.length >= MIN_SECRET_LENGTH) this.secrets.add(secret);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    // Belt and braces for credentials we never saw: bearer tokens and JWT-shaped strings.
    out = out.replace(/(bearer\s+)[A-Za-z0-9\-._~+/]+=*/gi, `$1${REDACTED}`);
    out = out.replace(/\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, REDACTED);
    return out;
  }
}
