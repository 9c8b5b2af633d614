// Starts an island once the document is parsed: init(root) for the element marked data-island="name", if any.
export function startIsland(name, init) {
  const start = () => {
    const root = document.querySelector('[data-island="' + name + '"]');
    if (root) init(root);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
}
