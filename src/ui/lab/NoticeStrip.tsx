/** The notices above the lab: a strip that never takes the terminal's room away. */
import type { Notice } from './notices';

interface Props {
  notices: readonly Notice[];
  onDismiss: (key: string) => void;
  onTakeOver: () => void;
}

export function NoticeStrip({ notices, onDismiss, onTakeOver }: Props) {
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <div className={`notice notice-${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'} key={n.key} data-notice={n.key}>
          <span className="notice-text">{n.text}</span>
          <span className="notice-actions">
            {n.action === 'take-over' && (
              <button type="button" onClick={onTakeOver}>
                Continue here
              </button>
            )}
            <button type="button" onClick={() => onDismiss(n.key)}>
              Dismiss
            </button>
          </span>
        </div>
      ))}
    </div>
  );
}
