/** Says that something in the page failed, that the text is kept, and offers a fresh start. */
export function UnexpectedErrorBanner({ message }: { message: string }) {
  return (
    <div className="sync-error" role="alert" data-testid="unexpected-error">
      <p>
        <strong>Something went wrong showing this document</strong> ({message}). What you write is still kept on this
        device; reload to see the document as it is saved.
      </p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  );
}
