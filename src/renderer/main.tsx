import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api/createApi.js';
import { App } from './App.js';
import { useApiStore } from './stores/api.js';
import { applyTheme } from './theme.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';

applyTheme('system');
useApiStore.setState({ api: createApi() });

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element to render Rehearse into.');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
