import { describe, expect, it } from "vitest";
import { MAX_VERSIONS, type RetainedVersion, versionsToKeep } from "../../party/history/versionRetention";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 11, 2, 12);

function every(interval: number, count: number, from = NOW): RetainedVersion[] {
  return Array.from({ length: count }, (_, index) => ({
    id: from - index * interval,
    time: from - index * interval,
    named: false,
  }));
}

describe("version retention", () => {
  it("keeps every version of the last day", () => {
    const versions = every(5 * MINUTE, 288);
    expect(versionsToKeep(versions, NOW).size).toBe(288);
  });

  it("keeps the newest of each hour for a week, then the newest of each day", () => {
    const versions = every(10 * MINUTE, 6 * 24 * 30, NOW - DAY);
    const kept = [...versionsToKeep(versions, NOW)].sort((first, second) => second - first);
    const inWeek = kept.filter((time) => NOW - time < 7 * DAY);
    const older = kept.filter((time) => NOW - time >= 7 * DAY);
    const distinct = (times: number[], size: number) => new Set(times.map((time) => Math.floor(time / size))).size;
    const times = versions.map((version) => version.time);
    expect(inWeek).toHaveLength(
      distinct(
        times.filter((time) => NOW - time < 7 * DAY),
        HOUR,
      ),
    );
    expect(distinct(inWeek, HOUR)).toBe(inWeek.length);
    expect(inWeek.length).toBeGreaterThanOrEqual(6 * 24);
    expect(older).toHaveLength(
      distinct(
        times.filter((time) => NOW - time >= 7 * DAY),
        DAY,
      ),
    );
    expect(distinct(older, DAY)).toBe(older.length);
    // The one kept in each hour is its newest.
    for (const time of inWeek)
      expect(
        versions.some((version) => version.time > time && Math.floor(version.time / HOUR) === Math.floor(time / HOUR)),
      ).toBe(false);
  });

  it("always keeps named versions and the newest, however old", () => {
    const versions: RetainedVersion[] = [
      { id: 1, time: NOW - 400 * DAY, named: true },
      { id: 2, time: NOW - 400 * DAY + MINUTE, named: false },
      { id: 3, time: NOW - 300 * DAY, named: false },
    ];
    expect(versionsToKeep(versions, NOW)).toEqual(new Set([1, 2, 3]));
    expect(versionsToKeep(versions.slice(0, 2), NOW)).toEqual(new Set([1, 2]));
  });

  it(`never keeps more than ${MAX_VERSIONS}, dropping the oldest unnamed first`, () => {
    const versions = every(MINUTE, MAX_VERSIONS + 100);
    versions[versions.length - 1]!.named = true;
    const kept = versionsToKeep(versions, NOW);
    expect(kept.size).toBe(MAX_VERSIONS);
    expect(kept.has(versions[versions.length - 1]!.id)).toBe(true);
    expect(kept.has(versions[0]!.id)).toBe(true);
    expect(kept.has(versions[versions.length - 2]!.id)).toBe(false);
  });
});
