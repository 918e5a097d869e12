// My page: profile, recently viewed, recently rated and past sessions. Signed-in only.

import {h, alertBox} from '../dom.js';
import {api, movie, session} from '../api.js';

export async function render(main, {navigate}) {
  if (!session.signedIn()) {
    navigate('/login', {replace: true});
    return;
  }
  document.title = 'My page · Marquee';
  main.append(h('h1', {}, 'My page'));
  try {
    const [me, history] = await Promise.all([api('/me'), api('/me/history')]);
    main.append(h('section', {class: 'panel', 'aria-labelledby': 'profile-head'},
      h('h2', {id: 'profile-head'}, 'Profile'),
      h('dl', {class: 'profile'},
        h('dt', {}, 'Name'), h('dd', {}, me.name),
        h('dt', {}, 'E-mail'), h('dd', {}, me.email),
        h('dt', {}, 'Member since'), h('dd', {}, new Date(me.createdAt).toLocaleDateString()))));
    main.append(await titled('viewed', 'Recently viewed', history.viewed || [], (v) => ''));
    main.append(await titled('rated', 'Recently rated', history.rated || [], (r) => ` — ${r.rating} ★`));
  } catch (error) {
    main.append(alertBox(error));
    return;
  }
  await sessions(main);
}

/** A list of history entries (ids only) with each movie's title looked up. */
async function titled(id, heading, entries, suffix) {
  const shown = entries.slice(0, 20);
  const titles = await Promise.all(shown.map((e) => movie(e.itemId).then((m) => m.title, () => e.itemId)));
  return h('section', {'aria-labelledby': `${id}-head`, 'data-section': id},
    h('h2', {id: `${id}-head`}, heading),
    shown.length
      ? h('ul', {class: 'plain'}, shown.map((e, i) => h('li', {},
        h('a', {href: `/movies/${encodeURIComponent(e.itemId)}`, 'data-link': true}, titles[i]), suffix(e),
        h('span', {class: 'muted'}, ` · ${new Date(e.at).toLocaleString()}`))))
      : h('p', {class: 'muted'}, 'Nothing yet.'));
}

async function sessions(main) {
  try {
    const answer = await api('/me/sessions?limit=10');
    const items = answer.items || [];
    main.append(h('section', {'aria-labelledby': 'sessions-head'},
      h('h2', {id: 'sessions-head'}, 'Past sessions'),
      items.length
        ? h('ul', {class: 'plain'}, items.map((s) => h('li', {},
          `${new Date(s.start).toLocaleString()} · ${Math.max(1, Math.round(s.durationSeconds / 60))} min · `
          + `${s.events} events${s.entryPage ? ` · started at ${s.entryPage}` : ''}`)))
        : h('p', {class: 'muted'}, 'No closed sessions yet.')));
  } catch {
    // Sessions come from the clickstream service; without it the page shows the rest.
  }
}
