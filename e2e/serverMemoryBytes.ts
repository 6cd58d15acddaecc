import { readdirSync, readFileSync } from "node:fs";

/**
 * Resident memory of the server's processes (partykit and the workerd it runs), or of those
 * of them whose command is `only` (such as "workerd", the runtime without the dev tooling).
 */
export function serverMemoryBytes(processGroup: number, only?: string): number {
  let bytes = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const command = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) !== processGroup) continue;
      if (only !== undefined && command !== only) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
      bytes += Number(rss ?? 0) * 1024;
    } catch {
      // The process ended while we looked.
    }
  }
  return bytes;
}
