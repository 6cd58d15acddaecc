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

const widthOf = (cells: readonly CellSpans[]) => cells.reduce((sum, { colspan }) => sum + colspan, 0);

/**
 * How many cells a table comes to once every row is padded to the widest, at most: `rows` in
 * their order (each row's width counts the columns cells above it carry down into it), and
 * `placedAnywhere`, rows whose place is not known, which may take the most any row is carried
 * and whose cells spanning rows may carry into any row.
 */
export function paddedTableCells(
  rows: readonly (readonly CellSpans[])[],
  placedAnywhere: readonly (readonly CellSpans[])[] = [],
): number {
  // How much each row's carried columns change from the row before (a difference array).
  const carriedChange = new Array<number>(rows.length + 1).fill(0);
  // Columns carried past the last of `rows`, into any row that comes after them.
  let pastEnd = 0;
  rows.forEach((cells, index) => {
    for (const { colspan, rowspan } of cells) {
      if (rowspan <= 1) continue;
      carriedChange[index + 1]! += colspan;
      carriedChange[Math.min(rows.length, index + rowspan)]! -= colspan;
      if (index + rowspan > rows.length) pastEnd += colspan;
    }
  });
  const anywhere = placedAnywhere.flat().reduce((sum, { colspan, rowspan }) => (rowspan > 1 ? sum + colspan : sum), 0);
  let carried = 0;
  let mostCarried = pastEnd;
  let widest = 0;
  rows.forEach((cells, index) => {
    carried += carriedChange[index]!;
    mostCarried = Math.max(mostCarried, carried);
    widest = Math.max(widest, widthOf(cells) + carried + anywhere);
  });
  for (const cells of placedAnywhere) widest = Math.max(widest, widthOf(cells) + mostCarried + anywhere);
  return widest * (rows.length + placedAnywhere.length);
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
