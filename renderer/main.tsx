import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './features/shell/App';
import { I18nProvider } from './i18n/i18n';
import { HOME_READS } from './features/home/home-reads';
import { openingReads, ProjectProvider } from './lib/state';
import './styles.css';

// Asked before React's first render: the project home waits for these reads, not for the render too.
const opening = openingReads(HOME_READS);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <ProjectProvider firstReads={HOME_READS} opening={opening}>
        <App />
      </ProjectProvider>
    </I18nProvider>
  </StrictMode>,
);
