import { useCallback, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import { TITLE_FIELD } from "../../party/shared/collabSchema";
import { setText } from "../../party/shared/setText";

/** The document's shared title, live, and a setter that changes only what differs. */
export function useDocumentTitle(doc: Y.Doc): [string, (title: string) => void] {
  const text = doc.getText(TITLE_FIELD);
  const subscribe = useCallback(
    (onChange: () => void) => {
      text.observe(onChange);
      return () => text.unobserve(onChange);
    },
    [text],
  );
  const title = useSyncExternalStore(subscribe, () => text.toString());
  const setTitle = useCallback((next: string) => setText(text, next), [text]);
  return [title, setTitle];
}
