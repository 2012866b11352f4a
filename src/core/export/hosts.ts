import { ValidationError } from '../errors.js';

/**
 * The core's stand-ins for exportData and importData. Saving or picking a file
 * belongs to a host (a save dialog, a browser download), so the desktop app and
 * the browser host replace both. Only a host that replaces neither reaches these.
 */
export function exportNeedsHost(): never {
  throw new ValidationError(
    'This Rehearse host cannot save files. Export from the desktop app or from `npm run serve` in a browser.',
  );
}

export function importNeedsHost(): never {
  throw new ValidationError(
    'This Rehearse host cannot open files. Import from the desktop app or from `npm run serve` in a browser.',
  );
}
