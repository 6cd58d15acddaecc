import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type Commenter, commentChange, storedThreads } from "../../party/comments/commentChange";
import { parseCommentOperation } from "../../party/comments/commentOperation";
import { KEYLESS_WRITER } from "../../party/history/authorTable";
import { DOCUMENT_FIELD } from "../../party/shared/collabSchema";
import {
  type CommentAnchor,
  type CommentOperation,
  type CommentThread,
  MAX_COMMENTS_PER_THREAD,
  MAX_THREADS,
} from "../../party/shared/comments";
import { documentSchema } from "../../party/shared/documentSchema";

const TEXT = "One sentence to talk about.";

function documentWithText(): { doc: Y.Doc; anchor: CommentAnchor } {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(
    documentSchema,
    { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: TEXT }] }] },
    doc.getXmlFragment(DOCUMENT_FIELD),
  );
  const run = (doc.getXmlFragment(DOCUMENT_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const at = (index: number) => Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(run, index));
  return { doc, anchor: { start: at(4), end: at(12) } };
}

function person(name: string, owner: string, role: Commenter["role"] = "comment"): Commenter {
  return { author: { key: name, name, color: null, role }, owner, role };
}

/** Carries out the operation on `doc`, as the API does; returns the thread, or the refusal's code. */
function run(doc: Y.Doc, operation: CommentOperation, by: Commenter): CommentThread | null | string {
  const change = commentChange(doc, operation, by);
  if ("status" in change) return change.code;
  Y.applyUpdate(doc, change.update);
  return change.thread;
}

describe("comment operations", () => {
  const ann = person("Ann", "ann-hash");
  const bob = person("Bob", "bob-hash");

  it("starts a thread on the passage, quoting it, and lets only its writer edit or delete a comment", () => {
    const { doc, anchor } = documentWithText();
    const thread = run(doc, { type: "create", anchor, text: "Why?" }, ann) as CommentThread;
    expect(thread.quote).toBe("sentence");
    const first = thread.comments[0]!.id;
    expect(run(doc, { type: "edit", thread: thread.id, comment: first, text: "Mine" }, bob)).toBe("not_your_comment");
    const keyless = person("Tool", KEYLESS_WRITER);
    expect(run(doc, { type: "delete", thread: thread.id, comment: first }, keyless)).toBe("not_your_comment");
    expect(run(doc, { type: "resolve", thread: thread.id }, bob)).toMatchObject({ resolved: { by: bob.author } });
    expect(run(doc, { type: "delete", thread: thread.id, comment: first }, ann)).toBeNull();
    expect(storedThreads(doc)).toEqual([]);
  });

  it("refuses a passage of no text, and moves an anchor only for editors and only once its text is gone", () => {
    const { doc, anchor } = documentWithText();
    expect(run(doc, { type: "create", anchor: { start: anchor.start, end: anchor.start }, text: "x" }, ann)).toBe(
      "invalid_anchor",
    );
    const thread = run(doc, { type: "create", anchor, text: "x" }, ann) as CommentThread;
    const editor = person("Eve", "eve-hash", "edit");
    expect(run(doc, { type: "reanchor", thread: thread.id, anchor }, ann)).toBe("not_allowed");
    expect(run(doc, { type: "reanchor", thread: thread.id, anchor }, editor)).toBe("still_anchored");
  });

  it(`holds at most ${MAX_THREADS} threads and ${MAX_COMMENTS_PER_THREAD} comments a thread`, () => {
    const { doc, anchor } = documentWithText();
    const first = run(doc, { type: "create", anchor, text: "0" }, ann) as CommentThread;
    for (let reply = 1; reply < MAX_COMMENTS_PER_THREAD; reply++)
      run(doc, { type: "reply", thread: first.id, text: "r" }, bob);
    expect(run(doc, { type: "reply", thread: first.id, text: "one more" }, bob)).toBe("too_many_comments");
    for (let thread = 1; thread < MAX_THREADS; thread++) run(doc, { type: "create", anchor, text: "t" }, ann);
    expect(run(doc, { type: "create", anchor, text: "one more" }, ann)).toBe("too_many_threads");
  }, 30_000);

  it("reads only well-formed operations, keeping anchors to what an anchor holds", () => {
    const { anchor } = documentWithText();
    const extra = { ...anchor, start: { ...anchor.start, sneaky: "<img>" } };
    expect(parseCommentOperation(JSON.stringify({ type: "create", anchor: extra, text: " hi " }))).toEqual({
      type: "create",
      anchor: { start: { item: anchor.start.item, assoc: 0 }, end: { item: anchor.end.item, assoc: 0 } },
      text: "hi",
    });
    expect(
      parseCommentOperation(JSON.stringify({ type: "reply", thread: "t", text: " \u200b\u200e\u3164\u2800\u034f " })),
    ).toMatchObject({
      malformed: "a comment cannot be empty",
    });
    expect(parseCommentOperation("[]")).toMatchObject({ malformed: expect.stringContaining("type must be") });
    expect(parseCommentOperation("null")).toMatchObject({ malformed: expect.stringContaining("object") });
    expect(parseCommentOperation(JSON.stringify({ type: "reply", thread: 5, text: "x" }))).toMatchObject({
      malformed: "thread must be an id",
    });
  });
});
