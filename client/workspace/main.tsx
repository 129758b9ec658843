// Entry of the workspace for analysts, authors and admins (/workspace/…): mounts the app with its stylesheet.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getSession } from '../lib/workspace-api';
import { App } from './app';
import { preloadSection } from './sections';
import './workspace.css';
import './controls.css';

const root = document.getElementById('root');
if (!root) throw new Error('workspace/index.html lacks #root');
// The session and the open section's code are asked for at once, side by side, rather than one after the other
// once React has rendered (the dashboard's first chart came ~0.5 s sooner, issue 13).
const firstSession = getSession();
preloadSection(location.pathname);
createRoot(root).render(
  <StrictMode>
    <App firstSession={firstSession} />
  </StrictMode>,
);
