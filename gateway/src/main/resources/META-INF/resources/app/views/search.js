// Search results: title search, last word as a prefix, paged with the API's cursor.

import {h, alertBox} from '../dom.js';
import {api} from '../api.js';
import {card} from '../ui.js';

export async function render(main, {query}) {
  const q = (query.get('q') || '').trim();
  document.title = q ? `“${q}” · Marquee` : 'Search · Marquee';
  document.getElementById('search-input').value = q;
  const list = h('ul', {class: 'cards wrap'});
  main.append(h('h1', {}, q ? `Titles matching “${q}”` : 'Search'), list);
  if (!q) {
    main.append(h('p', {class: 'muted'}, 'Type a title in the search box above.'));
    return;
  }
  const more = h('button', {type: 'button'}, 'More results');
  let cursor = null;
  const load = async () => {
    try {
      const page = await api(`/movies/search?q=${encodeURIComponent(q)}&limit=24${cursor ? `&cursor=${cursor}` : ''}`);
      list.append(...page.items.map((hit) => card(hit)));
      cursor = page.nextCursor;
      more.hidden = !cursor;
      if (!list.children.length) main.append(h('p', {}, 'No titles match.'));
    } catch (error) {
      main.append(alertBox(error));
      more.hidden = true;
    }
  };
  more.addEventListener('click', load);
  main.append(more);
  await load();
}
