import { readdirSync, readFileSync } from "node:fs";

// /proc/<pid>/stat counts CPU time in clock ticks, 100 a second on Linux.
const TICKS_PER_SECOND = 100;

/** What /proc says of each process in the group, or of those whose command is `only`. */
function* groupProcesses(processGroup: number, only?: string): Generator<{ pid: string; fields: string[] }> {
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const command = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      // The fields after the command, from the state (field 3) on.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== processGroup) continue;
      if (only !== undefined && command !== only) continue;
      yield { pid, fields };
    } catch {
      // The process ended while we looked.
    }
  }
}

/**
 * Resident memory of the server's processes (partykit and the workerd it runs), or of those
 * of them whose command is `only` (such as "workerd", the runtime without the dev tooling).
 */
export function serverMemoryBytes(processGroup: number, only?: string): number {
  let bytes = 0;
  for (const { pid } of groupProcesses(processGroup, only)) {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
      bytes += Number(rss ?? 0) * 1024;
    } catch {
      // The process ended while we looked.
    }
  }
  return bytes;
}

/** CPU time (user and system) the server's processes, or those whose command is `only`, have used, in ms. */
export function serverCpuMs(processGroup: number, only?: string): number {
  let ticks = 0;
  // utime and stime are fields 14 and 15, at 11 and 12 counting from the state.
  for (const { fields } of groupProcesses(processGroup, only)) ticks += Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / TICKS_PER_SECOND;
}
