/** Shown instead of the document when its link opens nothing. The reason is the server's. */
export function AccessRefusedPage({ reason }: { reason: string }) {
  return (
    <main className="not-found" data-testid="access-refused">
      <h1>This link does not open a document</h1>
      <p>{reason}.</p>
      <a className="button" href="/">
        Your documents
      </a>
    </main>
  );
}

/** Shown over the document when its link stops working while it is open. */
export function LostAccessBanner({ reason }: { reason: string }) {
  return (
    <div className="sync-error" role="alert" data-testid="access-refused">
      <p>
        <strong>This link no longer works.</strong> {reason}. What you see is the document as it was; nothing more
        reaches it from this page.
      </p>
    </div>
  );
}
