import { useEffect } from 'react';
import type { DeckSummary } from '../../../core/api/views.js';
import { Loading } from '../../components/Loading.js';
import { FAMILY_ORDER, FAMILY_TITLES } from '../../format/families.js';
import { useHomeStore } from '../../stores/home.js';
import { useNavigation } from '../../stores/navigation.js';
import { useReviewStore } from '../../stores/review.js';
import '../../styles/home.css';
import { DeckTable } from './DeckTable.js';
import { TodaySummary } from './TodaySummary.js';

function startStudy(deckId: string | null): void {
  void useReviewStore.getState().start(deckId);
  useNavigation.getState().go('review');
}

/** The overview: today's totals and every deck grouped by question family. */
export function HomeScreen() {
  const home = useHomeStore((state) => state.home);
  const load = useHomeStore((state) => state.load);
  const go = useNavigation((state) => state.go);

  useEffect(() => {
    void load();
  }, [load]);

  if (home === null) return <Loading what="your decks" />;

  return (
    <div className="home">
      <TodaySummary home={home} onStudyAll={() => startStudy(null)} onInterview={() => go('interview')} />
      {home.decks.length === 0 && <p className="summary-note">No decks are installed.</p>}
      {FAMILY_ORDER.map((family) => {
        const decks = home.decks.filter((deck: DeckSummary) => deck.family === family);
        if (decks.length === 0) return null;
        const title = FAMILY_TITLES[family];
        return (
          <section key={family} className="family" aria-labelledby={`family-${family}`}>
            <h2 id={`family-${family}`}>{title}</h2>
            <DeckTable caption={title} decks={decks} onStudy={startStudy} />
          </section>
        );
      })}
    </div>
  );
}
