import * as Y from "yjs";

function textOf(element: Y.XmlElement): string {
  let text = "";
  for (const child of element.toArray()) {
    if (!(child instanceof Y.XmlText)) continue;
    for (const { insert } of child.toDelta() as { insert: unknown }[]) if (typeof insert === "string") text += insert;
  }
  return text;
}

/** The plain text of each block in the body, in order (formatting left out). */
export function paragraphTexts(body: Y.XmlFragment): string[] {
  return body.toArray().map((node) => (node instanceof Y.XmlElement ? textOf(node) : ""));
}

/** How many characters of text the body's blocks hold, counted without reading them. */
export function textLength(body: Y.XmlFragment): number {
  let length = 0;
  for (const node of body.toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    for (const child of node.toArray()) if (child instanceof Y.XmlText) length += child.length;
  }
  return length;
}
