/** WCAG's relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const [red, green, blue] = [1, 3, 5].map((at) => {
    const channel = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

/**
 * White or black, whichever reads better on a person's `#rrggbb` colour: colours come from each
 * person's browser, and many (orange, yellow, teal) are too light for white text. One of the
 * two always has at least 4.58:1 contrast, past WCAG AA's 4.5:1 for small text.
 */
export function textColorOn(background: string): string {
  const light = luminance(background);
  return 1.05 / (light + 0.05) >= (light + 0.05) / 0.05 ? "#ffffff" : "#000000";
}
