// A title: details and average rating, my rating and review (set, change, remove), others'
// reviews, and similar titles (re-ranked for me when signed in). Opening it is a "view" event.

import {h, alertBox, announce} from '../dom.js';
import {api, session} from '../api.js';
import {track} from '../events.js';
import {row, stars} from '../ui.js';

const RATINGS = ['0.5', '1.0', '1.5', '2.0', '2.5', '3.0', '3.5', '4.0', '4.5', '5.0'];

export async function render(main, {params}) {
  const [id] = params;
  const path = `/movies/${encodeURIComponent(id)}`;
  let movie;
  try {
    movie = await api(path);
  } catch (error) {
    document.title = 'Not found · Marquee';
    main.append(h('h1', {}, error.status === 404 ? 'No such title' : 'This title could not be loaded'), alertBox(error));
    return;
  }
  document.title = `${movie.title} · Marquee`;
  track('view', movie.id);
  const stats = movie.stats || {};
  main.append(h('article', {class: 'title-page'},
    h('h1', {}, movie.title, movie.year ? h('span', {class: 'muted'}, ` (${movie.year})`) : null),
    h('p', {class: 'facts'}, (movie.genres || []).join(', ')),
    h('p', {}, stars(stats.ratingAverage), ' ',
      h('span', {class: 'muted'}, `${stats.ratingCount ?? 0} ratings · ${stats.viewCount ?? 0} views`)),
    movie.reviewSummary ? summary(movie.reviewSummary) : null));

  const mine = h('section', {class: 'panel', 'aria-labelledby': 'mine-head'}, h('h2', {id: 'mine-head'}, 'Your rating'));
  main.append(mine);
  await renderMine(mine, path);

  const reviews = h('section', {'aria-labelledby': 'reviews-head'}, h('h2', {id: 'reviews-head'}, 'Reviews'));
  const similar = h('div');
  main.append(reviews, similar);
  await Promise.all([renderReviews(reviews, path), renderSimilar(similar, path)]);
}

/** The reviews at a glance: sentiment shares and the most helpful excerpt on each side. */
function summary(s) {
  const share = (x) => `${Math.round((x ?? 0) * 100)}%`;
  const excerpt = (label, e) => e && h('blockquote', {class: 'excerpt'},
    h('p', {}, e.text), h('footer', {class: 'muted'}, `${label} · ${e.rating} ★ · ${e.helpful} found it helpful`));
  return h('section', {class: 'summary', 'aria-label': 'Reviews at a glance'},
    h('p', {class: 'muted'}, `${s.reviews} reviews: ${share(s.positiveShare)} positive, ${share(s.negativeShare)} negative`),
    excerpt('Most helpful positive review', s.mostHelpfulPositive),
    excerpt('Most helpful negative review', s.mostHelpfulNegative));
}

async function renderMine(panel, path) {
  if (!session.signedIn()) {
    panel.append(h('p', {}, h('a', {href: '/login', 'data-link': true}, 'Log in'), ' to rate this title.'));
    return;
  }
  let current = null;
  try {
    current = await api(`${path}/rating`);
  } catch (error) {
    if (error.status !== 404) panel.append(alertBox(error));
  }
  const rating = h('select', {name: 'rating', id: 'my-rating', required: true},
    h('option', {value: ''}, 'Choose…'),
    RATINGS.map((r) => h('option', {value: r, selected: current && Number(r) === current.rating}, `${r} ★`)));
  const review = h('textarea', {name: 'review', id: 'my-review', maxlength: 2000, rows: 3},
    current?.review ?? '');
  const message = h('div', {'aria-live': 'polite'});
  const remove = h('button', {type: 'button', class: 'secondary', hidden: !current}, 'Remove my rating');
  const form = h('form', {class: 'rate'},
    h('label', {class: 'field', for: 'my-rating'}, h('span', {}, 'Stars'), rating),
    h('label', {class: 'field', for: 'my-review'}, h('span', {}, 'Review (optional)'), review),
    h('div', {class: 'actions'}, h('button', {type: 'submit'}, current ? 'Update rating' : 'Save rating'), remove),
    message);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    message.replaceChildren();
    try {
      const text = review.value.trim();
      await api(`${path}/rating`, {method: 'PUT', body: {rating: Number(rating.value), review: text || null}});
      remove.hidden = false;
      message.replaceChildren(h('p', {class: 'ok'}, 'Saved.'));
      announce('Rating saved');
    } catch (error) {
      message.replaceChildren(alertBox(error));
    }
  });
  remove.addEventListener('click', async () => {
    message.replaceChildren();
    try {
      await api(`${path}/rating`, {method: 'DELETE'});
      rating.value = '';
      review.value = '';
      remove.hidden = true;
      message.replaceChildren(h('p', {class: 'ok'}, 'Removed.'));
      announce('Rating removed');
    } catch (error) {
      message.replaceChildren(alertBox(error));
    }
  });
  panel.append(form);
}

async function renderReviews(section, path) {
  try {
    const page = await api(`${path}/reviews?limit=10`);
    if (!page.items.length) {
      section.append(h('p', {class: 'muted'}, 'No reviews yet.'));
      return;
    }
    section.append(h('ul', {class: 'reviews'}, page.items.map((r) => h('li', {},
      h('p', {}, r.review),
      h('p', {class: 'muted'}, `${r.rating} ★`, r.sentiment ? ` · ${r.sentiment}` : '',
        r.updatedAt ? ` · ${new Date(r.updatedAt).toLocaleDateString()}` : '')))));
  } catch (error) {
    section.append(alertBox(error));
  }
}

async function renderSimilar(container, path) {
  try {
    const answer = await api(`${path}/similar?limit=12`);
    container.append(row({
      id: 'similar', title: 'Similar titles', items: answer.items || [],
      recommendationId: answer.recommendationId, source: answer.source,
    }));
  } catch {
    // No similar titles (the service is down or not deployed): the page is whole without them.
  }
}
