// Building the page from data without innerHTML: every text a service returns goes in as text,
// so a title or review can never become markup (and the CSP forbids inline script anyway).

/** h('a', {href: '/x', class: 'c'}, 'text', child) → an element. Attributes starting with "on" are listeners. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Tells screen readers what just happened (saved, logged in, an error). */
export function announce(text) {
  const region = document.getElementById('announce');
  region.textContent = '';
  // A new text node after a tick is what makes assistive tech read it again.
  setTimeout(() => { region.textContent = text; }, 50);
}

/** A problem+json error (or any error) as a message for the person using the page. */
export function errorMessage(error) {
  if (error && error.problem) {
    const fields = (error.problem.errors || []).map((e) => `${e.field}: ${e.message}`);
    return [error.problem.detail || error.problem.title, ...fields].filter(Boolean).join(' — ');
  }
  return 'Something went wrong. Please try again.';
}

export function alertBox(error) {
  return h('p', {class: 'alert', role: 'alert'}, errorMessage(error));
}
