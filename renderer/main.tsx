/** Web entry: mount the app. */
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('No #root element');
// No StrictMode: its double-run effects would bind each rich-text element to its editor twice.
createRoot(root).render(<App />);
