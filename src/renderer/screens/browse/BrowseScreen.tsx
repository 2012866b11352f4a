import { useEffect } from 'react';
import { useBrowseStore } from '../../stores/browse.js';
import { BrowseFilters } from './BrowseFilters.js';
import { CardDetail } from './CardDetail.js';
import { CardList } from './CardList.js';
import { useBrowseKeys } from './useBrowseKeys.js';
import './browse.css';

/** Every card with filters, a list and the opened card, like Anki's Browse window. */
export function BrowseScreen() {
  const status = useBrowseStore((state) => state.status);
  useBrowseKeys();

  useEffect(() => {
    // Coming back shows fresh states and due dates but keeps the filters and selection.
    void useBrowseStore.getState().start();
  }, []);

  return (
    <div className="browse">
      <BrowseFilters />
      <div className="browse-main">
        <CardList />
        <CardDetail />
      </div>
      <p className="visually-hidden" role="status" data-testid="browse-status">
        {status}
      </p>
    </div>
  );
}

export default BrowseScreen;
