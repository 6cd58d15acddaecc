import { NewDocumentButton } from "./NewDocumentButton";

/** Shown for any address that is not a document. */
export function NotFoundPage() {
  return (
    <main className="not-found">
      <h1>No document here</h1>
      <p>This address does not point to a Cowrite document. Check the link, or start a new one.</p>
      <NewDocumentButton />
    </main>
  );
}
