import type { ReactNode } from 'react';

interface PageProps {
  id: string;
  title: string;
  /** One sentence on what this page is for. */
  lead: string;
  children: ReactNode;
  /** Tables need the room; forms read better narrow. */
  wide?: boolean;
}

/** Every page's frame. The heading takes focus on navigation (App), so it is focusable but not in the tab order. */
export function Page({ id, title, lead, children, wide }: PageProps) {
  const headingId = `${id}-heading`;
  return (
    <section className={wide ? 'page page-wide' : 'page'} aria-labelledby={headingId}>
      <header className="page-header">
        <h1 id={headingId} tabIndex={-1}>
          {title}
        </h1>
        <p className="page-lead">{lead}</p>
      </header>
      {children}
    </section>
  );
}
