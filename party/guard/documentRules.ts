import type { ContentMatch, NodeType } from "@tiptap/pm/model";
import { DOCUMENT_FIELD, TITLE_FIELD } from "../shared/collabSchema";
import { documentSchema, isAllowedLinkHref, LINK_REL, LINK_TARGET } from "../shared/documentSchema";
import { isHighlightColor } from "../shared/highlightColors";
import { isColumnWidths, isIntegerIn, MAX_CELL_SPAN } from "../shared/tableCells";

type AttributeRule = (value: unknown) => boolean;

const optionalString: AttributeRule = (value) => value == null || typeof value === "string";

const TABLE_CELL: Record<string, AttributeRule> = {
  colspan: (value) => isIntegerIn(value, 1, MAX_CELL_SPAN),
  rowspan: (value) => isIntegerIn(value, 1, MAX_CELL_SPAN),
  colwidth: (value) => value == null || isColumnWidths(value),
  align: (value) => value == null || value === "left" || value === "center" || value === "right",
};

/**
 * What each attribute of the editor's nodes and marks may hold. Every attribute the schema
 * declares has a rule here (a unit test checks it), so a new extension cannot slip in unchecked.
 */
export const ATTRIBUTE_RULES: Record<string, Record<string, AttributeRule>> = {
  // StarterKit's heading takes levels 1 to 6.
  heading: { level: (value) => isIntegerIn(value, 1, 6) },
  codeBlock: { language: optionalString },
  // Parsed with parseInt from pasted HTML, so NaN is something the editor itself can write.
  orderedList: { start: (value) => typeof value === "number", type: optionalString },
  taskItem: { checked: (value) => typeof value === "boolean" },
  tableCell: TABLE_CELL,
  tableHeader: TABLE_CELL,
  // Written into a style attribute wherever the document is rendered: only the palette's colours.
  highlight: { color: (value) => value == null || isHighlightColor(value) },
  link: {
    href: (value) => value == null || isAllowedLinkHref(value),
    target: (value) => value == null || value === LINK_TARGET,
    rel: (value) => value == null || value === LINK_REL,
    class: (value) => value == null,
    title: optionalString,
  },
};

/** A schema or rule table's own entry (never one inherited from Object, such as `constructor`). */
function own<T>(table: Record<string, T> | undefined, name: string): T | undefined {
  return table && Object.hasOwn(table, name) ? table[name] : undefined;
}

/** Every node type a content expression can ever admit, in any position. */
function possibleChildren(type: NodeType): Set<string> {
  const names = new Set<string>();
  const seen = new Set<ContentMatch>();
  const pending = [type.contentMatch];
  for (let match = pending.pop(); match; match = pending.pop()) {
    if (seen.has(match)) continue;
    seen.add(match);
    for (let edge = 0; edge < match.edgeCount; edge++) {
      const { type: child, next } = match.edge(edge);
      names.add(child.name);
      pending.push(next);
    }
  }
  return names;
}

const CHILDREN = new Map(Object.values(documentSchema.nodes).map((type) => [type.name, possibleChildren(type)]));

/** The Yjs roots a document has: the body (ProseMirror's top node) and the plain-text title. */
export const ROOTS = { body: DOCUMENT_FIELD, title: TITLE_FIELD } as const;

/**
 * Whether a node may sit directly inside another (the body root counts as the top node).
 * Only membership is checked, not order or count: concurrent edits that are each valid can
 * merge into, say, an empty list item, which the editor's binding repairs.
 */
export function mayContain(parent: string, child: string): boolean {
  const parentName = parent === ROOTS.body ? documentSchema.topNodeType.name : parent;
  return isNodeName(child) && Boolean(CHILDREN.get(parentName)?.has(child));
}

/** Whether a node holds text directly. */
export function holdsText(nodeName: string): boolean {
  return Boolean(CHILDREN.get(nodeName)?.has("text"));
}

export function isNodeName(name: string): boolean {
  return own(documentSchema.nodes, name) !== undefined && name !== "text" && name !== documentSchema.topNodeType.name;
}

/** Why a node attribute's value is not one the schema allows, or null when it is. */
export function nodeAttributeProblem(nodeName: string, attribute: string, value: unknown): string | null {
  const rule = own(own(ATTRIBUTE_RULES, nodeName), attribute);
  if (!own(own(documentSchema.nodes, nodeName)?.spec.attrs, attribute) || !rule) {
    return `${nodeName} has no attribute "${attribute}"`;
  }
  return rule(value) ? null : `${nodeName}.${attribute} cannot be ${JSON.stringify(value) ?? String(value)}`;
}

/**
 * Why a formatting entry of a text is not a mark the schema allows there, or null when it is.
 * The binding stores a mark under its name (or `name--hash` for marks that may overlap) with
 * its attributes as the value, and null where the mark ends.
 */
export function markProblem(key: string, value: unknown, inNode: string | null): string | null {
  const [name = "", suffix] = key.split("--", 2);
  const type = documentSchema.marks[name];
  if (!type || (suffix !== undefined && type.excludes(type))) return `unknown mark "${key}"`;
  if (inNode !== null && !documentSchema.nodes[inNode]?.allowsMarkType(type))
    return `${name} is not allowed in ${inNode}`;
  if (value === null) return null;
  if (typeof value !== "object" || Array.isArray(value)) return `the ${name} mark's attributes must be an object`;
  for (const [attribute, attributeValue] of Object.entries(value)) {
    const rule = own(own(ATTRIBUTE_RULES, name), attribute);
    if (!own(type.spec.attrs, attribute) || !rule) return `${name} has no attribute "${attribute}"`;
    if (attributeValue !== undefined && !rule(attributeValue)) {
      return `${name}.${attribute} cannot be ${JSON.stringify(attributeValue) ?? String(attributeValue)}`;
    }
  }
  return null;
}
