import type { BenchServer } from "./servers";

/** Once the server's storage stops changing (its writes and compaction are over), its size in bytes. */
export async function storageSettled(server: BenchServer): Promise<number> {
  let previous = -1;
  for (;;) {
    const bytes = await server.storedBytes();
    if (bytes === previous) return bytes;
    previous = bytes;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
