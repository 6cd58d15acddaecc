import * as Y from "yjs";
import { MAX_STORED_TITLE_LENGTH } from "../shared/collabSchema";
import { COMMENTS_FIELD } from "../shared/comments";
import type { DecodedUpdate } from "./inspectMessage";
import { type CellSpans, isIntegerIn, MAX_CELL_SPAN, MAX_TABLE_CELLS, paddedTableCells } from "../shared/tableCells";
import { holdsText, isNodeName, markProblem, mayContain, nodeAttributeProblem, ROOTS } from "./documentRules";

/** An element as a parent: its node, and the item (stored or in the update) that holds it. */
interface ElementParent {
  kind: "element";
  nodeName: string;
  owner: Y.Item;
}

/** Where a piece of an update lands, as far as the document's meaning is concerned. */
type Parent =
  | { kind: "root"; name: string }
  | ElementParent
  /** A run of text, and the node that holds it (null when that is not an element). */
  | { kind: "text"; nodeName: string | null }
  /** A shared type the document does not use. */
  | { kind: "foreign" }
  /** A parent that is garbage-collected: Yjs drops what arrives for it. */
  | { kind: "gone" };

interface Placement {
  parent: Parent;
  /** The attribute (map key) an item sets, or null for an item in a list. */
  key: string | null;
}

/** What applying an update would do, or why it must not be applied. */
export type UpdateVerdict =
  | {
      kind: "valid";
      /** A sound upper bound on how many bytes the document's encoded state grows by; 0 if nothing is new. */
      growthBound: number;
    }
  | { kind: "invalid"; reason: string }
  /** It builds on changes the server does not have, so its meaning cannot be checked yet. */
  | { kind: "unknown-parent" };

// The most a split of an existing item can add to the encoded state: a struct header with
// two ids (client and clock varints of up to 8 bytes each) and a length.
const SPLIT_BYTES = 64;
// A delete-set range: clock and length varints.
const DELETE_RANGE_BYTES = 16;

type Content = Y.Item["content"];
type SharedType = ReturnType<Y.Doc["get"]>;

/** A kind of item content, by name (class names do not survive minifying). */
function contentName(content: Content): string {
  if (content instanceof Y.ContentString) return "a string";
  if (content instanceof Y.ContentFormat) return "formatting";
  if (content instanceof Y.ContentAny) return "plain values";
  if (content instanceof Y.ContentType) return "a shared type";
  if (content instanceof Y.ContentEmbed) return "an embed";
  return "binary or JSON content";
}

class Invalid extends Error {}

const COMMENTS_BY_SERVER = "comments are changed only by the server (POST ?comments)";
class UnknownParent extends Error {}

/** The entry of a list sorted by start that covers `clock`, or undefined (a binary search). */
function findCovering<T>(entries: readonly T[], clock: number, range: (entry: T) => [number, number]): T | undefined {
  let low = 0;
  let high = entries.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const entry = entries[middle]!;
    const [start, length] = range(entry);
    if (clock < start) high = middle - 1;
    else if (clock >= start + length) low = middle + 1;
    else return entry;
  }
  return undefined;
}

function parentOfType(type: SharedType): Parent {
  // Yjs deletes whatever arrives for a deleted type.
  if (type._item?.deleted) return { kind: "gone" };
  if (type._item === null) {
    const name = Y.findRootTypeKey(type);
    return { kind: "root", name };
  }
  if (type instanceof Y.XmlElement) return { kind: "element", nodeName: type.nodeName, owner: type._item };
  if (type instanceof Y.XmlText) {
    const holder = type._item.parent;
    return { kind: "text", nodeName: holder instanceof Y.XmlElement ? holder.nodeName : null };
  }
  return { kind: "foreign" };
}

/** Items in the order they stand, if each was inserted right after the one before; otherwise null. */
function inSequence(items: readonly Y.Item[]): Y.Item[] | null {
  const sorted = [...items].sort((first, second) => first.id.clock - second.id.clock);
  const chained = sorted.every((item, index) => {
    const before = sorted[index - 1];
    if (!before) return true;
    return item.id.client === before.id.client && item.origin !== null && Y.compareIDs(item.origin, before.lastId);
  });
  return chained ? sorted : null;
}

/**
 * Checks, before it is applied, that an update leaves a document the editor can show:
 * only the body and title roots; in the body only the schema's nodes, each where its parent
 * may hold it, with attributes of the right types; text with known marks and well-formed
 * attributes; the title plain text within its limit; tables within their size. The work grows
 * with the update, not the document: each piece's parent is looked up by id (a binary search),
 * never by a walk, and only a table whose rows, cells or spans change is walked.
 */
class UpdateChecker {
  private readonly updateStructs = new Map<number, (Y.Item | Y.GC)[]>();
  private readonly placements = new Map<Y.Item, Placement>();
  /** The rows and cells the update adds, by the item of the table or row they go into. */
  private readonly newTableParts = new Map<Y.Item, Y.Item[]>();
  /** The spans the update sets, by the item of their cell. */
  private readonly newSpans = new Map<Y.Item, Partial<CellSpans>>();
  /** The items of the tables whose rows, cells or spans the update changes. */
  private readonly changedTables = new Set<Y.Item>();
  private readonly titleRoot: SharedType | undefined;
  private readonly commentsRoot: SharedType | undefined;

  constructor(
    private readonly doc: Y.Doc,
    private readonly update: DecodedUpdate,
  ) {
    for (const struct of update.structs) {
      if (struct instanceof Y.Skip) continue;
      const structs = this.updateStructs.get(struct.id.client) ?? [];
      structs.push(struct);
      this.updateStructs.set(struct.id.client, structs);
    }
    this.titleRoot = doc.share.get(ROOTS.title);
    this.commentsRoot = doc.share.get(COMMENTS_FIELD);
  }

  check(updateBytes: number): number {
    let newStructs = 0;
    let titleGrowth = 0;
    for (const struct of this.update.structs) {
      if (struct instanceof Y.Skip) continue;
      const known = Y.getState(this.doc.store, struct.id.client);
      if (struct.id.clock + struct.length <= known) continue;
      newStructs += 1;
      if (!(struct instanceof Y.Item)) continue;
      // Yjs holds back an item next to one it has not seen, and applies it, unchecked, when that comes.
      this.requireKnown(struct.origin);
      this.requireKnown(struct.rightOrigin);
      const placement = this.placementOf(struct);
      // What the update deletes itself arrives deleted: the editor's binding repairs what it
      // cannot show that way, and such repairs must sync.
      if (!this.deletedByUpdate(struct)) this.checkItem(struct, placement);
      if (placement.parent.kind === "root" && placement.parent.name === ROOTS.title && struct.countable) {
        titleGrowth += struct.id.clock + struct.length - Math.max(known, struct.id.clock);
      }
    }
    const { liveRanges, titleDeleted } = this.deletions();
    this.checkTableSizes();
    const titleLength = (this.titleRoot?._length ?? 0) + titleGrowth - titleDeleted;
    if (titleGrowth > 0 && titleLength > MAX_STORED_TITLE_LENGTH) {
      throw new Invalid(`the title would be ${titleLength} characters, over ${MAX_STORED_TITLE_LENGTH}`);
    }
    const newBytes = newStructs > 0 ? updateBytes : 0;
    return newBytes + newStructs * 2 * SPLIT_BYTES + liveRanges * (2 * SPLIT_BYTES + DELETE_RANGE_BYTES);
  }

  private requireKnown(id: Y.ID | null): void {
    if (id !== null && !this.isStored({ id }) && !this.updateStruct(id)) throw new UnknownParent();
  }

  private deletedByUpdate({ id, length }: Y.Item): boolean {
    const ranges = this.update.ds.clients.get(id.client) ?? [];
    const range = findCovering(ranges, id.clock, ({ clock, len }) => [clock, len]);
    return range !== undefined && id.clock + length <= range.clock + range.len;
  }

  /** The delete set's ranges that delete something still visible, and the title characters among it. */
  private deletions(): { liveRanges: number; titleDeleted: number } {
    let liveRanges = 0;
    let titleDeleted = 0;
    for (const [client, ranges] of this.update.ds.clients) {
      const structs = this.doc.store.clients.get(client) ?? [];
      const last = this.updateStructs.get(client)?.at(-1);
      const reach = Math.max(Y.getState(this.doc.store, client), last ? last.id.clock + last.length : 0);
      for (const { clock, len } of ranges) {
        // Yjs would keep such deletions pending, resent and re-merged with every later update.
        if (clock + len > reach) throw new UnknownParent();
        const end = Math.min(clock + len, Y.getState(this.doc.store, client));
        if (clock >= end) continue;
        let live = false;
        for (let index = Y.findIndexSS(structs, clock); index < structs.length; index++) {
          const struct = structs[index]!;
          if (struct.id.clock >= end) break;
          if (!(struct instanceof Y.Item) || struct.deleted) continue;
          if (struct.parent === this.commentsRoot && this.commentsRoot) throw new Invalid(COMMENTS_BY_SERVER);
          live = true;
          // A row gone moves the rows under it up, under the cells above that span rows.
          if (struct.content instanceof Y.ContentType && struct.content.type instanceof Y.XmlElement) {
            const table = struct.parent instanceof Y.XmlElement ? struct.parent._item : null;
            if (struct.content.type.nodeName === "tableRow" && table) this.changedTables.add(table);
          }
          if (struct.countable && struct.parent === this.titleRoot && struct.parentSub === null) {
            titleDeleted += Math.min(end, struct.id.clock + struct.length) - Math.max(clock, struct.id.clock);
          }
        }
        if (live) liveRanges += 1;
      }
    }
    return { liveRanges, titleDeleted };
  }

  private checkItem(item: Y.Item, { parent, key }: Placement): void {
    const content = item.content;
    if (content instanceof Y.ContentDeleted || parent.kind === "gone") return;
    const what = contentName(content);
    switch (parent.kind) {
      case "foreign":
        throw new Invalid("a change to a shared type the document does not use");
      case "root":
        if (parent.name === ROOTS.title) {
          if (key !== null || !(content instanceof Y.ContentString)) throw new Invalid("the title must be plain text");
          return;
        }
        if (parent.name === COMMENTS_FIELD) throw new Invalid(COMMENTS_BY_SERVER);
        if (parent.name !== ROOTS.body) throw new Invalid(`unknown root "${parent.name}"`);
        if (key !== null) throw new Invalid("the document body has no attributes");
        return this.checkChild(ROOTS.body, content);
      case "element":
        if (key === null) {
          this.checkChild(parent.nodeName, content);
          return this.noteTablePart(parent, item);
        }
        if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) {
          throw new Invalid(`${parent.nodeName}.${key} must be a plain value, not ${what}`);
        }
        this.fail(nodeAttributeProblem(parent.nodeName, key, content.arr[0]));
        if (key === "colspan" || key === "rowspan") this.noteSpan(parent, key, content.arr[0] as number);
        return;
      case "text":
        if (key !== null) throw new Invalid("text has no attributes");
        if (content instanceof Y.ContentString) return;
        if (content instanceof Y.ContentFormat)
          return this.fail(markProblem(content.key, content.value, parent.nodeName));
        throw new Invalid(`text cannot hold ${what}`);
    }
  }

  private checkChild(parentName: string, content: Content): void {
    if (content instanceof Y.ContentType) {
      const type = content.type;
      if (type instanceof Y.XmlElement) {
        if (!isNodeName(type.nodeName)) throw new Invalid(`unknown node "${type.nodeName}"`);
        if (!mayContain(parentName, type.nodeName))
          throw new Invalid(`${type.nodeName} cannot be inside ${parentName}`);
        return;
      }
      if (type instanceof Y.XmlText) {
        if (parentName === ROOTS.body || !holdsText(parentName))
          throw new Invalid(`text cannot be inside ${parentName}`);
        return;
      }
    }
    throw new Invalid(`${parentName} cannot hold ${contentName(content)}`);
  }

  /** Notes a row going into a table, or a cell into a row, for the table's size check. */
  private noteTablePart(parent: ElementParent, item: Y.Item): void {
    if (parent.nodeName !== "table" && parent.nodeName !== "tableRow") return;
    const table = parent.nodeName === "table" ? parent : this.holder(parent.owner);
    const parts = this.newTableParts.get(parent.owner);
    if (parts) parts.push(item);
    else this.newTableParts.set(parent.owner, [item]);
    if (table?.nodeName === "table") this.changedTables.add(table.owner);
  }

  private noteSpan(cell: ElementParent, key: keyof CellSpans, span: number): void {
    const spans = this.newSpans.get(cell.owner) ?? {};
    spans[key] = Math.max(spans[key] ?? 1, span);
    this.newSpans.set(cell.owner, spans);
    const row = this.holder(cell.owner);
    const table = row && this.holder(row.owner);
    if (table?.nodeName === "table") this.changedTables.add(table.owner);
  }

  /** Refuses a change that would leave a table with more cells than any editor should pad and map. */
  private checkTableSizes(): void {
    for (const table of this.changedTables) {
      const spans = (row: Y.Item) => this.elementsIn(row).map((cell) => this.spansOf(cell));
      const stored = this.storedElementsIn(table);
      const added = this.newTableParts.get(table) ?? [];
      // The stored rows keep their order; so do the rows of a new table if each is inserted after
      // the one before. Where else new rows go is not worked out here: they count as anywhere.
      const ordered = stored.length === 0 ? inSequence(added) : null;
      const cells = ordered
        ? paddedTableCells(ordered.map(spans))
        : paddedTableCells(stored.map(spans), added.map(spans));
      if (cells > MAX_TABLE_CELLS) {
        throw new Invalid(`a table of up to ${cells} cells with its rows padded, over the limit of ${MAX_TABLE_CELLS}`);
      }
    }
  }

  /** The elements inside the element an item holds, once the update is applied: the stored ones, then the new. */
  private elementsIn(owner: Y.Item): Y.Item[] {
    return [...this.storedElementsIn(owner), ...(this.newTableParts.get(owner) ?? [])];
  }

  /** The stored elements inside the element an item holds that the update leaves, in their order. */
  private storedElementsIn(owner: Y.Item): Y.Item[] {
    const elements: Y.Item[] = [];
    if (!this.isStored(owner) || !(owner.content instanceof Y.ContentType)) return elements;
    for (let child = owner.content.type._start; child; child = child.right) {
      const isElement = child.content instanceof Y.ContentType && child.content.type instanceof Y.XmlElement;
      if (isElement && !child.deleted && !this.deletedByUpdate(child)) elements.push(child);
    }
    return elements;
  }

  /** A cell's spans once the update is applied, taking the larger where it changes one. */
  private spansOf(cell: Y.Item): CellSpans {
    const set = this.newSpans.get(cell) ?? {};
    const stored = this.isStored(cell) && cell.content instanceof Y.ContentType ? cell.content.type : null;
    const span = (key: keyof CellSpans): number => {
      const value: unknown = stored instanceof Y.XmlElement ? stored.getAttribute(key) : undefined;
      return Math.max(set[key] ?? 1, isIntegerIn(value, 1, MAX_CELL_SPAN) ? value : 1);
    };
    return { colspan: span("colspan"), rowspan: span("rowspan") };
  }

  /** The element that holds the one an item holds, or null when that is not an element. */
  private holder(owner: Y.Item): ElementParent | null {
    let parent: Parent;
    if (!this.isStored(owner)) parent = this.placementOf(owner).parent;
    else parent = owner.parent instanceof Y.AbstractType ? parentOfType(owner.parent) : { kind: "gone" };
    return parent.kind === "element" ? parent : null;
  }

  /** Whether the document already has this item (or the struct at this id). */
  private isStored({ id }: { id: Y.ID }): boolean {
    return id.clock < Y.getState(this.doc.store, id.client);
  }

  private fail(problem: string | null): void {
    if (problem !== null) throw new Invalid(problem);
  }

  /**
   * Where an item of the update lands: from its parent, or the neighbour it is inserted next
   * to, following neighbours within the update without recursion (chains can be long).
   */
  private placementOf(item: Y.Item): Placement {
    const chain: Y.Item[] = [];
    const seen = new Set<Y.Item>();
    let placement: Placement | undefined;
    for (let current: Y.Item = item; placement === undefined;) {
      const cached = this.placements.get(current);
      if (cached) {
        placement = cached;
        break;
      }
      if (seen.has(current)) throw new Invalid("items whose neighbours form a cycle");
      seen.add(current);
      chain.push(current);
      const next = this.ownPlacement(current);
      if (next instanceof Y.Item) current = next;
      else placement = next;
    }
    for (const link of chain) this.placements.set(link, placement);
    return placement;
  }

  /** An item's placement as far as it says itself, or the item of the update it sits next to. */
  private ownPlacement(item: Y.Item): Placement | Y.Item {
    const known = Y.getState(this.doc.store, item.id.client);
    if (item.id.clock < known) {
      // Yjs keeps only the new tail, next to the stored item before it: it must be in the same place.
      const left = this.storedStruct(Y.createID(item.id.client, known - 1));
      if (!(left instanceof Y.Item) || !(left.parent instanceof Y.AbstractType)) {
        return { parent: { kind: "gone" }, key: null };
      }
      if (!this.declaresParent(item, left.parent, left.parentSub)) {
        throw new Invalid("an item that continues a stored one must stay in its place");
      }
      return { parent: parentOfType(left.parent), key: left.parentSub };
    }
    return this.declaredPlacement(item);
  }

  /** Whether an item says it belongs to this very type (and attribute), as the stored items do. */
  private declaresParent(item: Y.Item, parent: SharedType, key: string | null): boolean {
    if (typeof item.parent === "string") {
      return parent._item === null && Y.findRootTypeKey(parent) === item.parent && item.parentSub === key;
    }
    if (item.parent instanceof Y.ID) {
      return parent._item !== null && Y.compareIDs(parent._item.id, item.parent) && item.parentSub === key;
    }
    const neighbour = item.origin ?? item.rightOrigin;
    if (neighbour === null || neighbour.clock >= Y.getState(this.doc.store, neighbour.client)) return false;
    const stored = this.storedStruct(neighbour);
    return stored instanceof Y.Item && stored.parent === parent && stored.parentSub === key;
  }

  private declaredPlacement(item: Y.Item): Placement | Y.Item {
    if (typeof item.parent === "string") return { parent: { kind: "root", name: item.parent }, key: item.parentSub };
    if (item.parent instanceof Y.ID) return { parent: this.typeAt(item.parent), key: item.parentSub };
    const neighbour = item.origin ?? item.rightOrigin;
    if (neighbour === null) throw new Invalid("an item with neither parent nor neighbours");
    const inUpdate = this.updateStruct(neighbour);
    if (inUpdate instanceof Y.Item) return inUpdate;
    if (inUpdate) return { parent: { kind: "gone" }, key: null };
    return this.storedPlacement(neighbour);
  }

  /** The placement of the stored struct that holds `id`. */
  private storedPlacement(id: Y.ID): Placement {
    const stored = this.storedStruct(id);
    if (!(stored instanceof Y.Item) || !(stored.parent instanceof Y.AbstractType)) {
      return { parent: { kind: "gone" }, key: null };
    }
    return { parent: parentOfType(stored.parent), key: stored.parentSub };
  }

  /** The shared type the item `id` creates, as a parent. */
  private typeAt(id: Y.ID): Parent {
    const inUpdate = this.updateStruct(id);
    if (inUpdate instanceof Y.GC) return { kind: "gone" };
    if (inUpdate) {
      const content = inUpdate.content;
      if (!(content instanceof Y.ContentType) || this.deletedByUpdate(inUpdate)) return { kind: "gone" };
      if (content.type instanceof Y.XmlElement) {
        return { kind: "element", nodeName: content.type.nodeName, owner: inUpdate };
      }
      if (content.type instanceof Y.XmlText) {
        const holder = this.placementOf(inUpdate).parent;
        return { kind: "text", nodeName: holder.kind === "element" ? holder.nodeName : null };
      }
      return { kind: "foreign" };
    }
    const stored = this.storedStruct(id);
    if (!(stored instanceof Y.Item) || !(stored.content instanceof Y.ContentType)) return { kind: "gone" };
    return parentOfType(stored.content.type);
  }

  /**
   * The struct of the update that holds `id`, for an id the document does not have yet. For
   * one it has, Yjs uses its own copy and drops the update's, so only the stored one counts.
   */
  private updateStruct(id: Y.ID): Y.Item | Y.GC | undefined {
    if (this.isStored({ id })) return undefined;
    const structs = this.updateStructs.get(id.client);
    return structs && findCovering(structs, id.clock, (struct) => [struct.id.clock, struct.length]);
  }

  private storedStruct(id: Y.ID): Y.Item | Y.GC {
    const structs = this.doc.store.clients.get(id.client);
    if (!structs || Y.getState(this.doc.store, id.client) <= id.clock) throw new UnknownParent();
    return structs[Y.findIndexSS(structs, id.clock)]!;
  }
}

/** What an update (`updateBytes` long, decoded) would do to `doc`, checked without applying it. */
export function checkUpdate(doc: Y.Doc, update: DecodedUpdate, updateBytes: number): UpdateVerdict {
  try {
    const growthBound = new UpdateChecker(doc, update).check(updateBytes);
    return { kind: "valid", growthBound };
  } catch (error) {
    if (error instanceof Invalid) return { kind: "invalid", reason: error.message };
    if (error instanceof UnknownParent) return { kind: "unknown-parent" };
    throw error;
  }
}
