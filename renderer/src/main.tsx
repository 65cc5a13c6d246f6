// Entry: picks the host (Electron's bridge if present, else the browser), loads the person's
// language (only that catalog), then mounts the app, or, in a browser where the app cannot work
// (plain http from another computer), says why.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { detectElectronHost } from './host/electronHost';
import { createBrowserHost } from './host/browserHost';
import { HostContext } from './core/hostContext';
import { I18nProvider, initI18n } from './core/i18n';
import { App } from './app/App';
import { InsecureOriginPage } from './app/InsecureOriginPage';
import { insecureOrigin } from './app/insecureOrigin';
import './styles.css';

const electron = detectElectronHost();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
const problem = electron ? null : insecureOrigin(window.location, window.isSecureContext, globalThis.crypto?.subtle !== undefined);
void initI18n().then(() => {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        {problem ? (
          <InsecureOriginPage problem={problem} />
        ) : (
          <HostContext.Provider value={electron ?? createBrowserHost()}>
            <App />
          </HostContext.Provider>
        )}
      </I18nProvider>
    </StrictMode>,
  );
});
