import { lazy, Suspense, useDeferredValue, useEffect } from 'react';
import { ErrorBanner } from './components/ErrorBanner.js';
import { Loading } from './components/Loading.js';
import { NavBar } from './components/NavBar.js';
import { HomeScreen } from './screens/home/HomeScreen.js';
import { useNavigation, type Screen } from './stores/navigation.js';
import { useSettingsStore } from './stores/settings.js';

// Review carries the Markdown and highlight.js code, Settings carries zod:
// both load on first use so the start-up script stays small.
const loadReviewScreen = () => import('./screens/review/ReviewScreen.js');
const ReviewScreen = lazy(loadReviewScreen);
const SettingsScreen = lazy(() => import('./screens/settings/SettingsScreen.js'));
const BrowseScreen = lazy(() => import('./screens/browse/BrowseScreen.js'));
const InterviewScreen = lazy(() => import('./screens/interview/InterviewScreen.js'));
const StatsScreen = lazy(() => import('./screens/stats/StatsScreen.js'));

function CurrentScreen({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'home':
      return <HomeScreen />;
    case 'review':
      return <ReviewScreen />;
    case 'browse':
      return <BrowseScreen />;
    case 'interview':
      return <InterviewScreen />;
    case 'stats':
      return <StatsScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}

/** The whole window: navigation bar, error banner and the current screen. */
export function App() {
  // Deferred: while a lazy screen loads, the current one stays up instead of a Suspense fallback,
  // which React 19 would hold for at least 300 ms (its fallback throttle) before the screen shows.
  const screen = useDeferredValue(useNavigation((state) => state.screen));

  useEffect(() => {
    void useSettingsStore.getState().load();
  }, []);

  // Most sessions go Home → Review: fetch and compile the review chunk while Home is read,
  // so "Study now" waits only for the study step.
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 200));
    idle(() => void loadReviewScreen());
  }, []);

  return (
    <>
      <NavBar />
      {/* Browse shows a list beside a card, so it may use a wide window in full. */}
      <main className={screen === 'browse' ? 'main main-wide' : 'main'}>
        <ErrorBanner />
        <Suspense fallback={<Loading what="the screen" />}>
          <CurrentScreen screen={screen} />
        </Suspense>
      </main>
    </>
  );
}
