import { describe, expect, it } from "vitest";
import { textColorOn } from "../src/identity/textColorOn";

describe("text on a person's colour", () => {
  it.each([
    ["#d1495b", "#000000"],
    ["#3f51b5", "#ffffff"],
    ["#000000", "#ffffff"],
    ["#c29b0c", "#000000"],
    ["#e07a1f", "#000000"],
    ["#ffffff", "#000000"],
  ])("on %s is %s", (background, text) => {
    expect(textColorOn(background)).toBe(text);
  });

  it("always has WCAG AA contrast for small text", () => {
    const luminance = (hex: string) =>
      [1, 3, 5]
        .map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255)
        .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
        .reduce((sum, c, index) => sum + c * [0.2126, 0.7152, 0.0722][index]!, 0);
    for (let grey = 0; grey < 256; grey += 5) {
      const background = `#${grey.toString(16).padStart(2, "0").repeat(3)}`;
      const [a, b] = [luminance(background), luminance(textColorOn(background))].sort((x, y) => y - x) as [
        number,
        number,
      ];
      expect((a + 0.05) / (b + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
