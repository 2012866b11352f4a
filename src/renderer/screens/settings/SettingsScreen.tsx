import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/ApiError.js';
import { Loading } from '../../components/Loading.js';
import { reportError, useErrorStore } from '../../stores/errors.js';
import { useSettingsStore } from '../../stores/settings.js';
import '../../styles/settings.css';
import { FIELDS } from './fields.js';
import { BackupsPanel } from './BackupsPanel.js';
import { SettingsField } from './SettingsField.js';
import { checkUpdate, fieldErrorsFromMessage, toForm, toUpdate, type FieldErrors, type SettingsForm } from './settingsForm.js';

function focusFirstError(errors: FieldErrors): void {
  const first = FIELDS.find((field) => errors[field.key] !== undefined)?.key ?? (errors.theme ? 'theme' : null);
  if (first) document.getElementById(`setting-${first}`)?.focus();
}

/** The settings form. The host validates every save, and its messages show next to the fields. */
export function SettingsScreen() {
  const settings = useSettingsStore((state) => state.settings);
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (settings === null) void useSettingsStore.getState().load();
  }, [settings]);

  useEffect(() => {
    if (settings !== null && form === null) setForm(toForm(settings));
  }, [settings, form]);

  if (form === null) return <Loading what="settings" />;

  const change = (key: keyof SettingsForm, value: string) => {
    setForm({ ...form, [key]: value });
    setStatus('');
  };

  // A check on leaving a field gives early feedback. The host still validates on save.
  const checkField = (key: keyof SettingsForm) => {
    const message = checkUpdate(toUpdate(form))[key];
    setErrors((previous) => ({ ...previous, [key]: message }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setStatus('');
    try {
      const saved = await useSettingsStore.getState().save(toUpdate(form));
      setForm(toForm(saved));
      setErrors({});
      useErrorStore.getState().dismiss();
      setStatus('Settings saved.');
    } catch (error) {
      const fieldErrors = error instanceof ApiError && error.code === 'validation' ? fieldErrorsFromMessage(error.message) : null;
      if (fieldErrors === null) reportError(error);
      else {
        setErrors(fieldErrors);
        focusFirstError(fieldErrors);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <form className="settings" data-testid="settings-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="settings-heading">
        <h1 id="settings-heading">Settings</h1>
        {FIELDS.map((field) => (
          <SettingsField key={field.key} id={`setting-${field.key}`} label={field.label} hint={field.hint} error={errors[field.key]}>
            {(describedBy, invalid) => (
              <input
                id={`setting-${field.key}`}
                name={field.key}
                type={field.kind}
                inputMode={field.kind === 'number' ? 'decimal' : undefined}
                step={field.step}
                value={form[field.key]}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(event) => change(field.key, event.target.value)}
                onBlur={() => checkField(field.key)}
              />
            )}
          </SettingsField>
        ))}
        <SettingsField id="setting-theme" label="Theme" hint="System follows your operating system's light or dark mode." error={errors.theme}>
          {(describedBy, invalid) => (
            <select
              id="setting-theme"
              name="theme"
              value={form.theme}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => change('theme', event.target.value)}
            >
              <option value="system">System</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          )}
        </SettingsField>
        <div className="settings-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            Save settings
          </button>
          <p className="settings-status" role="status">
            {status}
          </p>
        </div>
      </form>
      <BackupsPanel onSettingsRestored={(restored) => setForm(toForm(restored))} />
    </>
  );
}

export default SettingsScreen;
