// Log in and sign up. Errors are the API's own problem+json texts, next to the form.

import {h, alertBox, announce} from '../dom.js';
import {api, logIn} from '../api.js';

function field(label, input) {
  return h('label', {class: 'field'}, h('span', {}, label), input);
}

function form(title, fields, submitLabel, submit) {
  const errors = h('div', {'aria-live': 'assertive'});
  const button = h('button', {type: 'submit'}, submitLabel);
  const element = h('form', {class: 'panel', novalidate: false}, h('h1', {}, title), errors, ...fields, button);
  element.addEventListener('submit', async (e) => {
    e.preventDefault();
    errors.replaceChildren();
    button.disabled = true;
    try {
      await submit(new FormData(element));
    } catch (error) {
      errors.replaceChildren(alertBox(error));
    } finally {
      button.disabled = false;
    }
  });
  return element;
}

export const login = {
  async render(main, {navigate}) {
    document.title = 'Log in · Marquee';
    main.append(form('Log in', [
      field('E-mail', h('input', {name: 'email', type: 'email', autocomplete: 'username', required: true})),
      field('Password', h('input', {name: 'password', type: 'password', autocomplete: 'current-password', required: true})),
    ], 'Log in', async (data) => {
      await logIn(data.get('email'), data.get('password'));
      announce('Logged in');
      navigate('/', {replace: true});
    }), h('p', {}, 'New here? ', h('a', {href: '/signup', 'data-link': true}, 'Sign up')));
  },
};

export const signup = {
  async render(main, {navigate}) {
    document.title = 'Sign up · Marquee';
    const gender = h('select', {name: 'gender', required: true},
      ['unspecified', 'female', 'male', 'non-binary', 'other'].map((g) => h('option', {value: g}, g)));
    main.append(form('Sign up', [
      field('Name', h('input', {name: 'name', autocomplete: 'name', required: true, maxlength: 100})),
      field('Age', h('input', {name: 'age', type: 'number', min: 13, max: 120, required: true, inputmode: 'numeric'})),
      field('Gender', gender),
      field('E-mail', h('input', {name: 'email', type: 'email', autocomplete: 'email', required: true, maxlength: 254})),
      field('Password (8 characters or more)', h('input', {name: 'password', type: 'password',
        autocomplete: 'new-password', required: true, minlength: 8})),
    ], 'Create account', async (data) => {
      const email = data.get('email');
      const password = data.get('password');
      await api('/auth/signup', {method: 'POST', body: {
        name: data.get('name'), age: Number(data.get('age')), gender: data.get('gender'), email, password,
      }});
      await logIn(email, password);
      announce('Account created; you are logged in');
      navigate('/', {replace: true});
    }), h('p', {}, 'Have an account? ', h('a', {href: '/login', 'data-link': true}, 'Log in')));
  },
};
