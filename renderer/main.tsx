/** Web entry: mount the app. */
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { installDesktopPlatform } from './platform/electronPlatform';
import './styles/app.css';
import { installWorkshop } from './workshop';

// In the desktop app the preload's API is present and the IPC platform is used; in a browser
// this is a no-op and the web platform (IndexedDB, downloads, a PDF worker) applies.
installDesktopPlatform();
installWorkshop();

const root = document.getElementById('root');
if (!root) throw new Error('No #root element');
// No StrictMode: its double-run effects would bind each rich-text element to its editor twice.
createRoot(root).render(<App />);
