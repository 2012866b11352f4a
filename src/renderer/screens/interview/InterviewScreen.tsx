import { useEffect } from 'react';
import { Loading } from '../../components/Loading.js';
import { useInterviewStore } from '../../stores/interview.js';
import { HistoryView } from './HistoryView.js';
import { ReviewView } from './ReviewView.js';
import { RunningView } from './RunningView.js';
import { SetupView } from './SetupView.js';
import { SummaryView } from './SummaryView.js';
import { useInterviewClock } from './useInterviewClock.js';
import { useInterviewKeys } from './useInterviewKeys.js';
import './interview.css';

/** Renders the mock interview: setup, a prompt in progress, its review, the session summary or history. */
export function InterviewScreen() {
  const state = useInterviewStore();
  const actions = useInterviewStore.getState();
  const step = state.page === 'session' ? state.session?.step : undefined;
  const now = useInterviewClock(step?.kind === 'answer');
  useInterviewKeys();

  useEffect(() => {
    const current = useInterviewStore.getState();
    if (current.page === 'setup' && !current.busy) void current.loadSetup();
  }, []);

  if (state.page === 'history') {
    if (state.history === null) return <Loading what="the interview history" />;
    return (
      <HistoryView
        sessions={state.history}
        hasMore={state.historyHasMore}
        busy={state.busy}
        onOpen={(id) => void actions.openSession(id)}
        onMore={() => void actions.loadOlderHistory()}
        onBack={() => void actions.loadSetup()}
      />
    );
  }

  if (state.page === 'session' && state.session && step) {
    const session = state.session;
    if (step.kind === 'answer' && state.timer) {
      return (
        <RunningView
          session={session}
          position={step.position}
          timer={state.timer}
          now={now}
          draft={state.draft}
          saveStatus={state.saveStatus}
          busy={state.busy}
          onType={actions.type}
          onBlur={() => void actions.flush()}
          onPause={() => void actions.pause(Date.now())}
          onResume={() => actions.resume(Date.now())}
          onNext={() => void actions.closePrompt('next')}
          onSkip={() => void actions.closePrompt('skip')}
        />
      );
    }
    if (step.kind === 'review' && state.review) {
      return (
        <ReviewView
          session={session}
          review={state.review}
          busy={state.busy}
          onToggle={actions.togglePoint}
          onRate={actions.chooseRating}
          onConfirm={() => void actions.confirmScore()}
        />
      );
    }
    if (step.kind === 'summary' && session.summary) {
      return (
        <SummaryView
          session={session}
          summary={session.summary}
          busy={state.busy}
          onMakeCard={(position, pointIndex) => void actions.makeCard(position, pointIndex)}
          onReplay={() => void actions.replay(session.id)}
          onNew={() => void actions.loadSetup()}
          onHistory={() => void actions.loadHistory()}
        />
      );
    }
  }

  if (state.setup === null) return <Loading what="the interview formats" />;
  return (
    <SetupView
      setup={state.setup}
      busy={state.busy}
      onStart={(request) => void actions.start(request)}
      onResume={(id) => void actions.openSession(id)}
      onDiscard={(id) => void actions.discard(id)}
      onHistory={() => void actions.loadHistory()}
    />
  );
}

export default InterviewScreen;
