// Entry: picks the host (Electron's bridge if present, else the browser) and mounts the app, or,
// in a browser where the app cannot work (plain http from another computer), says why.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { detectElectronHost } from './host/electronHost';
import { createBrowserHost } from './host/browserHost';
import { HostContext } from './core/hostContext';
import { App } from './app/App';
import { InsecureOriginPage } from './app/InsecureOriginPage';
import { insecureOrigin } from './app/insecureOrigin';
import './styles.css';

const electron = detectElectronHost();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
const problem = electron ? null : insecureOrigin(window.location, window.isSecureContext, globalThis.crypto?.subtle !== undefined);
createRoot(root).render(
  <StrictMode>
    {problem ? (
      <InsecureOriginPage problem={problem} />
    ) : (
      <HostContext.Provider value={electron ?? createBrowserHost()}>
        <App />
      </HostContext.Provider>
    )}
  </StrictMode>,
);
