// Entry: picks the host (Electron's bridge if present, else the browser) and mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { detectElectronHost } from './host/electronHost';
import { createBrowserHost } from './host/browserHost';
import { HostContext } from './core/hostContext';
import { App } from './app/App';
import './styles.css';

const host = detectElectronHost() ?? createBrowserHost();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <HostContext.Provider value={host}>
      <App />
    </HostContext.Provider>
  </StrictMode>,
);
