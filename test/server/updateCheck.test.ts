import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import * as prng from "lib0/prng";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { checkUpdate as checkDecoded } from "../../party/guard/updateCheck";
import { DOCUMENT_FIELD, MAX_STORED_TITLE_LENGTH, TITLE_FIELD } from "../../party/shared/collabSchema";
import { documentSchema } from "../../party/shared/documentSchema";
import { EVERY_NODE } from "../fixtures/everyNode";

const checkUpdate = (doc: Y.Doc, update: Uint8Array) => checkDecoded(doc, Y.decodeUpdate(update), update.byteLength);

/** A server document and a client in sync with it; `change` returns what the client's change sends. */
function pair(content = EVERY_NODE) {
  const server = new Y.Doc();
  prosemirrorJSONToYXmlFragment(documentSchema, content, server.getXmlFragment(DOCUMENT_FIELD));
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const change = (edit: (doc: Y.Doc) => void): Uint8Array => {
    const before = Y.encodeStateVector(client);
    edit(client);
    return Y.encodeStateAsUpdate(client, before);
  };
  return { server, client, change, body: client.getXmlFragment(DOCUMENT_FIELD) };
}

function firstParagraph(body: Y.XmlFragment): Y.XmlElement {
  return body.toArray().find((node) => node instanceof Y.XmlElement && node.nodeName === "paragraph") as Y.XmlElement;
}

/** The first element of a kind, anywhere in the document. */
function firstOf(body: Y.XmlFragment, nodeName: string): Y.XmlElement {
  const found = body.createTreeWalker((node) => node instanceof Y.XmlElement && node.nodeName === nodeName).next();
  if (found.done) throw new Error(`no ${nodeName} in the document`);
  return found.value as Y.XmlElement;
}

function paragraphWith(text: Y.XmlText): Y.XmlElement {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [text]);
  return paragraph;
}

const reason = (server: Y.Doc, update: Uint8Array) => {
  const verdict = checkUpdate(server, update);
  return verdict.kind === "invalid" ? verdict.reason : verdict.kind;
};

describe("checkUpdate", () => {
  it("accepts everything the editor writes: every node and mark, and typing into them", () => {
    const fresh = new Y.Doc();
    const whole = new Y.Doc();
    prosemirrorJSONToYXmlFragment(documentSchema, EVERY_NODE, whole.getXmlFragment(DOCUMENT_FIELD));
    expect(checkUpdate(fresh, Y.encodeStateAsUpdate(whole)).kind).toBe("valid");

    const { server, change, body } = pair();
    const typing = change(() => {
      const text = firstParagraph(body).get(0) as Y.XmlText;
      text.insert(2, "typed ", { bold: {} });
      text.format(0, 3, { link: { href: "https://example.com/", target: "_blank", rel: null, class: null } });
      text.format(3, 2, { highlight: { color: "#fef08a" } });
      firstOf(body, "taskItem").setAttribute("checked", true as unknown as string);
      firstOf(body, "tableCell").setAttribute("colwidth", [120] as unknown as string);
      firstOf(body, "tableHeader").setAttribute("align", "center");
      text.delete(8, 2);
    });
    expect(checkUpdate(server, typing).kind).toBe("valid");
    const title = change((doc) => doc.getText(TITLE_FIELD).insert(0, "A title"));
    expect(checkUpdate(server, title).kind).toBe("valid");
  });

  it.each([
    ["an unknown node", (body: Y.XmlFragment) => body.push([new Y.XmlElement("marquee")]), 'unknown node "marquee"'],
    [
      "a paragraph inside a paragraph",
      (body: Y.XmlFragment) => firstParagraph(body).push([new Y.XmlElement("paragraph")]),
      "paragraph cannot be inside paragraph",
    ],
    [
      "text straight in the body",
      (body: Y.XmlFragment) => body.push([new Y.XmlText("loose")]),
      "text cannot be inside default",
    ],
    [
      "a list item outside a list",
      (body: Y.XmlFragment) => body.push([new Y.XmlElement("listItem")]),
      "listItem cannot be inside default",
    ],
    [
      "a heading of level 9",
      (body: Y.XmlFragment) => {
        const heading = new Y.XmlElement("heading");
        heading.setAttribute("level", 9 as unknown as string);
        body.push([heading]);
      },
      "heading.level cannot be 9",
    ],
    [
      "an attribute the node does not have",
      (body: Y.XmlFragment) => firstParagraph(body).setAttribute("onclick", "alert(1)"),
      'paragraph has no attribute "onclick"',
    ],
    [
      "a checklist item ticked with a string",
      (body: Y.XmlFragment) => firstOf(body, "taskItem").setAttribute("checked", "yes"),
      'taskItem.checked cannot be "yes"',
    ],
    [
      "a table cell spanning a million columns",
      (body: Y.XmlFragment) => firstOf(body, "tableCell").setAttribute("colspan", 1e6 as unknown as string),
      "tableCell.colspan cannot be 1000000",
    ],
    [
      "a column width that is not a number",
      (body: Y.XmlFragment) =>
        firstOf(body, "tableHeader").setAttribute("colwidth", ["100px; background: red"] as unknown as string),
      'tableHeader.colwidth cannot be ["100px; background: red"]',
    ],
    [
      "a cell aligned with CSS",
      (body: Y.XmlFragment) => firstOf(body, "tableCell").setAttribute("align", "left; color: red"),
      'tableCell.align cannot be "left; color: red"',
    ],
    [
      "a row straight in the body",
      (body: Y.XmlFragment) => body.push([new Y.XmlElement("tableRow")]),
      "tableRow cannot be inside default",
    ],
  ])("refuses %s", (_what, edit, expected) => {
    const { server, change, body } = pair();
    const update = change(() => edit(body));
    expect(reason(server, update)).toBe(expected);
  });

  it.each([
    ["a mark the schema does not know", { blink: {} }, 'unknown mark "blink"'],
    ["a link whose href is a number", { link: { href: 5 } }, "link.href cannot be 5"],
    ["a javascript: link", { link: { href: "javascript:alert(1)" } }, 'link.href cannot be "javascript:alert(1)"'],
    ["mark attributes that are not an object", { bold: true }, "the bold mark's attributes must be an object"],
    ["a mark attribute the mark does not have", { bold: { weight: 900 } }, 'bold has no attribute "weight"'],
    ["an ftp: link", { link: { href: "ftp://example.com/" } }, 'link.href cannot be "ftp://example.com/"'],
    [
      "a link dressed in the app's own class",
      { link: { href: "https://example.com/", class: "app-update" } },
      'link.class cannot be "app-update"',
    ],
    [
      "a link that takes over this tab",
      { link: { href: "https://example.com/", target: "_top" } },
      'link.target cannot be "_top"',
    ],
    [
      "a highlight whose colour is CSS",
      { highlight: { color: "red; background-image: url(https://evil.example/)" } },
      'highlight.color cannot be "red; background-image: url(https://evil.example/)"',
    ],
    ["a highlight outside the palette", { highlight: { color: "#123456" } }, 'highlight.color cannot be "#123456"'],
  ])("refuses text with %s", (_what, attributes, expected) => {
    const { server, change, body } = pair();
    const update = change(() => (firstParagraph(body).get(0) as Y.XmlText).insert(0, "x", attributes));
    expect(reason(server, update)).toBe(expected);
  });

  it("refuses marks where the node allows none, and embeds in text", () => {
    const { server, change, body } = pair();
    const codeBlock = body.toArray().find((node) => (node as Y.XmlElement).nodeName === "codeBlock") as Y.XmlElement;
    const bold = change(() => (codeBlock.get(0) as Y.XmlText).insert(0, "x", { bold: {} }));
    expect(reason(server, bold)).toBe("bold is not allowed in codeBlock");
    const embed = change(() => (firstParagraph(body).get(0) as Y.XmlText).insertEmbed(0, { image: "x" }));
    expect(reason(server, embed)).toBe("text cannot hold an embed");
  });

  it("refuses a client's deletion of a comment thread: only the server changes comments", () => {
    const { server, client, change } = pair();
    server.getMap("comments").set("thread", { id: "thread" });
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    expect(
      reason(
        server,
        change((doc) => doc.getMap("comments").delete("thread")),
      ),
    ).toBe("comments are changed only by the server (POST ?comments)");
  });

  it("refuses roots other than the body and title, and anything but plain text in the title", () => {
    const { server, change } = pair();
    expect(
      reason(
        server,
        change((doc) => doc.getText("fuzz").insert(0, "x")),
      ),
    ).toBe('unknown root "fuzz"');
    expect(
      reason(
        server,
        change((doc) => doc.getMap("comments").set("a", 1)),
      ),
    ).toBe("comments are changed only by the server (POST ?comments)");
    expect(
      reason(
        server,
        change((doc) => doc.getText(TITLE_FIELD).insert(0, "x", { bold: {} })),
      ),
    ).toBe("the title must be plain text");
    const asText = new Y.Doc();
    asText.getText(DOCUMENT_FIELD).insert(0, "not a tree");
    expect(reason(new Y.Doc(), Y.encodeStateAsUpdate(asText))).toBe("default cannot hold a string");
  });

  it("bounds the title, counting what the update deletes", () => {
    const { server, client, change } = pair();
    const full = change((doc) => doc.getText(TITLE_FIELD).insert(0, "t".repeat(MAX_STORED_TITLE_LENGTH)));
    expect(checkUpdate(server, full).kind).toBe("valid");
    Y.applyUpdate(server, full);
    expect(
      reason(
        server,
        change((doc) => doc.getText(TITLE_FIELD).insert(0, "x")),
      ),
    ).toContain("the title would be");
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const replaced = change((doc) => {
      const title = doc.getText(TITLE_FIELD);
      doc.transact(() => {
        title.delete(0, title.length);
        title.insert(0, "Short");
      });
    });
    expect(checkUpdate(server, replaced).kind).toBe("valid");
  });

  it("lets through what the update itself deletes, as the editor's binding does when it repairs a document", () => {
    const { server, change, body } = pair();
    const repaired = change(() => {
      const marquee = new Y.XmlElement("marquee");
      marquee.insert(0, [new Y.XmlText("inside")]);
      body.push([marquee, paragraphWith(new Y.XmlText())]);
      ((body.get(body.length - 1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "x", { blink: {} });
      ((body.get(body.length - 1) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 1);
      body.delete(body.length - 2, 1);
    });
    expect(checkUpdate(server, repaired).kind).toBe("valid");
  });

  it("judges what sits next to a stored item by the stored item, never by a copy the update brings", () => {
    const server = new Y.Doc();
    server.clientID = 1000;
    server.getXmlFragment(DOCUMENT_FIELD).push([paragraphWith(new Y.XmlText("hi"))]);
    const forger = new Y.Doc();
    forger.clientID = 1000;
    forger.getText(TITLE_FIELD).insert(0, "x");
    const attacker = new Y.Doc();
    attacker.clientID = 2000;
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(forger));
    attacker.getText(TITLE_FIELD).insert(1, "EVIL");
    const forged = Y.mergeUpdates([
      Y.encodeStateAsUpdate(forger),
      Y.encodeStateAsUpdate(attacker, Y.encodeStateVector(forger)),
    ]);
    expect(reason(server, forged)).toBe("default cannot hold a string");

    // A struct that starts before what the server has continues the stored item before its new tail.
    const overlapping = new Y.Doc();
    overlapping.clientID = 1000;
    overlapping.getText(TITLE_FIELD).insert(0, "xxxxEVIL");
    expect(reason(server, Y.encodeStateAsUpdate(overlapping))).toBe(
      "an item that continues a stored one must stay in its place",
    );

    // ...the very same type, not merely another of its kind: both make clocks 0-4 alike, then
    // the stored clock 5 is "b" in the second paragraph and the update's goes into the first.
    const twoParagraphs = () => {
      const doc = new Y.Doc();
      doc.clientID = 1000;
      doc.getXmlFragment(DOCUMENT_FIELD).push([paragraphWith(new Y.XmlText("a")), paragraphWith(new Y.XmlText())]);
      const [first, second] = doc
        .getXmlFragment(DOCUMENT_FIELD)
        .toArray()
        .map((node) => (node as Y.XmlElement).get(0) as Y.XmlText);
      return { doc, first: first!, second: second! };
    };
    const stored = twoParagraphs();
    stored.second.insert(0, "b");
    const elsewhere = twoParagraphs();
    const before = Y.encodeStateVector(elsewhere.doc);
    elsewhere.first.insert(1, "bEVIL");
    expect(reason(stored.doc, Y.encodeStateAsUpdate(elsewhere.doc, before))).toBe(
      "an item that continues a stored one must stay in its place",
    );
  });

  it("counts garbage-collected structs and refuses deletions of what neither side has", () => {
    const empty = new Y.Doc();
    const deleting = new Y.Doc();
    deleting.getText(TITLE_FIELD).insert(0, "abc");
    deleting.getText(TITLE_FIELD).delete(0, 3);
    const onlyDeletions = Y.diffUpdate(Y.encodeStateAsUpdate(deleting), Y.encodeStateVector(deleting));
    expect(reason(empty, onlyDeletions)).toBe("unknown-parent");

    const collected = new Y.Doc();
    const paragraph = paragraphWith(new Y.XmlText("soon gone"));
    collected.getXmlFragment(DOCUMENT_FIELD).push([paragraph]);
    collected.getXmlFragment(DOCUMENT_FIELD).delete(0, 1);
    const update = Y.encodeStateAsUpdate(collected);
    expect(Y.decodeUpdate(update).structs.some((struct) => struct instanceof Y.GC)).toBe(true);
    const verdict = checkUpdate(empty, update);
    expect(verdict.kind === "valid" && verdict.growthBound).toBeGreaterThanOrEqual(update.byteLength);
  });

  it.each([
    ["a node", (body: Y.XmlFragment) => body.push([new Y.XmlElement("constructor")]), 'unknown node "constructor"'],
    [
      "a node attribute",
      (body: Y.XmlFragment) => firstParagraph(body).setAttribute("constructor", "x"),
      'paragraph has no attribute "constructor"',
    ],
    [
      "a mark",
      (body: Y.XmlFragment) =>
        (firstParagraph(body).get(0) as Y.XmlText).insert(0, "x", JSON.parse('{"constructor":{}}') as object),
      'unknown mark "constructor"',
    ],
    [
      "a mark attribute",
      (body: Y.XmlFragment) => (firstParagraph(body).get(0) as Y.XmlText).insert(0, "x", { link: { toString: "y" } }),
      'link has no attribute "toString"',
    ],
  ])("takes %s named after something of Object's for unknown", (_what, edit, expected) => {
    const { server, change, body } = pair();
    expect(
      reason(
        server,
        change(() => edit(body)),
      ),
    ).toBe(expected);
  });

  it("follows long chains of neighbours without running out of stack", () => {
    const writers = new Y.Doc();
    const text = new Y.XmlText();
    writers.getXmlFragment(DOCUMENT_FIELD).push([paragraphWith(text)]);
    // Each writer's character sits after the one before, and Yjs sends the last writer first.
    for (let writer = 1; writer <= 6000; writer++) {
      writers.clientID = writer;
      text.insert(text.length, "x");
    }
    expect(checkUpdate(new Y.Doc(), Y.encodeStateAsUpdate(writers)).kind).toBe("valid");
    // Building 6,000 writers' history takes seconds on a busy two-core machine.
  }, 30_000);

  it("says when an update builds on changes the server does not have", () => {
    const { server, client, change, body } = pair();
    change(() => body.push([paragraphWith(new Y.XmlText("first"))]));
    const next = change(() => ((body.get(body.length - 1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "more "));
    expect(checkUpdate(server, next).kind).toBe("unknown-parent");
    expect(checkUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server))).kind).toBe("valid");
  });

  it("counts nothing for an update the server already has, such as a resent state", () => {
    const { server, change, body } = pair();
    const deletion = change(() => (firstParagraph(body).get(0) as Y.XmlText).delete(0, 3));
    Y.applyUpdate(server, deletion);
    expect(checkUpdate(server, deletion)).toEqual({ kind: "valid", growthBound: 0 });
    expect(checkUpdate(server, Y.encodeStateAsUpdate(server))).toEqual({ kind: "valid", growthBound: 0 });
  });

  describe("table sizes", () => {
    /** A table row of `cells` cells, each spanning `colspan` columns, the first `tall` of them two rows. */
    const tableRow = (cells: number, colspan = 1, tall = 0): Y.XmlElement => {
      const row = new Y.XmlElement("tableRow");
      row.insert(
        0,
        Array.from({ length: cells }, (_, index) => {
          const cell = new Y.XmlElement("tableCell");
          cell.setAttribute("colspan", colspan as unknown as string);
          if (index < tall) cell.setAttribute("rowspan", 2 as unknown as string);
          cell.insert(0, [new Y.XmlElement("paragraph")]);
          return cell;
        }),
      );
      return row;
    };
    const table = (rows: Y.XmlElement[]): Y.XmlElement => {
      const element = new Y.XmlElement("table");
      element.insert(0, rows);
      return element;
    };
    const rows = (count: number, cells: number) => Array.from({ length: count }, () => tableRow(cells));
    const over = (cells: number) => `a table of up to ${cells} cells with its rows padded, over the limit of 10000`;

    it("takes a table of up to 10,000 cells in one go, and refuses a bigger one", () => {
      const fits = pair();
      expect(
        reason(
          fits.server,
          fits.change(() => fits.body.push([table(rows(200, 50))])),
        ),
      ).toBe("valid");
      const big = pair();
      expect(
        reason(
          big.server,
          big.change(() => big.body.push([table(rows(201, 50))])),
        ),
      ).toBe(over(10050));
    });

    it("counts the cells every row is padded to: one wide row, then many short ones", () => {
      const wide = pair();
      const wideRow = wide.change(() => firstOf(wide.body, "table").push([tableRow(100, 100)]));
      expect(reason(wide.server, wideRow)).toBe(over(30000));

      // The second row, widened to 101 columns, pads each of 100 rows to as many.
      const { server, change, body } = pair();
      const widened = change(() => firstOf(body, "tableCell").setAttribute("colspan", 100 as unknown as string));
      expect(reason(server, widened)).toBe("valid");
      Y.applyUpdate(server, widened);
      const longer = change(() => firstOf(body, "table").push(rows(98, 1)));
      expect(reason(server, longer)).toBe(over(10100));
    });

    it("forgets rows the update deletes", () => {
      const { server, change, body } = pair();
      Y.applyUpdate(
        server,
        change(() => firstOf(body, "tableCell").setAttribute("colspan", 100 as unknown as string)),
      );
      const replaced = change(() => {
        firstOf(body, "table").delete(0, 1);
        firstOf(body, "table").push(rows(98, 1));
      });
      expect(reason(server, replaced)).toBe("valid");
    });

    it("takes changes to the shape of many stored tables at once, as an offline session sends them", () => {
      const tables = {
        type: "doc",
        content: Array.from({ length: 5 }, () => ({
          type: "table",
          content: [{ type: "tableRow", content: [{ type: "tableCell", content: [{ type: "paragraph" }] }] }],
        })),
      };
      const { server, change, body } = pair(tables);
      const update = change(() => {
        for (const table of body.toArray() as Y.XmlElement[]) table.push([tableRow(3)]);
      });
      expect(reason(server, update)).toBe("valid");
    });

    it("counts the columns a cell spanning rows carries down into the rows under it", () => {
      const fits = pair();
      const spanning = [tableRow(50, 1, 50), ...rows(99, 50)];
      expect(
        reason(
          fits.server,
          fits.change(() => fits.body.push([table(spanning)])),
        ),
      ).toBe("valid");
      const big = pair();
      const more = [tableRow(50, 1, 50), tableRow(51), ...rows(98, 50)];
      expect(
        reason(
          big.server,
          big.change(() => big.body.push([table(more)])),
        ),
      ).toBe(over(10100));
    });

    /** A row of one cell spanning `colspan` columns and `rowspan` rows. */
    const tallRow = (colspan: number, rowspan: number): Y.XmlElement => {
      const row = tableRow(1, colspan);
      const cell = new Y.XmlElement("tableCell");
      cell.setAttribute("colspan", colspan as unknown as string);
      cell.setAttribute("rowspan", rowspan as unknown as string);
      cell.insert(0, [new Y.XmlElement("paragraph")]);
      row.delete(0, 1);
      row.insert(0, [cell]);
      return row;
    };

    it("counts a row deleted under a cell spanning rows: the rows below move up under it", () => {
      const { server, change, body } = pair();
      const made = change(() => body.push([table([tallRow(100, 2), new Y.XmlElement("tableRow"), ...rows(98, 100)])]));
      expect(reason(server, made)).toBe("valid");
      Y.applyUpdate(server, made);
      const deleted = change(() => (body.get(body.length - 1) as Y.XmlElement).delete(1, 1));
      expect(reason(server, deleted)).toBe(over(19800));
    });

    it("counts what the last row's tall cells carry into rows added after them", () => {
      const { server, change, body } = pair();
      const made = change(() => body.push([table([tallRow(100, 100)])]));
      expect(reason(server, made)).toBe("valid");
      Y.applyUpdate(server, made);
      const appended = change(() => (body.get(body.length - 1) as Y.XmlElement).push(rows(99, 100)));
      expect(reason(server, appended)).toBe(over(20000));
    });

    it("waits for a row placed next to one the server has not seen, rather than let Yjs apply it unchecked later", () => {
      const { server, client, change, body } = pair();
      const stored = firstOf(body, "table");
      const unseen = new Y.Doc();
      Y.applyUpdate(unseen, Y.encodeStateAsUpdate(client));
      const unseenTable = firstOf(unseen.getXmlFragment(DOCUMENT_FIELD), "table");
      unseenTable.push([tableRow(1)]);
      Y.applyUpdate(client, Y.encodeStateAsUpdate(unseen, Y.encodeStateVector(client)));
      // Inserted before the row the server never got: its right neighbour is unknown there.
      const beforeUnseen = change(() => stored.insert(stored.length - 1, rows(98, 100)));
      expect(reason(server, beforeUnseen)).toBe("unknown-parent");
    });

    it("takes a long table whose first column merges pairs of rows, and a row added to it", () => {
      // 150 rows of 20 columns, the first cell of every other row spanning two: 2,925 cells.
      const merged = () =>
        Array.from({ length: 150 }, (_, index) => (index % 2 === 0 ? tableRow(20, 1, 1) : tableRow(19)));
      const { server, change, body } = pair();
      const made = change(() => body.push([table(merged())]));
      expect(reason(server, made)).toBe("valid");
      Y.applyUpdate(server, made);
      const added = change(() => (body.get(body.length - 1) as Y.XmlElement).push([tableRow(20)]));
      expect(reason(server, added)).toBe("valid");
    });
  });

  it("bounds how much an update grows the stored state, even when deletions split every item", () => {
    const random = prng.create(20261201);
    for (let round = 0; round < 30; round++) {
      const { server, change, body } = pair();
      const text = new Y.XmlText("x".repeat(2000));
      Y.applyUpdate(
        server,
        change(() => body.push([paragraphWith(text)])),
      );
      const update = change(() => {
        for (let cut = 0; cut < prng.int32(random, 1, 400); cut++) {
          text.delete(prng.int32(random, 0, text.length - 2), 1);
          if (prng.bool(random)) text.insert(prng.int32(random, 0, text.length), prng.word(random, 1, 3));
        }
      });
      const verdict = checkUpdate(server, update);
      const before = Y.encodeStateAsUpdate(server).byteLength;
      Y.applyUpdate(server, update);
      const growth = Y.encodeStateAsUpdate(server).byteLength - before;
      expect(verdict.kind).toBe("valid");
      if (verdict.kind === "valid") expect(growth).toBeLessThanOrEqual(verdict.growthBound);
    }
  });
});
