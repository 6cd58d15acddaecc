import type { Attributes } from "@tiptap/core";
import { TableCell, TableHeader } from "@tiptap/extension-table";

/**
 * The most columns or rows one table cell may span, and the widest a column may be set:
 * prosemirror-tables builds a map as large as the spans say, in every open editor.
 */
export const MAX_CELL_SPAN = 100;
export const MAX_COLUMN_WIDTH = 10_000;

/**
 * The most cells a table may have, counting the ones its rows are padded with: every open editor
 * pads each row to the widest (prosemirror-tables' fix), as GFM pads each row to the header's.
 */
export const MAX_TABLE_CELLS = 10_000;

export interface CellSpans {
  colspan: number;
  rowspan: number;
}

/**
 * How many cells a table of these rows comes to once every row is padded to the widest, at most,
 * whatever order its rows end up in: the widest row's own columns, plus every column a cell
 * spanning several rows could carry into it.
 */
export function paddedTableCells(rows: readonly (readonly CellSpans[])[]): number {
  let widest = 0;
  let carried = 0;
  for (const cells of rows) {
    let width = 0;
    for (const { colspan, rowspan } of cells) {
      width += colspan;
      if (rowspan > 1) carried += colspan;
    }
    widest = Math.max(widest, width);
  }
  return (widest + carried) * rows.length;
}

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
