import type { ReactNode } from 'react';

interface SettingsFieldProps {
  id: string;
  label: string;
  hint: string;
  error: string | undefined;
  children: (describedBy: string, invalid: boolean) => ReactNode;
}

/** One labelled setting with its hint and, when invalid, its error message. */
export function SettingsField({ id, label, hint, error, children }: SettingsFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = error === undefined ? hintId : `${errorId} ${hintId}`;

  return (
    <div className="settings-field">
      <label htmlFor={id}>{label}</label>
      {children(describedBy, error !== undefined)}
      {error !== undefined && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <p id={hintId} className="field-hint">
        {hint}
      </p>
    </div>
  );
}
