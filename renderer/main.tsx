import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './features/shell/App';
import { I18nProvider } from './i18n/i18n';
import { HOME_READS } from './features/home/home-reads';
import { ProjectProvider } from './lib/state';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <ProjectProvider firstReads={HOME_READS}>
        <App />
      </ProjectProvider>
    </I18nProvider>
  </StrictMode>,
);
