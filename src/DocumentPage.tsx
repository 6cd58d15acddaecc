import { EditorContent } from "@tiptap/react";
import { useEffect } from "react";
import { displayTitle } from "../party/shared/collabSchema";
import { type DocumentSession, discardUnsavedChanges } from "./collab/documentSession";
import { useConnectionState } from "./collab/useConnectionState";
import { useDocumentSession } from "./collab/useDocumentSession";
import { usePresence } from "./collab/usePresence";
import { usePublishedUser } from "./collab/usePublishedUser";
import { DocumentHeader } from "./DocumentHeader";
import { SyncErrorBanner } from "./SyncErrorBanner";
import { UnexpectedErrorBanner } from "./UnexpectedErrorBanner";
import { useUnexpectedError } from "./useUnexpectedError";
import { DocumentTitle } from "./editor/DocumentTitle";
import { Toolbar } from "./editor/Toolbar";
import { useCollaborativeEditor } from "./editor/useCollaborativeEditor";
import { useDocumentTitle } from "./editor/useDocumentTitle";
import { useUndoableApiChanges } from "./editor/useUndoableApiChanges";
import { rememberDocument } from "./home/recentDocuments";
import { useIdentity } from "./identity/useIdentity";

/** One document, open for writing together. */
export function DocumentPage({ docId }: { docId: string }) {
  const session = useDocumentSession(docId);
  if (!session) return <div className="page-loading" aria-busy="true" />;
  return <OpenDocument session={session} />;
}

function OpenDocument({ session }: { session: DocumentSession }) {
  const { docId, doc, provider, connection } = session;
  const { identity, rename } = useIdentity();
  usePublishedUser(provider.awareness, identity);
  const { status, refusal } = useConnectionState(connection);
  const people = usePresence(provider.awareness);
  const editor = useCollaborativeEditor(doc, provider, identity);
  useUndoableApiChanges(editor, doc, provider);
  const [title, setTitle] = useDocumentTitle(doc);
  const unexpectedError = useUnexpectedError();

  useEffect(() => {
    document.title = `${displayTitle(title)} · Cowrite`;
    rememberDocument(docId, title);
  }, [docId, title]);

  return (
    <div className="document-page">
      <DocumentHeader
        editor={editor}
        title={title}
        status={status}
        people={people}
        name={identity.name}
        color={identity.color}
        onRename={rename}
      />
      <Toolbar editor={editor} />
      {refusal && <SyncErrorBanner reason={refusal} onDiscard={() => discardUnsavedChanges(session)} />}
      {unexpectedError && <UnexpectedErrorBanner message={unexpectedError} />}
      <main className="document-sheet">
        <DocumentTitle title={title} onChange={setTitle} onDone={() => editor.commands.focus("start")} />
        <EditorContent editor={editor} className="editor" data-testid="editor" />
      </main>
    </div>
  );
}
