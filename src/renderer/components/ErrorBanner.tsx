import { useErrorStore } from '../stores/errors.js';
import '../styles/banner.css';

/** The visible, dismissable error of the last failed request. */
export function ErrorBanner() {
  const message = useErrorStore((state) => state.message);
  const dismiss = useErrorStore((state) => state.dismiss);
  if (message === null) return null;

  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <p className="error-banner-message">{message}</p>
      <button type="button" className="button button-quiet" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
