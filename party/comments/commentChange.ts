import { initProseMirrorDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { copyOf } from "../api/documentChange";
import { anchorRange } from "../shared/commentAnchor";
import { DOCUMENT_FIELD } from "../shared/collabSchema";
import {
  type Comment,
  type CommentAnchor,
  type CommentOperation,
  type CommentThread,
  COMMENTS_FIELD,
  MAX_COMMENTS_PER_THREAD,
  MAX_PASSAGE_LENGTH,
  MAX_QUOTE_LENGTH,
  MAX_THREADS,
} from "../shared/comments";
import { documentSchema } from "../shared/documentSchema";
import type { Author } from "../shared/history";
import { randomToken } from "../shared/randomToken";
import type { Role } from "../shared/roles";
import { KEYLESS_WRITER } from "../history/authorTable";

/** Who asks for a change to the comments, as the server knows them. */
export interface Commenter {
  author: Author;
  /** The hash of the writer key the request came with (see writerOf.ts). */
  owner: string;
  role: Role;
}

/** Why a comment operation is refused: an HTTP status, a code and a message for people. */
export interface CommentRefusal {
  status: number;
  code: string;
  message: string;
}

/** The change to make to the document (a Yjs update), and the thread as it is after it (null once deleted). */
export interface CommentChange {
  update: Uint8Array;
  thread: CommentThread | null;
}

function refused(status: number, code: string, message: string): CommentRefusal {
  return { status, code, message };
}

/** The document's body as ProseMirror shows it, with the binding's mapping, from `doc` (a copy: the conversion may drop content). */
function bodyOf(doc: Y.Doc) {
  const body = doc.getXmlFragment(DOCUMENT_FIELD);
  return { body, ...initProseMirrorDoc(body, documentSchema) };
}

type Body = ReturnType<typeof bodyOf>;

/**
 * The passage an anchor covers in `doc` now: where it starts, its length in ProseMirror
 * positions (at least its characters), and the start of its text (MAX_QUOTE_LENGTH characters;
 * only that much is read, as a passage can grow past any size after it is commented on). Null
 * once it is deleted.
 */
export function passageOf(
  doc: Y.Doc,
  anchor: CommentAnchor,
  { body, doc: shown, mapping }: Body = bodyOf(doc),
): { position: number; text: string; length: number } | null {
  const range = anchorRange(doc, body, anchor, mapping);
  if (!range) return null;
  // A character takes at most two positions (a surrogate pair), and a node boundary one.
  const read = Math.min(range.to, range.from + 2 * MAX_QUOTE_LENGTH);
  const text = Array.from(shown.textBetween(range.from, read, "\n"))
    .slice(0, MAX_QUOTE_LENGTH)
    .join("");
  return { position: range.from, text, length: range.to - range.from };
}

/** Each thread's passage now (see passageOf), reading the body once for all of them. */
export function passagesOf(doc: Y.Doc, threads: readonly CommentThread[]) {
  const body = bodyOf(doc);
  return threads.map((thread) => passageOf(doc, thread.anchor, body));
}

function passageProblem(passage: ReturnType<typeof passageOf>): CommentRefusal | null {
  if (!passage?.text.trim()) return refused(422, "invalid_anchor", "A comment must point at text of the document");
  if (passage.length > MAX_PASSAGE_LENGTH) {
    return refused(422, "passage_too_long", `A comment may point at up to ${MAX_PASSAGE_LENGTH} characters of text`);
  }
  return null;
}

/** The threads the document holds, as stored. */
export function storedThreads(doc: Y.Doc): CommentThread[] {
  return [...doc.getMap<CommentThread>(COMMENTS_FIELD).values()];
}

/**
 * The change that carries out `operation` for `by`, worked out on a copy of `doc`, or why it
 * is refused. Anyone who may comment may start, reply to, resolve and reopen threads; only a
 * comment's writer may edit or delete it (a writer with no key, none); only editors move an
 * anchor, and only one whose text is gone.
 */
export function commentChange(
  doc: Y.Doc,
  operation: CommentOperation,
  by: Commenter,
  now = Date.now(),
): CommentChange | CommentRefusal {
  const draft = copyOf(doc);
  try {
    const threads = draft.getMap<CommentThread>(COMMENTS_FIELD);
    const before = Y.encodeStateVector(draft);
    const changed = changedThread(draft, threads, operation, by, now);
    if ("status" in changed) return changed;
    draft.transact(() => {
      if (changed.thread) threads.set(changed.thread.id, changed.thread);
      else threads.delete(changed.id);
    });
    return { update: Y.encodeStateAsUpdate(draft, before), thread: changed.thread };
  } finally {
    draft.destroy();
  }
}

type Changed = { id: string; thread: CommentThread | null } | CommentRefusal;

function changedThread(
  draft: Y.Doc,
  threads: Y.Map<CommentThread>,
  operation: CommentOperation,
  by: Commenter,
  now: number,
): Changed {
  const comment = (text: string): Comment => ({
    id: randomToken(),
    author: by.author,
    owner: by.owner,
    time: now,
    edited: null,
    text,
  });
  if (operation.type === "create") {
    if (threads.size >= MAX_THREADS) {
      return refused(409, "too_many_threads", `A document holds at most ${MAX_THREADS} comment threads`);
    }
    const passage = passageOf(draft, operation.anchor);
    const problem = passageProblem(passage);
    if (problem || !passage) return problem ?? refused(422, "invalid_anchor", "No passage");
    const id = randomToken();
    const thread = {
      id,
      anchor: operation.anchor,
      quote: passage.text,
      resolved: null,
      comments: [comment(operation.text)],
    };
    return { id, thread };
  }

  const thread = threads.get(operation.thread);
  if (!thread) return refused(404, "no_such_thread", "There is no comment thread with this id");
  const id = thread.id;
  switch (operation.type) {
    case "reply":
      if (thread.comments.length >= MAX_COMMENTS_PER_THREAD) {
        return refused(409, "too_many_comments", `A thread holds at most ${MAX_COMMENTS_PER_THREAD} comments`);
      }
      return { id, thread: { ...thread, comments: [...thread.comments, comment(operation.text)] } };
    case "resolve":
      return { id, thread: { ...thread, resolved: thread.resolved ?? { by: by.author, time: now } } };
    case "reopen":
      return { id, thread: { ...thread, resolved: null } };
    case "reanchor": {
      if (by.role !== "edit") return refused(403, "not_allowed", "Only editors may move a comment's passage");
      if (passageOf(draft, thread.anchor)) {
        return refused(409, "still_anchored", "The thread's passage is still there; it cannot be moved");
      }
      const problem = passageProblem(passageOf(draft, operation.anchor));
      if (problem) return problem;
      return { id, thread: { ...thread, anchor: operation.anchor } };
    }
    case "edit":
    case "delete": {
      const index = thread.comments.findIndex((listed) => listed.id === operation.comment);
      const target = thread.comments[index];
      if (!target) return refused(404, "no_such_comment", "There is no comment with this id in the thread");
      if (by.owner === KEYLESS_WRITER || target.owner !== by.owner) {
        return refused(403, "not_your_comment", "Only the person who wrote a comment may change or delete it");
      }
      if (operation.type === "delete") {
        // The first comment is the thread's: deleting it deletes the thread.
        return {
          id,
          thread: index === 0 ? null : { ...thread, comments: thread.comments.filter((_, at) => at !== index) },
        };
      }
      const edited = { ...target, text: operation.text, edited: now };
      return {
        id,
        thread: { ...thread, comments: thread.comments.map((listed, at) => (at === index ? edited : listed)) },
      };
    }
  }
}
