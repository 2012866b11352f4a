/** Input types that are toggled or pressed, never typed into, so letter and digit shortcuts still apply on them. */
const NON_TEXT_INPUT_TYPES = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'image']);

/**
 * True when a key press belongs to a field that takes keyboard entry, so app
 * shortcuts must leave it alone: editable content, a textarea, a select, or an
 * input other than a checkbox, radio button or button.
 */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUT_TYPES.has(target.type);
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}
