import { useRef } from 'react';
import type { ExportKind } from '../../../core/api/contract.js';
import { useTransferStore } from '../../stores/statsTransfer.js';

interface ExportChoice {
  kind: ExportKind;
  label: string;
  description: string;
  desktopOnly?: boolean;
}

const EXPORTS: ExportChoice[] = [
  { kind: 'html', label: 'Report (HTML)', description: 'One page with every chart and readiness per family.' },
  { kind: 'pdf', label: 'Report (PDF)', description: 'The same report, printed to PDF.', desktopOnly: true },
  {
    kind: 'progress-csv',
    label: 'Progress CSV',
    description: 'One row per study day: answers by rating, minutes, retention.',
  },
  {
    kind: 'review-log-csv',
    label: 'Review log CSV',
    description: 'Every answer in the format the FSRS optimizer reads.',
  },
  {
    kind: 'json',
    label: 'Full backup (JSON)',
    description: 'Decks, cards, schedule, answers, interviews and settings.',
  },
];

/** Export buttons and the backup import; the desktop app saves through dialogs, a browser downloads. */
export function TransferPanel() {
  const running = useTransferStore((state) => state.running);
  const status = useTransferStore((state) => state.status);
  const exportData = useTransferStore((state) => state.exportData);
  const importData = useTransferStore((state) => state.importData);
  const fileInput = useRef<HTMLInputElement>(null);
  const desktop = window.rehearse !== undefined;

  const startImport = () => {
    if (desktop) void importData(null);
    else fileInput.current?.click();
  };

  return (
    <section className="stats-section" aria-labelledby="stats-exports-heading">
      <h2 id="stats-exports-heading">Exports and backup</h2>
      <ul className="stats-exports">
        {EXPORTS.filter((choice) => desktop || !choice.desktopOnly).map((choice) => (
          <li key={choice.kind}>
            <button
              type="button"
              className="button"
              disabled={running !== null}
              onClick={() => void exportData(choice.kind)}
            >
              {choice.label}
            </button>
            <span className="stats-export-note">{choice.description}</span>
          </li>
        ))}
        <li>
          <button type="button" className="button" disabled={running !== null} onClick={startImport}>
            Import backup…
          </button>
          <span className="stats-export-note">Restores a full backup into a data folder without progress.</span>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            tabIndex={-1}
            aria-label="Backup file to import"
            data-testid="import-file"
            onChange={(event) => {
              const file = event.target.files?.[0] ?? null;
              event.target.value = '';
              if (file) void importData(file);
            }}
          />
        </li>
      </ul>
      <p className="stats-transfer-status" role="status" data-testid="transfer-status">
        {running !== null && <span className="stats-spinner" aria-hidden="true" />}
        {status}
      </p>
    </section>
  );
}
