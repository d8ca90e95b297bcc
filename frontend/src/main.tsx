import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// The global styles first: every component's and feature's own styles come after them.
import '@/styles/index.css';

import { App } from '@/app';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
