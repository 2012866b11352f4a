import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings/schema.js';
import {
  checkUpdate,
  fieldErrorsFromMessage,
  toForm,
  toUpdate,
} from '../../src/renderer/screens/settings/settingsForm.js';

describe('settings form', () => {
  it('round-trips the defaults', () => {
    expect(toUpdate(toForm(DEFAULT_SETTINGS))).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    ['desiredRetention', '1.5', /too high/],
    ['desiredRetention', '', /must be a number/],
    ['newPerDay', '2.5', /whole number/],
    ['dayStartHour', '24', /at most 23/],
    ['learningSteps', '1m banana', /"banana" is not a step/],
    ['relearningSteps', '0m', /"0m" is not a step/],
  ] as const)('checkUpdate rejects %s = %j', (key, value, message) => {
    const form = { ...toForm(DEFAULT_SETTINGS), [key]: value };

    expect(checkUpdate(toUpdate(form))[key]).toMatch(message);
  });

  it('splits steps on spaces and commas', () => {
    const form = { ...toForm(DEFAULT_SETTINGS), learningSteps: ' 1m, 10m  1h ' };

    expect(toUpdate(form).learningSteps).toEqual(['1m', '10m', '1h']);
  });

  it.each([
    [
      'Invalid request for updateSettings: desiredRetention: Desired retention must be between 0.70 and 0.99; 1.5 is too high.',
      { desiredRetention: 'Desired retention must be between 0.70 and 0.99; 1.5 is too high' },
    ],
    [
      'Invalid request for updateSettings: newPerDay: New cards per day must be at least 0; learningSteps.0: "x" is not a step.',
      { newPerDay: 'New cards per day must be at least 0', learningSteps: '"x" is not a step' },
    ],
    ['Invalid request for updateSettings: unknownKey: Unrecognized key.', null],
    ['Saving failed.', null],
  ])('fieldErrorsFromMessage(%j)', (message, expected) => {
    expect(fieldErrorsFromMessage(message)).toEqual(expected);
  });
});
