import { EditorContent } from "@tiptap/react";
import { useEffect } from "react";
import { displayTitle } from "../party/shared/collabSchema";
import { type DocumentSession, discardUnsavedChanges, resetLinks } from "./collab/documentSession";
import { useConnectionState } from "./collab/useConnectionState";
import { useDocumentSession } from "./collab/useDocumentSession";
import { usePresence } from "./collab/usePresence";
import { usePublishedUser } from "./collab/usePublishedUser";
import { useSessionAccess } from "./collab/useSessionAccess";
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
import { AccessRefusedPage, LostAccessBanner } from "./share/AccessRefused";
import { ReadOnlyNotice } from "./share/ReadOnlyNotice";

/** One document, opened with a share link's key (or none, for an open document). */
export function DocumentPage({ docId, linkKey }: { docId: string; linkKey: string | null }) {
  const opening = useDocumentSession(docId, linkKey);
  if (opening.kind === "opening") return <div className="page-loading" aria-busy="true" />;
  if (opening.kind === "refused") return <AccessRefusedPage reason={opening.reason} />;
  return <OpenDocument session={opening.session} />;
}

function OpenDocument({ session }: { session: DocumentSession }) {
  const { docId, doc, provider, connection } = session;
  const { identity, rename } = useIdentity();
  usePublishedUser(provider.awareness, identity);
  const access = useSessionAccess(session.access);
  const { status, refusal, lostAccess } = useConnectionState(connection);
  const people = usePresence(provider.awareness, access.role);
  const canEdit = access.role === "edit" && lostAccess === null;
  const editor = useCollaborativeEditor(doc, provider, identity, canEdit);
  useUndoableApiChanges(editor, doc, provider);
  const [title, setTitle] = useDocumentTitle(doc);
  const unexpectedError = useUnexpectedError();

  useEffect(() => {
    document.title = `${displayTitle(title)} · Cowrite`;
    rememberDocument(docId, title, access.key, access.role);
  }, [docId, title, access.key, access.role]);

  return (
    <div className="document-page">
      <DocumentHeader
        editor={editor}
        docId={docId}
        access={access}
        canEdit={canEdit}
        title={title}
        status={status}
        people={people}
        name={identity.name}
        color={identity.color}
        onRename={rename}
        onResetLinks={() => resetLinks(session)}
      />
      {canEdit && <Toolbar editor={editor} />}
      {access.role !== "edit" && <ReadOnlyNotice role={access.role} confirmed={access.confirmed} />}
      {lostAccess && <LostAccessBanner reason={lostAccess} />}
      {refusal && <SyncErrorBanner reason={refusal} onDiscard={() => discardUnsavedChanges(session)} />}
      {unexpectedError && <UnexpectedErrorBanner message={unexpectedError} />}
      <main className="document-sheet">
        <DocumentTitle
          title={title}
          readOnly={!canEdit}
          onChange={setTitle}
          onDone={() => editor.commands.focus("start")}
        />
        <EditorContent
          editor={editor}
          className="editor"
          data-testid="editor"
          data-readonly={canEdit ? "false" : "true"}
        />
      </main>
    </div>
  );
}
