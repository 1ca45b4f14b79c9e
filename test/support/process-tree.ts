// The processes under a process, for killing a whole `pulumi` run: the CLI starts each provider
// plugin in a process group of its own, so a signal to the CLI's group leaves the providers running
// (re-parented to init), still finishing the writes they had begun.
import * as fs from "node:fs";

/** Every live descendant of `pid`, read from /proc; none where there is no /proc. */
export function descendantsOf(pid: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
  } catch {
    return [];
  }
  for (const entry of entries) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // The fields after the command name (which may hold spaces and parentheses): state, then ppid.
    const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  for (let queue = [pid]; queue.length > 0;) {
    const next = children.get(queue.shift()!) ?? [];
    found.push(...next);
    queue.push(...next);
  }
  return found;
}

/** SIGKILL to `pid`'s process group and to every process under it, whatever its group. */
export function killTree(pid: number): void {
  const descendants = descendantsOf(pid);
  process.kill(-pid, "SIGKILL");
  for (const descendant of descendants) {
    try {
      process.kill(descendant, "SIGKILL");
    } catch {
      // gone with the group
    }
  }
}
