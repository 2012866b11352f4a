// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isTextEntry } from '../../src/renderer/keyboard.js';

function input(type: string): HTMLInputElement {
  const element = document.createElement('input');
  element.type = type;
  return element;
}

function editableDiv(): HTMLDivElement {
  const element = document.createElement('div');
  element.contentEditable = 'true';
  // jsdom does not compute isContentEditable from the attribute.
  Object.defineProperty(element, 'isContentEditable', { value: true });
  return element;
}

describe('isTextEntry', () => {
  it.each([
    ['text input', () => input('text'), true],
    ['search input', () => input('search'), true],
    ['number input', () => input('number'), true],
    ['date input', () => input('date'), true],
    ['range input', () => input('range'), true],
    ['textarea', () => document.createElement('textarea'), true],
    ['select', () => document.createElement('select'), true],
    ['editable content', editableDiv, true],
    ['checkbox', () => input('checkbox'), false],
    ['radio button', () => input('radio'), false],
    ['button input', () => input('button'), false],
    ['submit input', () => input('submit'), false],
    ['reset input', () => input('reset'), false],
    ['button element', () => document.createElement('button'), false],
    ['plain div', () => document.createElement('div'), false],
  ])('%s is %s', (_name, make, expected) => {
    expect(isTextEntry(make())).toBe(expected);
  });

  it('window and null are not text entry', () => {
    expect(isTextEntry(window)).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });
});
