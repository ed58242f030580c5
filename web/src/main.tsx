import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The app's styles first, so that feature styles imported by the pages come after them.
import './styles.css';
import { App } from './app/App';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
