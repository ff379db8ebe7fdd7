/**
 * Progressive enhancement of the share bar: a "copy link" button and the
 * native share sheet, shown only where the browser supports them. The plain
 * links work without this script.
 */
export function enhanceShareBars(root: ParentNode): void {
  for (const bar of root.querySelectorAll<HTMLElement>('.share-bar')) {
    const { url = location.href, title = document.title } = bar.dataset;
    const status = bar.querySelector('[data-share-status]');
    const say = (text = '') => {
      if (status) status.textContent = text;
    };
    const copy = bar.querySelector<HTMLButtonElement>('[data-share-copy]');
    if (copy && navigator.clipboard) {
      copy.hidden = false;
      copy.addEventListener('click', () =>
        navigator.clipboard.writeText(url).then(() => say(bar.dataset.copied), () => say(bar.dataset.copyFailed)),
      );
    }
    const native = bar.querySelector<HTMLButtonElement>('[data-share-native]');
    if (native && typeof navigator.share === 'function') {
      native.hidden = false;
      // A dismissed share sheet rejects; that is the reader's choice, not an error.
      native.addEventListener('click', () => navigator.share({ title, url }).catch(() => undefined));
    }
  }
}
