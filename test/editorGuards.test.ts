import { EditorState } from "@tiptap/pm/state";
import { tableEditing } from "@tiptap/pm/tables";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import { documentSchema } from "../party/shared/documentSchema";
import { allowedLinksOnly } from "../src/editor/allowedLinksOnly";
import { localTableFixes } from "../src/editor/localTableFixes";

const schema = documentSchema;
const cell = (text: string) =>
  schema.nodes.tableCell!.create(null, schema.nodes.paragraph!.create(null, schema.text(text)));
const row = (...texts: string[]) => schema.nodes.tableRow!.create(null, texts.map(cell));
const evenTable = () =>
  schema.nodes.doc!.create(null, schema.nodes.table!.create(null, [row("a", "b"), row("c", "d")]));

/** A table left with a short second row, as one person adding a column while another adds a row can. */
function unevenTable(state: EditorState) {
  const secondRow = state.doc.resolve(1).node(1).child(0).nodeSize + 1;
  const lastCell = secondRow + 1 + state.doc.child(0).child(1).child(0).nodeSize;
  return state.tr.delete(lastCell, lastCell + state.doc.child(0).child(1).child(1).nodeSize);
}

const widths = (state: EditorState) => {
  const sizes: number[] = [];
  state.doc.child(0).forEach((tableRow) => sizes.push(tableRow.childCount));
  return sizes;
};

describe("tables are repaired only for your own edits", () => {
  const state = () => EditorState.create({ doc: evenTable(), plugins: [localTableFixes(), tableEditing()] });

  it("leaves a table a remote change made uneven as it is", () => {
    const remote = unevenTable(state()).setMeta(ySyncPluginKey, { isChangeOrigin: true });
    expect(widths(state().apply(remote))).toEqual([2, 1]);
  });

  it("repairs a table your own edit made uneven", () => {
    expect(widths(state().apply(unevenTable(state())))).toEqual([2, 2]);
  });
});

describe("links the server would refuse", () => {
  const paragraph = () => schema.nodes.doc!.create(null, schema.nodes.paragraph!.create(null, schema.text("see this")));
  const linked = (href: string) => {
    const state = EditorState.create({ doc: paragraph(), plugins: [allowedLinksOnly()] });
    const after = state.applyTransaction(state.tr.addMark(1, 4, schema.marks.link!.create({ href }))).state;
    return after.doc.rangeHasMark(1, 4, schema.marks.link!);
  };

  it("never stay in the document; their text does", () => {
    expect(linked("ftp://example.com/")).toBe(false);
    expect(linked("file:///etc/passwd")).toBe(false);
    expect(linked("https://example.com/")).toBe(true);
    expect(linked("mailto:ann@example.com")).toBe(true);
  });
});
