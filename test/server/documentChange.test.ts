import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentChange, documentContent } from "../../party/api/documentChange";
import { DOCUMENT_FIELD } from "../../party/shared/collabSchema";
import { documentFromMarkdown } from "../../party/shared/documentFormats";

/** A document as an older server let other Yjs clients write it: with a mark and a node the schema lacks. */
function legacyDocument(): Y.Doc {
  const doc = new Y.Doc();
  const body = doc.getXmlFragment(DOCUMENT_FIELD);
  const kept = new Y.XmlElement("paragraph");
  kept.insert(0, [new Y.XmlText("Kept.")]);
  const marked = new Y.XmlElement("paragraph");
  const blinking = new Y.XmlText();
  marked.insert(0, [blinking]);
  body.push([kept, marked, new Y.XmlElement("marquee")]);
  blinking.insert(0, "Blinking.", { blink: {} });
  return doc;
}

describe("server-side reads and changes", () => {
  it("read a document without changing it, leaving out what the schema cannot show", () => {
    const doc = legacyDocument();
    const before = Y.encodeStateAsUpdate(doc);
    expect(JSON.stringify(documentContent(doc))).toContain("Kept.");
    expect(JSON.stringify(documentContent(doc))).not.toContain("Blinking.");
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it("append without deleting or rewriting anything already there", () => {
    const doc = legacyDocument();
    const update = documentChange(doc, documentFromMarkdown("Appended."), "append");
    expect(Y.decodeUpdate(update).ds.clients.size).toBe(0);
    Y.applyUpdate(doc, update);
    const body = doc.getXmlFragment(DOCUMENT_FIELD).toString();
    expect(body).toContain("Blinking.");
    expect(body).toContain("<marquee></marquee><paragraph>Appended.</paragraph>");
  });

  it("replace what differs, keeping what is the same", () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, documentChange(doc, documentFromMarkdown("One.\n\nTwo."), "replace"));
    const first = doc.getXmlFragment(DOCUMENT_FIELD).get(0);
    Y.applyUpdate(doc, documentChange(doc, documentFromMarkdown("One.\n\nThree."), "replace"));
    expect(doc.getXmlFragment(DOCUMENT_FIELD).get(0)).toBe(first);
    expect(doc.getXmlFragment(DOCUMENT_FIELD).toString()).toBe(
      "<paragraph>One.</paragraph><paragraph>Three.</paragraph>",
    );
  });
});
