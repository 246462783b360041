// The viewer's only script: filters the document list, and on a document page selects an item
// (highlights its evidence, shows its details in the panel, scrolls to it). It never turns data
// into markup: it only reads attributes the pages already hold and toggles classes.
(function () {
  'use strict';

  function fold(value) {
    return (value || '').toLowerCase().replace(/đ/g, 'd').normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }

  function documentList(table) {
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var query = document.getElementById('q');
    var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'));
    var count = document.getElementById('count');

    function apply() {
      var words = fold(query.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var ok = selects.every(function (s) { return !s.value || row.dataset[s.dataset.filter] === s.value; });
        var haystack = row.dataset.search || '';
        ok = ok && words.every(function (w) { return haystack.indexOf(w) !== -1; });
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      count.textContent = shown + ' of ' + rows.length + ' documents';
    }
    query.addEventListener('input', apply);
    selects.forEach(function (s) { s.addEventListener('change', apply); });
    document.getElementById('filters').addEventListener('submit', function (e) { e.preventDefault(); });
    apply();
  }

  function documentPage(text) {
    var panel = document.getElementById('panel');
    var current = null;

    function select(key, scroll) {
      if (!/^[a-z]+-\d+$/.test(key)) { return; }
      document.querySelectorAll('.hl.sel').forEach(function (e) { e.classList.remove('sel'); });
      document.querySelectorAll('button.item[aria-pressed=true]').forEach(function (e) { e.setAttribute('aria-pressed', 'false'); });
      var marks = text.querySelectorAll('[data-i~="' + key + '"]');
      marks.forEach(function (e) { e.classList.add('sel'); });
      var button = document.querySelector('button.item[data-item="' + key + '"]');
      if (button) {
        button.setAttribute('aria-pressed', 'true');
        var list = button.closest('details');
        if (list) { list.open = true; }
      }
      panel.querySelectorAll('[data-detail]').forEach(function (d) { d.hidden = d.dataset.detail !== key; });
      panel.hidden = false;
      current = key;
      if (history.replaceState) { history.replaceState(null, '', '#item-' + key); }
      if (scroll && marks.length) { marks[0].scrollIntoView({block: 'center'}); }
    }

    document.addEventListener('click', function (event) {
      var target = event.target;
      if (target.closest('.panel .close')) { panel.hidden = true; return; }
      var button = target.closest('[data-item]');
      if (button) { select(button.dataset.item, true); return; }
      var mark = target.closest('#text [data-i]');
      if (mark) {
        // A click in the text picks the task it belongs to, else the innermost item there.
        var keys = mark.dataset.i.split(' ');
        var task = keys.filter(function (k) { return k.indexOf('task-') === 0; })[0];
        select(task || keys[keys.length - 1], false);
      }
    });
    if (location.hash.indexOf('#item-') === 0) { select(location.hash.slice(6), true); }
    return {select: select, current: function () { return current; }};
  }

  var table = document.getElementById('doc-list');
  if (table) { documentList(table); }
  var text = document.getElementById('text');
  if (text) { window.directivesViewer = documentPage(text); }
})();
