// y-partykit's providers send a message over 1 MB as binary chunks between two text
// markers, `y-pk-batch#{"id","type":"start"|"end","size","count"}`.
const MARKER = /^y-pk-batch#(\{.{0,200}\})$/;

export interface BatchMarker {
  id: string;
  type: "start" | "end";
  size: number;
  count: number;
}

/** The chunk marker a text frame carries, or null when it is anything else. */
export function parseBatchMarker(text: string): BatchMarker | null {
  const json = MARKER.exec(text)?.[1];
  if (json === undefined) return null;
  try {
    const { id, type, size, count } = JSON.parse(json) as Record<string, unknown>;
    if (typeof id !== "string" || (type !== "start" && type !== "end")) return null;
    if (!Number.isSafeInteger(size) || !Number.isSafeInteger(count)) return null;
    return { id, type, size: size as number, count: count as number };
  } catch {
    return null;
  }
}
