import type { InterviewSetupView } from '../../../core/api/contract.js';
import type { Family } from '../../../core/decks/schema.js';

export interface CustomDraft {
  families: Family[];
  deckIds: string[];
  count: number;
  minutesEach: number;
  /** Use each prompt's own time limit in place of minutesEach. */
  ownLimits: boolean;
}

interface CustomFieldsProps {
  setup: InterviewSetupView;
  draft: CustomDraft;
  familyTitles: Record<Family, string>;
  onChange: (draft: CustomDraft) => void;
}

function toggle<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((entry) => entry !== value) : [...list, value];
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : min;
}

/** Renders the options of a Custom session. No family or deck ticked means all of them. */
export function CustomFields({ setup, draft, familyTitles, onChange }: CustomFieldsProps) {
  return (
    <div className="custom-fields">
      <fieldset>
        <legend>Families (none ticked: all)</legend>
        {setup.families
          .filter((entry) => entry.prompts > 0)
          .map((entry) => (
            <label key={entry.family}>
              <input
                type="checkbox"
                checked={draft.families.includes(entry.family)}
                onChange={() => onChange({ ...draft, families: toggle(draft.families, entry.family) })}
              />
              {familyTitles[entry.family]} ({entry.prompts})
            </label>
          ))}
      </fieldset>
      <fieldset>
        <legend>Decks (none ticked: all)</legend>
        {setup.topics.map((topic) => (
          <label key={topic.deckId}>
            <input
              type="checkbox"
              checked={draft.deckIds.includes(topic.deckId)}
              onChange={() => onChange({ ...draft, deckIds: toggle(draft.deckIds, topic.deckId) })}
            />
            {topic.title} ({topic.prompts})
          </label>
        ))}
      </fieldset>
      <label className="setup-field">
        Number of prompts
        <input
          type="number"
          min={1}
          max={20}
          value={draft.count}
          onChange={(event) => onChange({ ...draft, count: clamp(event.target.valueAsNumber, 1, 20) })}
        />
      </label>
      <label className="setup-field">
        Minutes per prompt
        <input
          type="number"
          min={1}
          max={60}
          value={draft.minutesEach}
          disabled={draft.ownLimits}
          onChange={(event) => onChange({ ...draft, minutesEach: clamp(event.target.valueAsNumber, 1, 60) })}
        />
      </label>
      <label>
        <input type="checkbox" checked={draft.ownLimits} onChange={() => onChange({ ...draft, ownLimits: !draft.ownLimits })} />
        Use each prompt&apos;s own time limit
      </label>
    </div>
  );
}
