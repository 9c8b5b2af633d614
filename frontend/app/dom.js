// The few DOM shorthands the islands share. User text only ever goes in through textContent.

export const $ = selector => document.querySelector(selector);

export function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text != null) node.textContent = text;
  if (className) node.className = className;
  return node;
}
