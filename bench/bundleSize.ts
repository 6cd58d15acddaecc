import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** Vite's build manifest: each chunk's file and the chunks it imports, statically or on demand. */
type Manifest = Record<string, { file: string; css?: string[]; imports?: string[]; isEntry?: boolean }>;

export interface BundleSizes {
  /** JavaScript the home page loads before it shows, gzipped. */
  homeJsGzipBytes: number;
  /** JavaScript a document's page loads before it shows and takes a keystroke, gzipped. */
  documentJsGzipBytes: number;
  /** Every JavaScript file of the app, what loads later (export, history) included. */
  allJsGzipBytes: number;
  cssGzipBytes: number;
}

/** The built app's JavaScript and CSS, gzipped, as a browser downloads them on a first visit. */
export async function bundleSize(distDir: string): Promise<BundleSizes> {
  const manifest = JSON.parse(await readFile(join(distDir, ".vite", "manifest.json"), "utf8")) as Manifest;
  const gzipped = new Map<string, number>();
  const size = async (file: string) => {
    if (!gzipped.has(file)) gzipped.set(file, gzipSync(await readFile(join(distDir, file)), { level: 9 }).byteLength);
    return gzipped.get(file)!;
  };
  /** The chunks these load before they run: themselves and everything they import statically. */
  const loadedWith = (keys: string[], seen = new Set<string>()): Set<string> => {
    for (const key of keys) {
      if (seen.has(key)) continue;
      seen.add(key);
      loadedWith(manifest[key]!.imports ?? [], seen);
    }
    return seen;
  };
  const total = async (keys: Iterable<string>) => {
    let bytes = 0;
    for (const key of keys) bytes += await size(manifest[key]!.file);
    return bytes;
  };
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  const documentPage = Object.keys(manifest).find((key) => key.endsWith("src/DocumentPage.tsx"));
  if (!entry || !documentPage) throw new Error("the build manifest has no entry or no document page chunk");
  const javaScript = Object.keys(manifest).filter((key) => manifest[key]!.file.endsWith(".js"));
  const css = [...new Set(Object.values(manifest).flatMap((chunk) => chunk.css ?? []))];
  let cssGzipBytes = 0;
  for (const file of css) cssGzipBytes += await size(file);
  return {
    homeJsGzipBytes: await total(loadedWith([entry])),
    documentJsGzipBytes: await total(loadedWith([entry, documentPage])),
    allJsGzipBytes: await total(javaScript),
    cssGzipBytes,
  };
}
