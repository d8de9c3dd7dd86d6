import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './features/shell/App';
import { HOME_READS } from './features/home/home-reads';
import { I18nProvider } from './i18n/i18n';
import { ProjectProvider, type Opening } from './lib/state';

/** Draws the window, with the first screen's reads `opening` already asked by main.tsx. */
export function start(opening: Opening): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider>
        <ProjectProvider firstReads={HOME_READS} opening={opening}>
          <App />
        </ProjectProvider>
      </I18nProvider>
    </StrictMode>,
  );
}
