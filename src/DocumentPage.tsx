import { EditorContent } from "@tiptap/react";
import { type DocumentSession, discardUnsavedChanges } from "./collab/documentSession";
import { useConnectionState } from "./collab/useConnectionState";
import { useDocumentSession } from "./collab/useDocumentSession";
import { usePresence } from "./collab/usePresence";
import { usePublishedUser } from "./collab/usePublishedUser";
import { DocumentHeader } from "./DocumentHeader";
import { SyncErrorBanner } from "./SyncErrorBanner";
import { Toolbar } from "./editor/Toolbar";
import { useCollaborativeEditor } from "./editor/useCollaborativeEditor";
import { useIdentity } from "./identity/useIdentity";

/** One document, open for writing together. */
export function DocumentPage({ docId }: { docId: string }) {
  const session = useDocumentSession(docId);
  if (!session) return <div className="page-loading" aria-busy="true" />;
  return <OpenDocument session={session} />;
}

function OpenDocument({ session }: { session: DocumentSession }) {
  const { doc, provider, connection } = session;
  const { identity, rename } = useIdentity();
  usePublishedUser(provider.awareness, identity);
  const { status, refusal } = useConnectionState(connection);
  const people = usePresence(provider.awareness);
  const editor = useCollaborativeEditor(doc, provider, identity);

  return (
    <div className="document-page">
      <DocumentHeader status={status} people={people} name={identity.name} color={identity.color} onRename={rename} />
      <Toolbar editor={editor} />
      {refusal && <SyncErrorBanner reason={refusal} onDiscard={() => discardUnsavedChanges(session)} />}
      <main className="document-sheet">
        <EditorContent editor={editor} className="editor" data-testid="editor" />
      </main>
    </div>
  );
}
