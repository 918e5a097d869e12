// Home: the rows GET /api/v1/home composed (charts for everyone, "for you" and "because you
// watched …" when signed in). Rows the gateway had to leave out are simply not shown.

import {h, alertBox} from '../dom.js';
import {api, session, wroteWithin} from '../api.js';
import {row} from '../ui.js';

export async function render(main) {
  document.title = 'Marquee';
  main.append(h('h1', {class: 'visually-hidden'}, 'Home'));
  if (!session.signedIn()) {
    main.append(h('p', {class: 'intro'},
      h('a', {href: '/signup', 'data-link': true}, 'Sign up'), ' or ',
      h('a', {href: '/login', 'data-link': true}, 'log in'),
      ' and rate a few movies: your own rows appear here, and follow what you open.'));
  }
  try {
    // After a rating or a click, ask for personal rows made afresh (they may change).
    const home = await api('/home?limit=20', {fresh: wroteWithin(30_000)});
    for (const section of home.sections) {
      main.append(row(section));
    }
    if (home.omitted.some((o) => o.id === 'for-you') && session.signedIn()) {
      main.append(h('p', {class: 'muted'}, 'Your personal picks are not available right now.'));
    }
  } catch (error) {
    main.append(alertBox(error));
  }
}
