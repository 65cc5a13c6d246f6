// Entry: picks the host (Electron's bridge if present, else the browser), loads the person's
// language (only that catalog), then mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { detectElectronHost } from './host/electronHost';
import { createBrowserHost } from './host/browserHost';
import { HostContext } from './core/hostContext';
import { I18nProvider, initI18n } from './core/i18n';
import { App } from './app/App';
import './styles.css';

const host = detectElectronHost() ?? createBrowserHost();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
void initI18n().then(() => {
  createRoot(root).render(
    <StrictMode>
      <HostContext.Provider value={host}>
        <I18nProvider>
          <App />
        </I18nProvider>
      </HostContext.Provider>
    </StrictMode>,
  );
});
