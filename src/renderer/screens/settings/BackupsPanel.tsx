import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Settings } from '../../../core/settings/schema.js';
import { formatBackupTime, useBackupsStore, type BackupsView } from '../../stores/backups.js';
import '../../styles/backups.css';

type BackupEntry = BackupsView['backups'][number];

/** Formats a file size in bytes, kibibytes or mebibytes, such as "1.4 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const REASON_TEXT: Record<NonNullable<BackupEntry['reason']>, string> = {
  'start-up': 'At start-up',
  changes: 'After changes',
  'on-request': 'On request',
  'before-restore': 'Before restore',
  'before-import': 'Before import',
  'before-migrating': 'Before migrating',
};

/** Returns a backup's reason in plain words, or "Reason unknown" for backups of versions that did not record it. */
export function describeReason(reason: BackupEntry['reason']): string {
  return reason === null ? 'Reason unknown' : REASON_TEXT[reason];
}

/**
 * Builds the text that names a backup in its Restore label and the confirmation:
 * the time, why it was made, and the file name, which stays unique for backups
 * made in the same second.
 */
function describeBackup(entry: BackupEntry): string {
  return `${formatBackupTime(entry.createdAt)} (${describeReason(entry.reason).toLowerCase()}, ${entry.name})`;
}

interface BackupsPanelProps {
  /** Receives the settings of the restored backup, so the settings form can show them. */
  onSettingsRestored?: (settings: Settings) => void;
}

/**
 * Renders the Backups section of Settings: the automatic and manual backups
 * with their date and size, a "Back up now" button and a restore for each
 * backup behind a confirmation, and a notice after an unclean shutdown.
 */
export function BackupsPanel({ onSettingsRestored }: BackupsPanelProps) {
  const view = useBackupsStore((state) => state.view);
  const busy = useBackupsStore((state) => state.busy);
  const status = useBackupsStore((state) => state.status);
  const [pending, setPending] = useState<BackupEntry | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const returnFocusTo = useRef<string | null>(null);

  useEffect(() => {
    void useBackupsStore.getState().load();
  }, []);

  // The Restore buttons are disabled while a confirmation is open, so focus can
  // return to the one that opened it only after the confirmation is gone.
  useEffect(() => {
    if (pending !== null || returnFocusTo.current === null) return;
    document.getElementById(returnFocusTo.current)?.focus();
    returnFocusTo.current = null;
  }, [pending]);

  const cancel = () => {
    if (pending !== null) returnFocusTo.current = restoreButtonId(pending.name);
    setPending(null);
  };

  const confirm = async () => {
    if (pending === null) return;
    const restored = await useBackupsStore.getState().restore(pending.name, pending.createdAt);
    setPending(null);
    headingRef.current?.focus();
    if (restored !== null) onSettingsRestored?.(restored);
  };

  return (
    <section className="backups" aria-labelledby="backups-heading">
      <h2 id="backups-heading" ref={headingRef} tabIndex={-1}>
        Backups
      </h2>
      <p className="field-hint">
        Rehearse backs up your progress at start-up when the newest backup is over a day old,
        every 30 minutes while something changes, before it upgrades the data file, and before
        every restore or backup import. Older backups are thinned out as they age, except the newest one of each
        &ldquo;Before&rdquo; kind, which stays until a newer one of its kind replaces it or the
        folder reaches its size limit.
        {view !== null && ` They are kept in ${view.folder}.`}
      </p>
      {view !== null && <HealthNotice view={view} />}
      <div className="backups-actions">
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          onClick={() => void useBackupsStore.getState().backUpNow()}
        >
          {busy === 'backup' ? 'Backing up…' : 'Back up now'}
        </button>
        <p className="backups-status" role="status">
          {status}
        </p>
      </div>
      {pending !== null && (
        <RestoreConfirmation
          entry={pending}
          busy={busy === 'restore'}
          onConfirm={() => void confirm()}
          onCancel={cancel}
        />
      )}
      {view === null ? null : (
        <BackupTable
          backups={view.backups}
          disabled={busy !== null || pending !== null}
          onRestore={setPending}
        />
      )}
    </section>
  );
}

function restoreButtonId(name: string): string {
  return `restore-${name.replace(/[^A-Za-z0-9-]/g, '-')}`;
}

function HealthNotice({ view }: { view: BackupsView }) {
  if (!view.uncleanShutdown && view.problems.length === 0) return null;

  const found = view.problems.length > 0;
  // A check that found nothing is information, not an alarm.
  return (
    <div className={found ? 'backups-notice' : 'backups-notice backups-notice-info'} data-testid="backups-health">
      {view.uncleanShutdown && !view.checked && (
        <p>
          Rehearse did not shut down cleanly last time, so it is checking the data file. Open
          this screen again to see the result.
        </p>
      )}
      {view.uncleanShutdown && view.checked && !found && (
        <p>Rehearse did not shut down cleanly last time. The check of the data file found no problems.</p>
      )}
      {view.problems.length > 0 && (
        <>
          <p>
            The check found problems in the data file. Restore a backup from before they appeared:
          </p>
          <ul>
            {view.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

interface BackupTableProps {
  backups: BackupEntry[];
  disabled: boolean;
  onRestore: (entry: BackupEntry) => void;
}

function BackupTable({ backups, disabled, onRestore }: BackupTableProps) {
  if (backups.length === 0) return <p className="backups-empty">No backups yet.</p>;

  return (
    <table className="backups-table">
      <caption className="visually-hidden">Backups, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Size</th>
          <th scope="col">
            <span className="visually-hidden">Action</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {backups.map((entry) => (
          <tr key={entry.name} data-testid="backup-row">
            <td>
              {formatBackupTime(entry.createdAt)}
              <span className="backup-kind">{describeReason(entry.reason)}</span>
              <span className="backup-file">{entry.name}</span>
            </td>
            <td>{formatSize(entry.sizeBytes)}</td>
            <td>
              <button
                type="button"
                id={restoreButtonId(entry.name)}
                className="button button-quiet"
                disabled={disabled}
                aria-label={`Restore the backup from ${describeBackup(entry)}`}
                onClick={() => onRestore(entry)}
              >
                Restore
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface RestoreConfirmationProps {
  entry: BackupEntry;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before a restore and explains that the current state is backed up first. Escape cancels. */
function RestoreConfirmation({ entry, busy, onConfirm, onCancel }: RestoreConfirmationProps) {
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    confirmRef.current?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || busy) return;
    event.preventDefault();
    onCancel();
  };

  return (
    <div
      className="backups-confirm"
      role="group"
      aria-labelledby="restore-confirm-title"
      aria-describedby="restore-confirm-text"
      onKeyDown={onKeyDown}
    >
      <p id="restore-confirm-title" className="backups-confirm-title">
        Restore the backup from {describeBackup(entry)}?
      </p>
      <p id="restore-confirm-text">
        Your progress since then is replaced. Rehearse backs up your current state first, so you can
        come back to it from this list.
      </p>
      <div className="backups-confirm-actions">
        <button
          type="button"
          ref={confirmRef}
          className="button button-primary"
          disabled={busy}
          onClick={onConfirm}
        >
          {busy ? 'Restoring…' : 'Restore this backup'}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
