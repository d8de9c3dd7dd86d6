// @vitest-environment happy-dom
import { lazy, Suspense } from 'react';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/i18n';
import { ScreenFailed, ScreenLoading } from './screens';

afterEach(cleanup);

// A chunk the server no longer has (the app was rebuilt while the window was open), and one it has.
const Missing = lazy(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module: ./assets/SearchView-old.js')));
const Present = lazy(() => Promise.resolve({ default: () => <p data-testid="present">Themes</p> }));

function Shell({ view }: { view: 'missing' | 'present' }) {
  return (
    <I18nProvider language="en">
      <p data-testid="sidebar">Project · Search · Themes</p>
      <ScreenFailed resetKey={view}>
        <Suspense fallback={<ScreenLoading />}>
          {view === 'missing' ? <Missing /> : <Present />}
        </Suspense>
      </ScreenFailed>
    </I18nProvider>
  );
}

describe('ScreenFailed', () => {
  it('says where the screen would be that its code could not be loaded, and the rest of the window stays', async () => {
    const { rerender } = render(<Shell view="missing" />);
    const notice = await screen.findByTestId('screen-failed');
    expect(notice.textContent).toContain('This part of Tematik could not be loaded (Failed to fetch dynamically imported module: ./assets/SearchView-old.js)');
    expect(notice.textContent).toContain('Reload the window');
    expect(screen.getByTestId('sidebar')).toBeTruthy();
    // Another screen tries again.
    rerender(<Shell view="present" />);
    expect((await screen.findByTestId('present')).textContent).toBe('Themes');
    expect(screen.queryByTestId('screen-failed')).toBeNull();
  });
});
