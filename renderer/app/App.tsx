/** The app: start screen or a document, in the chosen interface language. */
import { I18nProvider } from '../i18n/I18n';
import { EditorScreen } from '../editor/EditorScreen';
import { StartScreen } from '../start/StartScreen';
import { isJoinLocation, JoinScreen } from '../workshop';
import { useRoute } from './router';
import { ToastProvider } from './Toast';

export function App() {
  const route = useRoute();
  return (
    <I18nProvider>
      <ToastProvider>
        {route.name === 'document' ? (
          <EditorScreen key={route.id} id={route.id} />
        ) : isJoinLocation() ? (
          <JoinScreen />
        ) : (
          <StartScreen />
        )}
      </ToastProvider>
    </I18nProvider>
  );
}
