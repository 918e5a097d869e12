// Home: the rows GET /api/v1/home composed (charts for everyone, "for you" and "because you
// watched …" when signed in). Rows the gateway had to leave out (late or failing, named in
// `omitted`) are asked for again a few times, so a busy moment never leaves the page empty.

import {h, alertBox} from '../dom.js';
import {api, session, wroteWithin} from '../api.js';
import {row} from '../ui.js';

/** Seconds to wait before each new try for rows the gateway left out. */
const RETRY_AFTER = [1, 2, 4];

export async function render(main) {
  document.title = 'Marquee';
  const heading = h('h1', {class: 'visually-hidden'}, 'Home');
  main.append(heading);
  if (!session.signedIn()) {
    main.append(h('p', {class: 'intro'},
      h('a', {href: '/signup', 'data-link': true}, 'Sign up'), ' or ',
      h('a', {href: '/login', 'data-link': true}, 'log in'),
      ' and rate a few movies: your own rows appear here, and follow what you open.'));
  }
  const rows = h('div', {class: 'rows'});
  const notice = h('p', {class: 'muted', role: 'status'});
  main.append(rows, notice);
  try {
    // After a rating or a click, ask for personal rows made afresh (they may change).
    let home = await api('/home?limit=20', {fresh: wroteWithin(30_000)});
    show(rows, home);
    for (const seconds of RETRY_AFTER) {
      if (notShown(rows, home).length === 0) break;
      notice.textContent = 'Some rows are still loading…';
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      // The visitor went elsewhere meanwhile: this page's elements are gone.
      if (!heading.isConnected) return;
      const again = await api('/home?limit=20').catch(() => null);
      if (again) {
        show(rows, again);
        home = again;
      }
    }
    notice.textContent = missing(rows, home);
  } catch (error) {
    main.append(alertBox(error));
  }
}

/**
 * Adds the answer's rows that are not on the page yet, each in its place; rows already shown stay
 * as they are (a visitor may be reading or clicking them).
 */
function show(rows, home) {
  let before = rows.firstElementChild;
  for (const section of home.sections) {
    const shown = [...rows.children].find((el) => el.dataset.section === section.id);
    if (shown) {
      before = shown.nextElementSibling;
    } else {
      rows.insertBefore(row(section), before);
    }
  }
}

/** The rows the answer left out that the page does not show from an earlier answer either. */
function notShown(rows, home) {
  return home.omitted.filter((o) => ![...rows.children].some((el) => el.dataset.section.startsWith(o.id)));
}

function missing(rows, home) {
  const absent = notShown(rows, home);
  if (absent.some((o) => o.id === 'for-you') && session.signedIn()) {
    return 'Your personal picks are not available right now.';
  }
  return rows.children.length === 0 && absent.length > 0 ? 'The rows are not available right now; try again shortly.' : '';
}
