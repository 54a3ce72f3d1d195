import { useEffect, useRef } from 'react';
import { AppHeader } from './components/AppHeader.js';
import { Sidebar } from './components/Sidebar.js';
import { StatusBar } from './components/StatusBar.js';
import { useHashRoute } from './hooks/use-hash-route.js';
import { useWorkspaceReload } from './hooks/use-workspace-reload.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { pageFor, pages } from './routes.js';

export function App() {
  const route = useHashRoute();
  const page = pageFor(route);
  const main = useRef<HTMLElement>(null);
  const focusedRoute = useRef(route);
  useWorkspaceReload();

  useEffect(() => {
    document.title = `${page?.label ?? 'No such page'} · SFHS Sync Console`;
    // After a navigation (not on the first load), move focus to the new heading so keyboard and screen-reader
    // users land on the page they chose instead of staying in the menu. Comparing routes, not counting renders,
    // keeps this right under StrictMode's double effects.
    if (focusedRoute.current === route) return;
    focusedRoute.current = route;
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [route, page]);

  return (
    <div className="shell">
      {/* A button, not a #main link: the hash belongs to the router. */}
      <button type="button" className="skip-link" onClick={() => main.current?.focus()}>
        Skip to content
      </button>
      <AppHeader />
      <Sidebar pages={pages} current={page?.route ?? ''} />
      <main id="main" ref={main} tabIndex={-1} className="content">
        {page ? <page.Component /> : <NotFoundPage route={route} />}
      </main>
      <StatusBar />
    </div>
  );
}
