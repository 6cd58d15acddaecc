import { COMMENTS_PARAM, type CommentOperation, type CommentThread } from "../../party/shared/comments";
import type { DocumentSession } from "../collab/documentSession";
import { sessionRequest } from "../collab/sessionRequest";

/** Asks the server to change the comments; the change reaches every page, this one too, through the document. */
export async function changeComments(
  session: DocumentSession,
  operation: CommentOperation,
): Promise<CommentThread | null> {
  const response = await sessionRequest(
    session,
    { [COMMENTS_PARAM]: "" },
    { method: "POST", body: JSON.stringify(operation) },
  );
  return ((await response.json()) as { thread: CommentThread | null }).thread;
}
