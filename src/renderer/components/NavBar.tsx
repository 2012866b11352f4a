import { useNavigation, type Screen } from '../stores/navigation.js';
import '../styles/nav.css';

const ITEMS: { screen: Screen; label: string }[] = [
  { screen: 'home', label: 'Home' },
  { screen: 'review', label: 'Review' },
  { screen: 'browse', label: 'Browse' },
  { screen: 'interview', label: 'Interview' },
  { screen: 'stats', label: 'Statistics' },
  { screen: 'settings', label: 'Settings' },
];

/** The top navigation bar. The current screen's button carries aria-current. */
export function NavBar() {
  const screen = useNavigation((state) => state.screen);
  const go = useNavigation((state) => state.go);

  return (
    <header className="top-bar">
      <span className="app-name">Rehearse</span>
      <nav aria-label="Main">
        <ul className="nav-list">
          {ITEMS.map((item) => (
            <li key={item.screen}>
              <button
                type="button"
                className="nav-button"
                aria-current={item.screen === screen ? 'page' : undefined}
                onClick={() => go(item.screen)}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
