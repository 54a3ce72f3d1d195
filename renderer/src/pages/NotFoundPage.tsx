import { Page } from '../components/Page.js';

export function NotFoundPage({ route }: { route: string }) {
  return (
    <Page id="not-found" title="No such page" lead={`There is no page called "${route}".`}>
      <p className="card">
        Pick a section from the menu on the left, or go to <a href="#/connections">Connections</a>.
      </p>
    </Page>
  );
}
