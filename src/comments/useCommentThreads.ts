import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { COMMENTS_FIELD, type CommentThread } from "../../party/shared/comments";

/** The document's comment threads, as the server wrote them into it, live. */
export function useCommentThreads(doc: Y.Doc): CommentThread[] {
  const [threads, setThreads] = useState<CommentThread[]>(() => [
    ...doc.getMap<CommentThread>(COMMENTS_FIELD).values(),
  ]);
  useEffect(() => {
    const map = doc.getMap<CommentThread>(COMMENTS_FIELD);
    const update = () => setThreads([...map.values()]);
    update();
    map.observe(update);
    return () => map.unobserve(update);
  }, [doc]);
  return threads;
}
