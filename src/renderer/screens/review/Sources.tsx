import type { CardView } from '../../../core/api/views.js';
import { safeUrl } from '../../components/Markdown.js';

type Source = CardView['content']['sources'][number];

/** The sources a card cites, as links that open outside the app. */
export function Sources({ sources }: { sources: Source[] }) {
  if (sources.length === 0) return null;
  return (
    <section className="sources" aria-labelledby="sources-heading">
      <h2 id="sources-heading">Sources</h2>
      <ul>
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
    </section>
  );
}
