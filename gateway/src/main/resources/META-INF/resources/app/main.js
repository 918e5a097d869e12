// The web app's shell: a small history-API router, the account menu and the search box.
// Every page is a view module: render(main, params) fills <main> from the public API.

import {h} from './dom.js';
import {api, logOut, session} from './api.js';
import {endSession} from './events.js';
import * as home from './views/home.js';
import * as search from './views/search.js';
import * as title from './views/title.js';
import * as me from './views/me.js';
import * as account from './views/account.js';

const routes = [
  [/^\/$/, home],
  [/^\/search$/, search],
  [/^\/movies\/([^/]+)$/, title],
  [/^\/me$/, me],
  [/^\/login$/, account.login],
  [/^\/signup$/, account.signup],
];

export function navigate(path, {replace = false} = {}) {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  render();
}

async function render() {
  const main = document.getElementById('main');
  const path = location.pathname;
  const match = routes.map(([pattern, view]) => [path.match(pattern), view]).find(([m]) => m);
  main.replaceChildren();
  main.setAttribute('aria-busy', 'true');
  try {
    if (!match) {
      document.title = 'Not found · Marquee';
      main.append(h('h1', {}, 'Page not found'), h('p', {}, h('a', {href: '/', 'data-link': true}, 'Go home')));
    } else {
      const [m, view] = match;
      await view.render(main, {
        params: m.slice(1).map(decodeURIComponent),
        query: new URLSearchParams(location.search),
        navigate,
      });
    }
  } finally {
    main.removeAttribute('aria-busy');
  }
  main.focus({preventScroll: true});
  window.scrollTo(0, 0);
}

function renderNav() {
  const nav = document.getElementById('account-nav');
  if (session.signedIn()) {
    nav.replaceChildren(
      h('a', {href: '/me', 'data-link': true}, 'My page'),
      h('button', {type: 'button', class: 'linkish', onclick: async () => {
        await endSession();
        await logOut();
        navigate('/');
      }}, 'Log out'));
  } else {
    nav.replaceChildren(
      h('a', {href: '/login', 'data-link': true}, 'Log in'),
      h('a', {href: '/signup', 'data-link': true, class: 'button'}, 'Sign up'));
  }
}

/** Type-ahead: titles as you type, arrow keys to move, Enter to open, Escape to close. */
function setUpSearch() {
  const form = document.getElementById('search-form');
  const input = document.getElementById('search-input');
  const list = document.getElementById('search-suggestions');
  let active = -1;
  let timer = null;
  let asked = 0;

  const close = () => {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (index) => {
    const options = [...list.children];
    options.forEach((o, i) => o.setAttribute('aria-selected', String(i === index)));
    active = index;
    if (options[index]) input.setAttribute('aria-activedescendant', options[index].id);
  };
  const suggest = async () => {
    const q = input.value.trim();
    if (q.length < 2) return close();
    const mine = ++asked;
    try {
      const answer = await api(`/movies/search?q=${encodeURIComponent(q)}&limit=6`);
      if (mine !== asked) return; // a newer keystroke won
      list.replaceChildren(...answer.items.map((hit, i) => h('li', {
        id: `suggestion-${i}`, role: 'option', 'aria-selected': 'false', 'data-id': hit.id,
        onmousedown: (e) => {
          e.preventDefault();
          close();
          navigate(`/movies/${encodeURIComponent(hit.id)}`);
        },
      }, hit.title, hit.year ? h('span', {class: 'muted'}, ` (${hit.year})`) : null)));
      list.hidden = answer.items.length === 0;
      input.setAttribute('aria-expanded', String(!list.hidden));
      active = -1;
    } catch {
      close();
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, 150);
  });
  input.addEventListener('keydown', (e) => {
    const count = list.children.length;
    if (e.key === 'ArrowDown' && count) {
      e.preventDefault();
      highlight((active + 1) % count);
    } else if (e.key === 'ArrowUp' && count) {
      e.preventDefault();
      highlight((active - 1 + count) % count);
    } else if (e.key === 'Escape') {
      close();
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      const id = list.children[active].dataset.id;
      close();
      navigate(`/movies/${encodeURIComponent(id)}`);
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    close();
    const q = input.value.trim();
    if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
  });
}

document.addEventListener('click', (e) => {
  const link = e.target.closest('a[data-link]');
  if (!link || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(link.getAttribute('href'));
});
window.addEventListener('popstate', render);
window.addEventListener('marquee:session', renderNav);
window.addEventListener('storage', renderNav);

renderNav();
setUpSearch();
render();
