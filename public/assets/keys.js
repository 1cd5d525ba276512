// "/" focuses the header search box from anywhere, unless the reader is typing in a field.
document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  const box = document.getElementById('search-input') ?? document.getElementById('site-search');
  if (box) {
    event.preventDefault();
    box.focus();
  }
});
