import { cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ErrorBanner } from '../../src/renderer/components/ErrorBanner.js';
import { useApiStore } from '../../src/renderer/stores/api.js';
import { useErrorStore } from '../../src/renderer/stores/errors.js';
import { useHomeStore } from '../../src/renderer/stores/home.js';
import { useNavigation } from '../../src/renderer/stores/navigation.js';
import { useReviewStore } from '../../src/renderer/stores/review.js';
import { useSettingsStore } from '../../src/renderer/stores/settings.js';
import type { FakeApi } from './fakeApi.js';

/** Unmounts everything and puts every store back to its start-up state. */
export function resetRenderer(): void {
  cleanup();
  useApiStore.setState({ api: null });
  useErrorStore.setState({ message: null });
  useHomeStore.setState({ home: null, loading: false });
  useNavigation.setState({ screen: 'home' });
  useReviewStore.getState().reset();
  useSettingsStore.setState({ settings: null });
}

/** Renders `screen` under the error banner, talking to `api`. */
export function renderWithApi(api: FakeApi, screen: ReactElement) {
  useApiStore.setState({ api });
  return render(
    <>
      <ErrorBanner />
      {screen}
    </>,
  );
}
