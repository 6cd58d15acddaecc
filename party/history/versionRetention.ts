/** What the retention policy needs to know of a version. */
export interface RetainedVersion {
  id: number;
  time: number;
  named: boolean;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;
/** Beyond this many, the oldest unnamed versions go first, whatever their age. */
export const MAX_VERSIONS = 500;

/**
 * The versions to keep, by id: every version of the last day; older, the newest of each
 * hour for a week; older still, the newest of each day; named versions always, and the
 * newest version always. Past MAX_VERSIONS, the oldest unnamed ones are dropped.
 */
export function versionsToKeep(versions: readonly RetainedVersion[], now: number): Set<number> {
  const newestFirst = [...versions].sort((first, second) => second.time - first.time || second.id - first.id);
  const kept = new Set<number>();
  const buckets = new Set<string>();
  newestFirst.forEach((version, index) => {
    const age = now - version.time;
    const bucket =
      age < DAY_MS
        ? null
        : age < WEEK_MS
          ? `h${Math.floor(version.time / HOUR_MS)}`
          : `d${Math.floor(version.time / DAY_MS)}`;
    const firstOfBucket = bucket !== null && !buckets.has(bucket);
    if (bucket !== null) buckets.add(bucket);
    if (version.named || index === 0 || bucket === null || firstOfBucket) kept.add(version.id);
  });
  for (const version of [...newestFirst].reverse()) {
    if (kept.size <= MAX_VERSIONS) break;
    if (!version.named && version !== newestFirst[0]) kept.delete(version.id);
  }
  return kept;
}
