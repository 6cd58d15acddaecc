interface SyncErrorBannerProps {
  reason: string;
  onDiscard: () => void;
}

/**
 * Says plainly that the server refused this device's latest changes for good, that they are
 * still here to copy, and offers to drop them and go on with the document as it is saved.
 */
export function SyncErrorBanner({ reason, onDiscard }: SyncErrorBannerProps) {
  return (
    <div className="sync-error" role="alert" data-testid="sync-error">
      <p>
        <strong>Not saved.</strong> {reason}. Your change is still on this device: copy what you need, then discard it
        to go on writing with everyone.
      </p>
      <button type="button" className="button" onClick={onDiscard}>
        Discard unsaved changes
      </button>
    </div>
  );
}
