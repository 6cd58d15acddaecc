interface SyncErrorBannerProps {
  reason: string;
  onRetry: () => void;
}

/** Says, plainly, that the server refused this document's latest changes, and that they are not lost. */
export function SyncErrorBanner({ reason, onRetry }: SyncErrorBannerProps) {
  return (
    <div className="sync-error" role="alert" data-testid="sync-error">
      <p>
        <strong>Your latest changes were not saved to the server.</strong> {reason}. They are still on this device; remove
        some content, then try again.
      </p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
