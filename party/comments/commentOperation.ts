import { parseAnchor } from "../shared/commentAnchor";
import { type CommentOperation, MAX_COMMENT_LENGTH } from "../shared/comments";

// Ids are the server's own 22-character tokens; anything much longer is not one.
const MAX_ID_LENGTH = 64;

const INVISIBLE = /[\p{Cf}\p{M}\u115F\u1160\u2800\u3164\uFFA0]/gu;

class Malformed extends Error {}

function id(value: unknown, what: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_ID_LENGTH) {
    throw new Malformed(`${what} must be an id`);
  }
  return value;
}

function text(value: unknown): string {
  if (typeof value !== "string") throw new Malformed("text must be a string");
  const trimmed = value.trim();
  // Format characters, marks and blank letters alone (zero-width spaces, the Hangul and
  // braille blanks) show as nothing.
  if (trimmed.replace(INVISIBLE, "").trim().length === 0) throw new Malformed("a comment cannot be empty");
  const length = Array.from(trimmed).length;
  if (length > MAX_COMMENT_LENGTH) {
    throw new Malformed(`a comment has at most ${MAX_COMMENT_LENGTH} characters; this one has ${length}`);
  }
  return trimmed;
}

function anchor(value: unknown) {
  const parsed = parseAnchor(value);
  if (!parsed) throw new Malformed("anchor must be { start, end }, each a Yjs relative position in the body");
  return parsed;
}

/** What a `POST ?comments` body asks for, or why it is not a comment operation. */
export function parseCommentOperation(body: string): CommentOperation | { malformed: string } {
  try {
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(body) as Record<string, unknown>;
    } catch {
      throw new Malformed("the body is not JSON");
    }
    if (typeof json !== "object" || json === null) throw new Malformed("the body must be a JSON object");
    switch (json.type) {
      case "create":
        return { type: "create", anchor: anchor(json.anchor), text: text(json.text) };
      case "reply":
        return { type: "reply", thread: id(json.thread, "thread"), text: text(json.text) };
      case "edit":
        return {
          type: "edit",
          thread: id(json.thread, "thread"),
          comment: id(json.comment, "comment"),
          text: text(json.text),
        };
      case "delete":
        return { type: "delete", thread: id(json.thread, "thread"), comment: id(json.comment, "comment") };
      case "resolve":
      case "reopen":
        return { type: json.type, thread: id(json.thread, "thread") };
      case "reanchor":
        return { type: "reanchor", thread: id(json.thread, "thread"), anchor: anchor(json.anchor) };
      default:
        throw new Malformed("type must be create, reply, edit, delete, resolve, reopen or reanchor");
    }
  } catch (error) {
    if (error instanceof Malformed) return { malformed: error.message };
    throw error;
  }
}
