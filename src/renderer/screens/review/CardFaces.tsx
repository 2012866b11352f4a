import { useEffect, useRef } from 'react';
import type { CardView } from '../../../core/api/views.js';
import { Markdown } from '../../components/Markdown.js';
import { Sources } from './Sources.js';

function frontText(card: CardView): string {
  return card.content.kind === 'basic' ? card.content.front : card.content.prompt;
}

function backText(card: CardView): string {
  return card.content.kind === 'basic' ? card.content.back : card.content.modelAnswer;
}

/** The question side of a card. */
export function CardFront({ card }: { card: CardView }) {
  return (
    <section className="card-face card-front" aria-label="Question" data-testid="card-front">
      <Markdown text={frontText(card)} />
    </section>
  );
}

/**
 * The answer side with its sources and version badge. It takes focus when it
 * appears so a screen reader reads the answer next.
 */
export function CardBack({ card }: { card: CardView }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus({ preventScroll: true }), [card.id]);

  const { appliesTo, sources } = card.content;
  return (
    <section ref={ref} tabIndex={-1} className="card-face card-back" aria-label="Answer" data-testid="card-back">
      {appliesTo && <p className="badge applies-to">Applies to {appliesTo}</p>}
      <Markdown text={backText(card)} />
      <Sources sources={sources} />
    </section>
  );
}
