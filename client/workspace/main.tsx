// Entry of the workspace for analysts, authors and admins (/workspace/…): mounts the app with its stylesheet.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getSession } from '../lib/workspace-api';
import { App } from './app';
import { askFirstRequests } from './early-requests';
import { preloadSection } from './sections';
import './workspace.css';
import './controls.css';

const root = document.getElementById('root');
if (!root) throw new Error('workspace/index.html lacks #root');
// The session, the open section's code and what its first screen reads are asked for at once, side by side, rather
// than one after the other once React has rendered (issue 13: the dashboard's first chart waited on each in turn).
const firstSession = getSession();
preloadSection(location.pathname);
askFirstRequests(location.pathname, location.search);
createRoot(root).render(
  <StrictMode>
    <App firstSession={firstSession} />
  </StrictMode>,
);
