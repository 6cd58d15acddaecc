/**
 * The highlight colours a document may hold, by the name people see. Only these are stored:
 * a highlight's colour becomes a style attribute wherever the document is rendered.
 */
export const HIGHLIGHT_COLORS = {
  Yellow: "#fef08a",
  Green: "#bbf7d0",
  Blue: "#bfdbfe",
  Pink: "#fbcfe8",
} as const;

const COLORS: readonly string[] = Object.values(HIGHLIGHT_COLORS);

/** Whether a highlight colour is one of HIGHLIGHT_COLORS (any letter case, as the editor may read it back). */
export function isHighlightColor(color: unknown): color is string {
  return typeof color === "string" && COLORS.includes(color.toLowerCase());
}
