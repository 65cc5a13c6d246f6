// The app's shell: top bar, notices, then either joining a room, the first-run profile
// question, the workshop list, or an open board.
import type { MouseEvent } from 'react';
import { TopBar } from './TopBar';
import { useTheme } from './useTheme';
import { useRoute } from './useRoute';
import { StatusRegion } from '../ui/StatusRegion';
import { ProfileDialog, useProfile } from '../features/profile';
import { WorkshopList, useOpenedFiles } from '../features/workshops';
import { JoinPage } from '../features/join';
import { SessionPage } from '../session/SessionPage';
import { useT } from '../core/i18n';

function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  document.getElementById('content')?.focus();
}

export function App() {
  const t = useT();
  const theme = useTheme();
  const profile = useProfile();
  const { workshopId, open, join } = useRoute();
  // A .bridgeboard file double-clicked in the OS (desktop app): imported, then opened.
  useOpenedFiles((summary) => open(summary.id));
  return (
    <>
      {/* The route lives in the hash, so following "#content" would leave the page (a board, an
          invite): the link moves the focus itself and keeps the address. */}
      <a className="skip-link" href="#content" onClick={skipToContent}>
        {t('app.skipToContent')}
      </a>
      <TopBar theme={theme} />
      <StatusRegion />
      <div id="content" tabIndex={-1}>
        {join !== null ? (
          // Joining asks name, side and role itself when there is no profile yet (a first visit by an
          // invite link, or the welcome's "Join a workshop with an invite"), so it comes first.
          <JoinPage key={join} input={join} onJoined={open} onCancel={() => open(null)} />
        ) : !profile ? (
          <ProfileDialog onDone={() => undefined} />
        ) : workshopId ? (
          <SessionPage key={workshopId} workshopId={workshopId} onBack={() => open(null)} />
        ) : (
          <WorkshopList onOpen={open} />
        )}
      </div>
    </>
  );
}
