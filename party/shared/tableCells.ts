import type { Attributes } from "@tiptap/core";
import { TableCell, TableHeader } from "@tiptap/extension-table";

/**
 * The most columns or rows one table cell may span, and the widest a column may be set:
 * prosemirror-tables builds a map as large as the spans say, in every open editor.
 */
export const MAX_CELL_SPAN = 100;
export const MAX_COLUMN_WIDTH = 10_000;

/** The most cells a table read from Markdown may have: GFM pads every row out to the header's width. */
export const MAX_MARKDOWN_TABLE_CELLS = 10_000;

export function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}

/** Column widths the server takes: whole pixels, one per spanned column at most. */
export function isColumnWidths(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length <= MAX_CELL_SPAN &&
    value.every((width) => isIntegerIn(width, 0, MAX_COLUMN_WIDTH))
  );
}

/** A span read from pasted or imported HTML, where `colspan="0"` or `"x"` means one. */
function parsedSpan(text: string | null): number {
  const span = Number.parseInt(text ?? "", 10);
  return isIntegerIn(span, 1, MAX_CELL_SPAN) ? span : 1;
}

/**
 * Cells whose spans and widths, read from HTML, are always ones the server accepts: TipTap reads
 * `<col width="auto">` as a width of NaN and `colspan="0"` as 0, which would make a paste bounce.
 */
function withCleanSpans<T extends typeof TableCell | typeof TableHeader>(cell: T): T {
  return cell.extend({
    addAttributes() {
      const parent: Attributes = this.parent?.() ?? {};
      const parseWidths = parent.colwidth?.parseHTML;
      return {
        ...parent,
        colspan: { default: 1, parseHTML: (element) => parsedSpan(element.getAttribute("colspan")) },
        rowspan: { default: 1, parseHTML: (element) => parsedSpan(element.getAttribute("rowspan")) },
        colwidth: {
          ...parent.colwidth,
          default: null,
          parseHTML: (element) => {
            const widths: unknown = parseWidths?.(element);
            return isColumnWidths(widths) ? widths : null;
          },
        },
      };
    },
  }) as T;
}

export const CleanTableCell = withCleanSpans(TableCell);
export const CleanTableHeader = withCleanSpans(TableHeader);
