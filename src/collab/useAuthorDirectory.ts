import { useEffect, useMemo, useState } from "react";
import { AuthorDirectory } from "./AuthorDirectory";
import type { DocumentSession } from "./documentSession";

/** The session's AuthorDirectory, and a number that grows each time the server's record brings news. */
export function useAuthorDirectory(session: DocumentSession, mayAsk: boolean): [AuthorDirectory, number] {
  const directory = useMemo(() => new AuthorDirectory(session, mayAsk), [session, mayAsk]);
  const [news, setNews] = useState(0);
  useEffect(() => directory.onChange(() => setNews((count) => count + 1)), [directory]);
  return [directory, news];
}
