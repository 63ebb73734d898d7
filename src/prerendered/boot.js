// Inlined by tools/bake.mjs at the end of index.html's body, right after the pre-rendered copy
// of the start page; runs before the first paint. It shows the copy in the right language (or,
// for a link into a step, a loading line), and loads the wizard (wasm) only when it is needed:
// at once for a link into a step, a returning applicant (a draft, or the app already cached by
// the service worker) or a portal's frame; otherwise on the visitor's first sign of intent, so
// a visitor who only reads the start page downloads a few kilobytes. A click on the copy is
// kept and replayed on the real page (src/prerendered/mod.rs removes the copy).
(() => {
  const root = document.documentElement;
  let copy = document.querySelector('.kb-prerendered');
  const stepKey = location.hash.replace(/^#\/?/, '');
  const deepLink = stepKey !== '' && stepKey !== 'start';
  const read = (key) => { try { return localStorage.getItem(key); } catch { return null; } };
  let locale = null;
  try { locale = JSON.parse(document.querySelector('meta[name="kaiban:config"]')?.content ?? '{}').locale ?? null; } catch {}
  locale ??= read('kaiban.locale');
  const other = document.getElementById(`kb-prerendered-${locale}`);
  if (copy && other && other.content.firstElementChild) {
    const replacement = other.content.firstElementChild.cloneNode(true);
    copy.replaceWith(replacement);
    copy = replacement;
    root.lang = locale;
  }
  if (copy && deepLink) {
    const loading = document.createElement('p');
    loading.className = 'kb-loading';
    loading.textContent = copy.dataset.loading;
    copy.querySelector('.kb-page')?.replaceChildren(loading);
  }
  if (copy?.dataset.title && !deepLink) document.title = copy.dataset.title;

  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    // Fetches the wasm alongside the JS glue instead of after it (one round trip less).
    const preload = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', href: '__KAIBAN_WASM__', crossOrigin: 'anonymous' });
    document.head.append(preload);
    import('__KAIBAN_JS__')
      .then((bindings) => bindings.default({ module_or_path: '__KAIBAN_WASM__' }))
      .catch((error) => {
        started = false; // the next click tries again
        root.classList.remove('kb-waking');
        root.classList.add('kb-boot-failed');
        console.error('kaiban: the wizard could not be loaded', error);
      });
  };

  const CONTROLS = 'a[href], button, input, select, textarea, summary';
  const controls = (within) => [...within.querySelectorAll(CONTROLS)].filter((el) => !el.closest(".kb-boot-failure"));
  const find = (within, mark) => {
    const el = mark && controls(within)[mark.index];
    return el && el.textContent === mark.text ? el : null;
  };
  const markOf = (el) => ({ index: controls(copy).indexOf(el), text: el.textContent });
  let clicked = null;
  let focused = null;
  if (copy) {
    copy.addEventListener('click', (event) => {
      const target = event.target.closest(CONTROLS);
      if (!target) return;
      event.preventDefault();
      clicked = markOf(target);
      root.classList.remove('kb-boot-failed');
      root.classList.add('kb-waking');
      start();
    }, true);
    copy.addEventListener('focusin', (event) => {
      const target = event.target.closest(CONTROLS);
      focused = target ? markOf(target) : null;
    });
    document.addEventListener('kaiban:shown', () => {
      root.classList.remove('kb-waking');
      const focusTarget = document.activeElement === document.body ? find(document.body, focused) : null;
      focusTarget?.focus();
      find(document.body, clicked)?.click();
    }, { once: true });
  }

  let returning = false;
  try { returning = Boolean(read('kaiban.current_draft') || navigator.serviceWorker?.controller || window.parent !== window); } catch { returning = true; }
  if (!copy || deepLink || returning) {
    start();
    return;
  }
  const INTENT = ['pointerdown', 'pointermove', 'touchstart', 'keydown', 'wheel', 'scroll', 'focusin'];
  const onIntent = () => {
    for (const type of INTENT) removeEventListener(type, onIntent, true);
    start();
  };
  for (const type of INTENT) addEventListener(type, onIntent, { capture: true, passive: true });
  addEventListener('hashchange', start);
})();
