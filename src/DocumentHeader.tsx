import type { Editor } from "@tiptap/react";
import { useState } from "react";
import type { ConnectionStatus } from "./collab/connectionTracker";
import type { PresentPerson } from "./collab/presentPeople";
import type { PageAccess } from "./collab/sessionAccess";
import { ConnectionIndicator } from "./ConnectionIndicator";
import { ExportButtons } from "./ExportButtons";
import type { Follow } from "./follow/useFollow";
import { ImportButton } from "./ImportButton";
import { NameField } from "./NameField";
import { NewDocumentButton } from "./NewDocumentButton";
import { PresenceAnnouncer } from "./PresenceAnnouncer";
import { PresenceList } from "./PresenceList";
import { CopyLinkButton } from "./share/CopyLinkButton";
import { ShareMenu } from "./share/ShareMenu";

interface DocumentHeaderProps {
  editor: Editor;
  docId: string;
  access: PageAccess;
  /** Whether this page may change the document now; import goes with it. */
  canEdit: boolean;
  title: string;
  status: ConnectionStatus;
  people: PresentPerson[];
  follow: Follow;
  name: string;
  color: string;
  onRename: (typed: string) => void;
  onResetLinks: () => Promise<void>;
  /** Opens the version history; absent for a page that may not see it. */
  onOpenHistory: (() => void) | undefined;
}

/** The bar above a document: the app, the connection, who is here, your name, export, import and sharing. */
export function DocumentHeader(props: DocumentHeaderProps) {
  const {
    editor,
    docId,
    access,
    canEdit,
    title,
    status,
    people,
    follow,
    name,
    color,
    onRename,
    onResetLinks,
    onOpenHistory,
  } = props;
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <header className="document-header">
      <a className="brand" href="/" aria-label="Cowrite home">
        <img src="/favicon.svg" alt="" width="24" height="24" />
        <span>Cowrite</span>
      </a>
      <ConnectionIndicator status={status} />
      <div className="document-header-end">
        <PresenceList people={people} follow={follow} />
        <PresenceAnnouncer people={people} />
        <NameField name={name} color={color} onRename={onRename} />
        {/* On a narrow screen the actions fold into this menu; on a wide one it is not shown. */}
        <button
          type="button"
          className="text-button header-menu-button"
          data-testid="header-menu"
          aria-expanded={menuOpen}
          aria-controls="document-actions"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          Menu
        </button>
        <div id="document-actions" className="document-actions" data-open={menuOpen}>
          <ExportButtons editor={editor} title={title} />
          {onOpenHistory && (
            <button
              type="button"
              className="text-button"
              data-testid="history-button"
              onClick={() => {
                setMenuOpen(false);
                onOpenHistory();
              }}
            >
              History
            </button>
          )}
          {canEdit && <ImportButton />}
          <NewDocumentButton />
          <ShareMenu docId={docId} access={access} onReset={onResetLinks} />
          <CopyLinkButton docId={docId} access={access} />
        </div>
      </div>
    </header>
  );
}
