// Durable state file. Every write goes to a temp file in the same directory, is fsynced, then
// renamed over the real file (rename is atomic on POSIX), and the directory is fsynced so the rename
// itself survives a crash. A kill -9 at any moment therefore leaves either the old or the new file.
//
// Group commit: mutations are applied to memory synchronously (JavaScript runs one at a time, so no
// update is ever lost) and each request then awaits `persist()`. Callers that arrive while a write is
// in flight share the next write, which snapshots the state when it starts and so contains all of
// their mutations. A request is acknowledged only after a write containing its mutation completed.
import * as fs from "node:fs";
import * as path from "node:path";

export class StateFile {
  private readonly tempPath: string;
  private inFlight: Promise<void> = Promise.resolve();
  private next: Promise<void> | null = null;

  constructor(
    readonly filePath: string,
    private readonly snapshot: () => string,
  ) {
    this.tempPath = `${filePath}.tmp-${process.pid}`;
  }

  /** The parsed file, or null when it does not exist yet. A corrupt file is an error, never silently reset. */
  load(): unknown {
    this.removeStaleTempFiles();
    let text: string;
    try {
      text = fs.readFileSync(this.filePath, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      throw new Error(`state file ${this.filePath} is not valid JSON: ${(err as Error).message}`);
    }
  }

  /** Resolves once a write that started after this call (and so includes the caller's mutation) is on disk. */
  persist(): Promise<void> {
    if (!this.next) {
      const next = this.inFlight
        .catch(() => undefined) // a failed earlier write must not block later ones
        .then(() => {
          this.next = null; // callers from now on need the write after this one
          return this.writeNow();
        });
      this.next = next;
      this.inFlight = next;
    }
    return this.next;
  }

  /** Waits for every requested write to finish (used by stop()). */
  async idle(): Promise<void> {
    while (this.next) await this.next.catch(() => undefined);
    await this.inFlight.catch(() => undefined);
  }

  private async writeNow(): Promise<void> {
    const data = this.snapshot();
    const handle = await fs.promises.open(this.tempPath, "w", 0o600);
    try {
      await handle.writeFile(data, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(this.tempPath, this.filePath);
    await syncDirectory(path.dirname(this.filePath));
  }

  /** Temp files left by a process killed mid-write are incomplete by definition: drop them. */
  private removeStaleTempFiles(): void {
    const dir = path.dirname(this.filePath);
    const prefix = `${path.basename(this.filePath)}.tmp-`;
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith(prefix)) fs.rmSync(path.join(dir, name), { force: true });
    }
  }
}

async function syncDirectory(dir: string): Promise<void> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(dir, "r");
    await handle.sync();
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic there.
  } finally {
    await handle?.close();
  }
}
