import { lazy, Suspense, useEffect } from 'react';
import { ErrorBanner } from './components/ErrorBanner.js';
import { Loading } from './components/Loading.js';
import { NavBar } from './components/NavBar.js';
import { HomeScreen } from './screens/home/HomeScreen.js';
import { useNavigation, type Screen } from './stores/navigation.js';
import { useSettingsStore } from './stores/settings.js';

// Review carries the Markdown and highlight.js code, Settings carries zod:
// both load on first use so the start-up script stays small.
const ReviewScreen = lazy(() => import('./screens/review/ReviewScreen.js'));
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
  const screen = useNavigation((state) => state.screen);

  useEffect(() => {
    void useSettingsStore.getState().load();
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
