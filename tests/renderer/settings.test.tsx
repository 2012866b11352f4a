// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings/schema.js';
import { ApiError } from '../../src/renderer/api/ApiError.js';
import { SettingsScreen } from '../../src/renderer/screens/settings/SettingsScreen.js';
import { createFakeApi } from './fakeApi.js';
import { renderWithApi, resetRenderer } from './renderHelpers.js';

afterEach(resetRenderer);

const RETENTION_MESSAGE =
  'Invalid request for updateSettings: desiredRetention: Desired retention must be between 0.70 and 0.99; 1.5 is too high.';

async function openSettings() {
  const api = createFakeApi();
  renderWithApi(api, <SettingsScreen />);
  await screen.findByLabelText('Desired retention');
  return api;
}

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function save() {
  fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
}

describe('settings screen', () => {
  it('fills the form from the saved settings', async () => {
    await openSettings();

    expect((screen.getByLabelText('Learning steps') as HTMLInputElement).value).toBe('1m 10m');
    expect((screen.getByLabelText('New cards per day') as HTMLInputElement).value).toBe('20');
  });

  it('sends parsed numbers and steps', async () => {
    const api = await openSettings();
    fill('New cards per day', '35');
    fill('Learning steps', '2m  15m 1h');

    save();

    await screen.findByText('Settings saved.');
    expect(api.updateSettings).toHaveBeenCalledWith(
      expect.objectContaining({ newPerDay: 35, learningSteps: ['2m', '15m', '1h'], desiredRetention: 0.9 }),
    );
  });

  it('shows the server message next to the field', async () => {
    const api = await openSettings();
    api.updateSettings.mockRejectedValueOnce(new ApiError('validation', RETENTION_MESSAGE));
    fill('Desired retention', '1.5');

    save();

    const field = screen.getByLabelText('Desired retention');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    const errorId = field.getAttribute('aria-describedby')?.split(' ')[0] ?? '';
    expect(document.getElementById(errorId)?.textContent).toBe(
      'Desired retention must be between 0.70 and 0.99; 1.5 is too high',
    );
    expect(document.activeElement).toBe(field);
  });

  it('shows a step error under the steps field', async () => {
    const api = await openSettings();
    api.updateSettings.mockRejectedValueOnce(
      new ApiError(
        'validation',
        'Invalid request for updateSettings: learningSteps.1: "banana" is not a step: write a positive number of minutes, hours or days, such as "1m", "10m", "1h" or "1d".',
      ),
    );
    fill('Learning steps', '1m banana');

    save();

    expect(await screen.findByText(/"banana" is not a step/)).toBeTruthy();
    expect(screen.getByLabelText('Learning steps').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows other errors in the banner', async () => {
    const api = await openSettings();
    api.updateSettings.mockRejectedValueOnce(new ApiError('storage', 'Saving failed: the disk is full.'));

    save();

    expect((await screen.findByTestId('error-banner')).textContent).toContain('the disk is full');
  });

  it('checks a field when it loses focus', async () => {
    await openSettings();
    fill('Desired retention', '1.5');

    fireEvent.blur(screen.getByLabelText('Desired retention'));

    expect(await screen.findByText(/1\.5 is too high/)).toBeTruthy();
  });

  it('applies the saved theme to the page', async () => {
    const api = await openSettings();
    api.updateSettings.mockResolvedValueOnce({ ...DEFAULT_SETTINGS, theme: 'dark' });
    fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'dark' } });

    save();

    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
  });
});
