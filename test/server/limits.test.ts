import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, limitsFrom } from "../../party/limits";

describe("limits", () => {
  it("default when nothing is set", () => {
    expect(limitsFrom({})).toEqual(DEFAULT_LIMITS);
  });

  it("take whole numbers from the environment", () => {
    expect(limitsFrom({ COWRITE_MAX_DOCUMENT_BYTES: "1000", COWRITE_AWARENESS_INTERVAL_MS: "20" })).toEqual({
      ...DEFAULT_LIMITS,
      maxDocumentBytes: 1000,
      awarenessIntervalMs: 20,
    });
  });

  it("refuse a silence limit that would drop a connection before it is pinged", () => {
    expect(() => limitsFrom({ COWRITE_HEARTBEAT_PING_MS: "500", COWRITE_HEARTBEAT_DROP_MS: "500" })).toThrow(
      /COWRITE_HEARTBEAT_DROP_MS must be longer than COWRITE_HEARTBEAT_PING_MS/,
    );
  });

  it.each(["0", "-1", "1.5", "lots"])("refuse %j, naming the setting", (value) => {
    expect(() => limitsFrom({ COWRITE_MAX_FRAME_BYTES: value })).toThrow(/COWRITE_MAX_FRAME_BYTES/);
  });
});
