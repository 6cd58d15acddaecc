import type { Author } from "./history";

/** The Yjs map of a document's comment threads, by id. Only the server writes it. */
export const COMMENTS_FIELD = "comments";
/** `GET ?comments` lists the threads (view key); `POST ?comments` with a CommentOperation changes them. */
export const COMMENTS_PARAM = "comments";

/** The longest comment, in characters. */
export const MAX_COMMENT_LENGTH = 4000;
/** The most threads a document holds, resolved ones included. */
export const MAX_THREADS = 500;
/** The most comments in one thread. */
export const MAX_COMMENTS_PER_THREAD = 100;
/** The longest passage a thread may point at, in editor positions (a character is one, or two past U+FFFF; a paragraph break two): highlights cost the editor per character. */
export const MAX_PASSAGE_LENGTH = 5000;
/** How much of the commented passage a thread keeps, in characters, to show once the text is gone. */
export const MAX_QUOTE_LENGTH = 300;

/** A Yjs relative position, as `Y.relativePositionToJSON` gives it. */
export type RelativePositionJSON = Record<string, unknown>;

/** Where a thread points: the start and end of its passage, as Yjs relative positions in the body. */
export interface CommentAnchor {
  start: RelativePositionJSON;
  end: RelativePositionJSON;
}

export interface Comment {
  id: string;
  /** As the server recorded them from the connection that asked. */
  author: Author;
  /** The SHA-256 of the writer key it was written with ("" for none): only that writer may edit or delete it. */
  owner: string;
  time: number;
  /** When it was last edited, if it was. */
  edited: number | null;
  text: string;
}

export interface CommentThread {
  id: string;
  anchor: CommentAnchor;
  /** The passage as it was when the thread was started (cut to MAX_QUOTE_LENGTH). */
  quote: string;
  resolved: { by: Author; time: number } | null;
  /** The first starts the thread; deleting it deletes the thread. */
  comments: Comment[];
}

/** What `POST ?comments` asks for. */
export type CommentOperation =
  | { type: "create"; anchor: CommentAnchor; text: string }
  | { type: "reply"; thread: string; text: string }
  | { type: "edit"; thread: string; comment: string; text: string }
  | { type: "delete"; thread: string; comment: string }
  | { type: "resolve"; thread: string }
  | { type: "reopen"; thread: string }
  /** Points a thread whose text was deleted at the same text brought back (an undo makes new Yjs items). Editors only. */
  | { type: "reanchor"; thread: string; anchor: CommentAnchor };

/** A thread as `GET ?comments` lists it: where its passage is now, and what it says. */
export interface ListedThread extends CommentThread {
  /** The passage's ProseMirror position now, or null once its text is deleted. */
  position: number | null;
  /** The passage's text now, cut to MAX_QUOTE_LENGTH; empty once deleted. */
  text: string;
}
