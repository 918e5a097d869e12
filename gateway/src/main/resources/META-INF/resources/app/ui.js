// Pieces several views share: a movie card, a row of cards, stars.

import {h} from './dom.js';
import {track} from './events.js';

export function stars(average) {
  if (average === undefined || average === null) return h('span', {class: 'muted'}, 'No ratings yet');
  return h('span', {class: 'stars', 'aria-label': `Rated ${average.toFixed(1)} out of 5`}, `★ ${average.toFixed(1)}`);
}

function facts(movie) {
  return [movie.year, (movie.genres || []).slice(0, 3).join(', ')].filter(Boolean).join(' · ');
}

/**
 * A card linking to the title page. `list` ({recommendationId, ids}) makes the click an event
 * carrying the list it came from, so the engine learns which suggestion worked.
 */
export function card(movie, list) {
  const average = movie.stats?.ratingAverage ?? movie.averageRating ?? movie.ratingAverage;
  const link = h('a', {href: `/movies/${encodeURIComponent(movie.id ?? movie.itemId)}`, 'data-link': true, class: 'card-link'},
    h('span', {class: 'card-title'}, movie.title ?? movie.id ?? movie.itemId));
  if (list) {
    link.addEventListener('click', () => track('click', movie.id ?? movie.itemId,
      {recommendationId: list.recommendationId, impression: list.ids}));
  }
  const item = h('li', {class: 'card'},
    h('span', {class: 'poster', 'aria-hidden': 'true'}, (movie.title ?? '?').slice(0, 1)),
    link,
    h('span', {class: 'card-facts'}, facts(movie)),
    average !== undefined ? stars(average) : null);
  // Through the CSSOM, not a style attribute: the page's CSP allows no inline styles.
  item.style.setProperty('--hue', hue(movie.title ?? ''));
  return item;
}

/** A titled row of cards; `source` says how the list was made (shown small, for the curious). */
export function row({id, title, items, recommendationId, source}) {
  const ids = items.map((m) => String(m.id ?? m.itemId));
  const headingId = `row-${id}`;
  return h('section', {class: 'row', 'aria-labelledby': headingId, 'data-section': id},
    h('div', {class: 'row-head'},
      h('h2', {id: headingId}, title),
      source ? h('span', {class: 'source', title: 'How this list was made'}, source) : null),
    items.length
      ? h('ul', {class: 'cards'}, items.map((m) => card(m, {recommendationId, ids})))
      : h('p', {class: 'muted'}, 'Nothing here yet.'));
}

/** A stable colour per title, so cards are told apart without images. */
function hue(text) {
  let sum = 0;
  for (const c of text) sum = (sum * 31 + c.codePointAt(0)) % 360;
  return sum;
}
