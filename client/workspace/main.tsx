// Entry of the workspace for analysts, authors and admins (/workspace/…): mounts the app with its stylesheet.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './workspace.css';
import './controls.css';

const root = document.getElementById('root');
if (!root) throw new Error('workspace/index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
