// The demo portal's own script: logs Kaiban's events and switches its language.
(function () {
  var host = document.getElementById('kaiban');
  var log = document.getElementById('portal-events');
  ['ready', 'step', 'draft-saved', 'submitted', 'error'].forEach(function (type) {
    host.addEventListener('kaiban:' + type, function (event) {
      var item = document.createElement('li');
      item.textContent = new Date().toLocaleTimeString() + '  kaiban:' + type + '  ' + JSON.stringify(event.detail);
      log.prepend(item);
      while (log.children.length > 30) log.lastChild.remove();
    });
  });
  var button = document.getElementById('portal-locale');
  button.addEventListener('click', function () {
    var english = host.dataset.locale !== 'en';
    host.dataset.locale = english ? 'en' : 'zh-CN';
    button.textContent = english ? '中文' : 'English';
    button.lang = english ? 'zh-CN' : 'en';
  });
})();
