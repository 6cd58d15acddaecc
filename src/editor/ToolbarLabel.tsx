import type { ReactNode } from "react";

/**
 * A button's short glyph for the eye and its full name for everyone else: named by its content,
 * not aria-label, so the name a screen reader or voice control hears is the name shown.
 */
export function ToolbarLabel({ glyph, label }: { glyph: ReactNode; label: string }) {
  return (
    <>
      <span aria-hidden="true">{glyph}</span>
      <span className="visually-hidden">{label}</span>
    </>
  );
}
