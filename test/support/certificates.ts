// Throw-away self-signed TLS certificates for loopback HTTPS test servers, made with the openssl CLI.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A self-signed certificate (its own CA) valid for one day for `subjectAltName`, e.g. "IP:127.0.0.1". */
export function selfSignedCertificate(subjectAltName = "IP:127.0.0.1"): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), "runai-ca-"));
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-days",
        "1",
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "cert.pem"),
        "-subj",
        "/CN=pulumi-runai test",
        "-addext",
        `subjectAltName=${subjectAltName}`,
      ],
      { stdio: "ignore" },
    );
    return { key: readFileSync(join(dir, "key.pem"), "utf8"), cert: readFileSync(join(dir, "cert.pem"), "utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
