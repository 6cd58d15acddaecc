import { describe, expect, it } from "vitest";
import { linkAddress } from "../src/editor/linkAddress";

describe("a link's address as typed", () => {
  it.each([
    ["https://example.com/a?b=c", "https://example.com/a?b=c"],
    ["  http://example.com  ", "http://example.com"],
    ["example.com/spec", "https://example.com/spec"],
    ["ann@example.com", "mailto:ann@example.com"],
    ["mailto:ann@example.com", "mailto:ann@example.com"],
  ])("%j becomes %j", (typed, href) => {
    expect(linkAddress(typed)).toBe(href);
  });

  it.each([
    "",
    "   ",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,x",
    "ftp://example.com",
    "file:///etc/passwd",
    "https://",
  ])("%j is refused", (typed) => {
    expect(linkAddress(typed)).toBeNull();
  });
});
