import type { CardView } from '../../../core/api/views.js';
import { Markdown, safeUrl } from '../../components/Markdown.js';

type InterviewContent = Extract<CardView['content'], { kind: 'interview' }>;

function MarkdownList({ items }: { items: string[] }) {
  return (
    <ul className="browse-md-list">
      {items.map((item, index) => (
        <li key={index}>
          <Markdown text={item} />
        </li>
      ))}
    </ul>
  );
}

function InterviewBody({ content }: { content: InterviewContent }) {
  return (
    <>
      <h3>Prompt</h3>
      <Markdown text={content.prompt} />
      <h3>Key points</h3>
      <ol className="browse-points">
        {content.keyPoints.map((keyPoint) => (
          <li key={keyPoint.point}>
            <span className="browse-point">{keyPoint.point}</span>
            <span className="browse-phrases">
              <span className="visually-hidden">Phrases: </span>
              {keyPoint.phrases.map((phrase) => (
                <span key={phrase} className="badge">
                  {phrase}
                </span>
              ))}
            </span>
          </li>
        ))}
      </ol>
      <h3>Follow-up questions</h3>
      <MarkdownList items={content.followUps} />
      <h3>Pitfalls</h3>
      <MarkdownList items={content.pitfalls} />
      <h3>Model answer</h3>
      <Markdown text={content.modelAnswer} />
    </>
  );
}

function SourceLinks({ sources }: { sources: CardView['content']['sources'] }) {
  return (
    <>
      <h3>Sources</h3>
      <ul className="browse-sources">
        {sources.map((source) => {
          const href = safeUrl(source.url);
          return (
            <li key={`${source.url} ${source.title}`}>
              {href ? (
                <a href={href} target="_blank" rel="noreferrer noopener">
                  {source.title}
                </a>
              ) : (
                source.title
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** A card's full content: front and back, or the prompt with its rubric, then its sources. */
export function CardBody({ card }: { card: CardView }) {
  const { content } = card;
  return (
    <div className="browse-body" data-testid="browse-body">
      {content.kind === 'basic' ? (
        <>
          <h3>Front</h3>
          <Markdown text={content.front} />
          <h3>Back</h3>
          <Markdown text={content.back} />
        </>
      ) : (
        <InterviewBody content={content} />
      )}
      {content.sources.length > 0 && <SourceLinks sources={content.sources} />}
    </div>
  );
}
