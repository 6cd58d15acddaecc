import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** The built app's JavaScript and CSS, gzipped, as a browser downloads it on a first visit. */
export async function bundleSize(distDir: string): Promise<{ jsGzipBytes: number; cssGzipBytes: number }> {
  const assets = join(distDir, "assets");
  let jsGzipBytes = 0;
  let cssGzipBytes = 0;
  for (const name of await readdir(assets)) {
    const gzipped = gzipSync(await readFile(join(assets, name)), { level: 9 }).byteLength;
    if (name.endsWith(".js")) jsGzipBytes += gzipped;
    if (name.endsWith(".css")) cssGzipBytes += gzipped;
  }
  return { jsGzipBytes, cssGzipBytes };
}
