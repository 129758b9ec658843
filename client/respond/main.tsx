// Entry of the respondent page: styles, the one outbox (which resumes unsent responses at once), and the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Never survey-core's default CSS: it loads Open Sans from Google Fonts, and the halls may have no internet.
import 'survey-core/survey-core.fontless.css';
import './respond.css';
import { createOutbox } from '../lib/send';
import { App } from './app';

const outbox = createOutbox();
outbox.start();

const root = document.getElementById('root');
if (!root) throw new Error('respond/index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <App outbox={outbox} />
  </StrictMode>,
);
