import { hrefFor } from '../hooks/use-hash-route.js';
import type { PageEntry } from '../routes.js';

export function Sidebar({ pages, current }: { pages: readonly PageEntry[]; current: string }) {
  return (
    <nav className="sidebar" aria-label="Console sections">
      <ul>
        {pages.map((page) => (
          <li key={page.route}>
            <a
              href={hrefFor(page.route)}
              className="nav-link"
              aria-current={page.route === current ? 'page' : undefined}
            >
              {page.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
