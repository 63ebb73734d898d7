/* Kaiban host script for district portals. Include it once:
 *   <div data-kaiban data-endpoint="https://…/submissions" data-locale="zh-CN"
 *        data-entity-types="llc,sole_proprietorship" data-theme-primary="#7a1f1f"></div>
 *   <script src="https://kaiban.example.gov.cn/embed.js" defer></script>
 * Each [data-kaiban] element gets the wizard in an iframe (default) sized to its content, or,
 * with data-mode="inline", mounted into a shadow root of the element (see README).
 * Events are re-emitted on the element as kaiban:ready, kaiban:step, kaiban:draft-saved,
 * kaiban:submitted and kaiban:error (CustomEvent, bubbling; details in event.detail).
 * Changing data-locale later switches the wizard's language. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var appBase = new URL('./', script.src);
  var appOrigin = appBase.origin;
  var EVENTS = { ready: 1, step: 1, 'draft-saved': 1, submitted: 1, error: 1 };

  function readConfig(element) {
    var d = element.dataset, config = {};
    if (d.endpoint) config.endpoint = d.endpoint;
    if (d.locale) config.locale = d.locale;
    if (d.entityTypes) config.entityTypes = d.entityTypes;
    if (d.themePrimary) config.theme = { primary: d.themePrimary };
    return config;
  }

  function emit(element, type, detail) {
    element.dispatchEvent(new CustomEvent('kaiban:' + type, { detail: detail, bubbles: true }));
  }

  function embedInIframe(element, config) {
    var iframe = document.createElement('iframe');
    iframe.src = appBase.href;
    iframe.title = element.dataset.title || (config.locale === 'en' ? 'Register a business' : '企业开办');
    iframe.setAttribute('allow', 'clipboard-write');
    iframe.style.cssText = 'display:block;width:100%;height:' + (element.dataset.initialHeight || '720') + 'px;border:0;overflow:hidden';
    iframe.setAttribute('scrolling', 'no');
    element.appendChild(iframe);

    function post(type, detail) {
      if (iframe.contentWindow) iframe.contentWindow.postMessage({ kaiban: 1, type: type, detail: detail }, appOrigin);
    }

    window.addEventListener('message', function (event) {
      if (event.source !== iframe.contentWindow || event.origin !== appOrigin) return;
      var m = event.data;
      if (!m || m.kaiban !== 1 || typeof m.type !== 'string') return;
      if (m.type === 'hello') {
        post('config', config);
      } else if (m.type === 'resize') {
        var height = m.detail && m.detail.height;
        if (typeof height === 'number' && height > 0 && height < 100000) iframe.style.height = Math.ceil(height) + 'px';
      } else if (EVENTS[m.type]) {
        if (m.type === 'step' && iframe.getBoundingClientRect().top < 0) iframe.scrollIntoView({ block: 'start' });
        emit(element, m.type, m.detail);
      }
    });

    new MutationObserver(function () {
      if (element.dataset.locale) post('locale', element.dataset.locale);
    }).observe(element, { attributes: true, attributeFilter: ['data-locale'] });
  }

  function embedInPage(element, config) {
    import(new URL('kaiban-entry.js', appBase).href)
      .then(function (module) { return module.mount(element, config); })
      .catch(function (error) {
        emit(element, 'error', { code: 'load', messageZh: '无法加载企业开办服务：' + error, messageEn: 'Cannot load the registration service: ' + error });
      });
  }

  function embed(element) {
    if (element.kaibanEmbedded) return;
    element.kaibanEmbedded = true;
    var config = readConfig(element);
    if (element.dataset.mode === 'inline') embedInPage(element, config);
    else embedInIframe(element, config);
  }

  window.Kaiban = { embed: embed };
  var elements = document.querySelectorAll('[data-kaiban]');
  for (var i = 0; i < elements.length; i++) embed(elements[i]);
})();
