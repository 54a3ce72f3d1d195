import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { ApiProvider } from './client/context.js';
import { createConsoleClient, stripSecretFromAddressBar } from './client/create-client.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

try {
  const client = createConsoleClient(window);
  if (client.transport === 'http') stripSecretFromAddressBar(window);
  createRoot(root).render(
    <StrictMode>
      <ApiProvider api={client.api}>
        <App />
      </ApiProvider>
    </StrictMode>,
  );
} catch (error) {
  // Without an API there is no console to show; say why instead of leaving a blank window.
  root.textContent = `The console could not start: ${(error as Error).message}`;
  throw error;
}
