// Inlined by tools/bake.mjs at the end of index.html's body, right after the pre-rendered copy
// of the start page; runs before the first paint. It shows the copy in the right language (or,
// for a link into a step, that step's last screen or a loading line), and loads the wizard
// (wasm) only when it is needed: at once for a link into a step, a returning applicant (a
// draft, or the app already cached by the service worker) or a portal's frame; otherwise on
// the visitor's first sign of intent, so a visitor who only reads the start page downloads a
// few kilobytes. A click on the copy is kept and replayed on the real page
// (src/prerendered/mod.rs removes the copy).
(() => {
  const root = document.documentElement;
  let copy = document.querySelector('.kb-prerendered');
  const stepKey = location.hash.replace(/^#\/?/, '').split('?')[0];
  const deepLink = stepKey !== '' && stepKey !== 'start';
  const read = (key) => { try { return localStorage.getItem(key); } catch { return null; } };
  let locale = null;
  try { locale = JSON.parse(document.querySelector('meta[name="kaiban:config"]')?.content ?? '{}').locale ?? null; } catch {}
  locale ??= read('kaiban.locale');
  let viewDrawn = false;
  try {
    const other = document.getElementById(`kb-prerendered-${locale}`);
    if (copy && other && other.content.firstElementChild) {
      const replacement = other.content.firstElementChild.cloneNode(true);
      copy.replaceWith(replacement);
      copy = replacement;
      root.lang = locale;
    }
    if (copy && deepLink) {
      const page = copy.querySelector('.kb-page');
      const view = stepView(locale ?? 'zh-CN');
      if (page && view) {
        page.replaceWith(view);
        root.classList.add('kb-waking');
        viewDrawn = true;
      } else {
        const loading = document.createElement('p');
        loading.className = 'kb-loading';
        loading.textContent = copy.dataset.loading;
        page?.replaceChildren(loading);
      }
    }
    if (copy?.dataset.title && !deepLink) document.title = copy.dataset.title;
  } finally {
    root.classList.remove('kb-booting');
  }

  // What a link into a step will show, drawn before the wizard arrives: the applicant's own
  // last screen (src/prerendered/resume_view.rs) if it is this step of their current draft, or
  // for a new visitor the first step, where the app sends every link into the wizard. Inert
  // until the app replaces it.
  function stepView(tag) {
    const draft = read('kaiban.current_draft');
    let html = null;
    try {
      const view = JSON.parse(read('kaiban.resume_view'));
      if (view?.format === 1 && draft && view.draft === draft && view.step === stepKey && view.locale === tag) html = view.html;
    } catch {}
    let firstStep = false;
    if (!html && !draft && !['drafts', 'sign-request', 'receipt', 'case'].includes(stepKey)) {
      html = document.getElementById(`kb-first-step-${tag}`)?.innerHTML;
      firstStep = true;
    }
    if (!html) return null;
    const parsed = document.createElement('template');
    parsed.innerHTML = html;
    const view = parsed.content.firstElementChild;
    if (!view?.classList.contains('kb-page')) return null;
    for (const el of view.querySelectorAll('[data-kb-style]')) el.style.cssText = el.dataset.kbStyle;
    if (firstStep) {
      // The first step is one question of choices: it takes the answer (and a click on
      // Continue) at once, so a new visitor on a slow phone is not kept waiting for the
      // wizard; both are handed to the app when it arrives (below). One name makes the copy's
      // radios one group, as the live ones are, for the arrow keys; the copy carries no ids,
      // so its labels and hints are tied to their radios, and the question's hint to the
      // question, here.
      view.classList.add('kb-early');
      const describe = (el, hint, id) => {
        if (!el || !hint) return;
        hint.id = id;
        el.setAttribute('aria-describedby', id);
      };
      const question = view.querySelector('fieldset');
      describe(question, question?.querySelector(':scope > .kb-hint'), 'kb-early-hint');
      view.querySelectorAll('.kb-radio').forEach((option, i) => {
        const radio = option.querySelector('input[type="radio"]');
        const label = option.querySelector('label');
        if (!radio || !label) return;
        radio.name = 'kb-early-choice';
        radio.id = `kb-early-choice-${i}`;
        label.htmlFor = radio.id;
        describe(radio, option.querySelector('.kb-radio-hint'), `${radio.id}-hint`);
      });
    } else {
      view.inert = true;
      view.setAttribute('aria-busy', 'true');
    }
    return view;
  }

  // The wasm, downloaded from here at once and compiled in src/prerendered/compile-worker.js
  // (the download streamed to it); resolves to the compiled module, or where workers or
  // transferable streams fail, to what the JS glue can compile here (the response or the URL).
  const compileElsewhere = () => new Promise((resolve) => {
    const wasm = new URL('__KAIBAN_WASM__', location.href).href;
    fetch(wasm).then((response) => {
      if (!response.ok || !response.body) return resolve(wasm);
      let worker;
      try {
        worker = new Worker('__KAIBAN_COMPILER__');
        worker.postMessage(response.body, [response.body]);
      } catch {
        worker?.terminate();
        return resolve(response);
      }
      worker.onmessage = ({ data }) => {
        resolve(data instanceof WebAssembly.Module ? data : wasm);
        worker.terminate();
      };
      worker.onerror = () => resolve(wasm);
    }, () => resolve(wasm));
  });

  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    const compiled = compileElsewhere();
    import('__KAIBAN_JS__')
      .then(async (bindings) => bindings.default({ module_or_path: await compiled }))
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
  let chosen = null;
  if (copy) {
    copy.addEventListener('click', (event) => {
      // The early first step's choices work where they are; `change` below remembers them.
      if (event.target.closest('.kb-early .kb-radio')) return;
      const target = event.target.closest(CONTROLS);
      if (!target) return;
      event.preventDefault();
      clicked = markOf(target);
      root.classList.remove('kb-boot-failed');
      root.classList.add('kb-waking');
      start();
    }, true);
    // By tap, click, label or arrow key: each ends in a `change` of the chosen radio.
    copy.addEventListener('change', (event) => {
      if (event.target.matches('.kb-early input[type="radio"]')) chosen = event.target.value;
    });
    copy.addEventListener('focusin', (event) => {
      const target = event.target.closest(CONTROLS);
      focused = target ? markOf(target) : null;
    });
    document.addEventListener('kaiban:shown', () => {
      root.classList.remove('kb-waking');
      const focusTarget = document.activeElement === document.body ? find(document.body, focused) : null;
      focusTarget?.focus();
      if (chosen) {
        const live = [...document.querySelectorAll('main input[type="radio"]')].find((r) => r.value === chosen);
        if (live && !live.checked) live.click();
        if (focusTarget?.type === 'radio') live?.focus();
      }
      find(document.body, clicked)?.click();
    }, { once: true });
  }

  let returning = false;
  try { returning = Boolean(read('kaiban.current_draft') || navigator.serviceWorker?.controller || window.parent !== window); } catch { returning = true; }
  if (!copy || deepLink || returning) {
    // With a screen to show, it is painted first: the wasm would take the bandwidth the
    // stylesheet needs.
    if (viewDrawn) requestAnimationFrame(() => setTimeout(start));
    else start();
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
