// The page's one script (the CSP allows no inline scripts): show the writer's words,
// highlight the quote a reason rests on (on focus, click, touch or hover), copy the words to use.
(function () {
  "use strict";

  var data = document.getElementById("source-text");
  var box = document.getElementById("source");
  // Offsets from the engine count characters (code points); JavaScript strings count UTF-16 units,
  // so an emoji before a quote would shift every highlight. Slice by code points instead.
  var chars = Array.from(data ? JSON.parse(data.textContent) : "");
  function part(a, b) { return chars.slice(a, b).join(""); }

  function parseSpans(value) {
    return value.split(",").map(function (s) { return s.split("-").map(Number); })
      .filter(function (p) { return p.length === 2 && p[0] < p[1]; })
      .sort(function (x, y) { return x[0] - y[0]; });
  }

  function show(spans, scroll) {
    if (!box) return;
    box.textContent = "";
    var pos = 0;
    spans.forEach(function (span) {
      var a = span[0], b = span[1];
      if (a < pos || a >= chars.length) return;
      box.appendChild(document.createTextNode(part(pos, a)));
      var mark = document.createElement("mark");
      mark.textContent = part(a, b);
      box.appendChild(mark);
      pos = b;
    });
    box.appendChild(document.createTextNode(part(pos)));
    var first = box.querySelector("mark");
    if (first && scroll) {
      // Scroll inside the box only, so the reader keeps their place on the page.
      box.scrollTop = Math.max(0, first.offsetTop - box.offsetTop - box.clientHeight / 3);
    }
  }

  show([], false);
  document.querySelectorAll("[data-spans]").forEach(function (el) {
    var spans = parseSpans(el.getAttribute("data-spans"));
    var highlight = function () { show(spans, true); };
    el.addEventListener("focus", highlight);
    el.addEventListener("click", highlight);
    el.addEventListener("mouseenter", highlight);
  });

  document.querySelectorAll("button[data-copy]").forEach(function (btn) {
    btn.addEventListener("click", function () {
      var source = document.getElementById(btn.getAttribute("data-copy"));
      var status = document.getElementById(btn.getAttribute("aria-describedby") || "");
      if (!source) return;
      var done = function () { if (status) status.textContent = "Copied."; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(source.textContent).then(done, function () { selectText(source); });
      } else {
        selectText(source);
        if (status) status.textContent = "Selected: copy it with your device's copy command.";
      }
    });
  });

  // A text too long to send is stopped here, with a message, rather than refused by the server
  // (which would have to answer without the text): nothing typed is lost.
  document.querySelectorAll("form[data-max-bytes]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      var maxChars = Number(form.getAttribute("data-max-chars"));
      var maxBytes = Number(form.getAttribute("data-max-bytes"));
      var fields = form.querySelectorAll("textarea, input:not([type=hidden]):not([type=submit])");
      var chars = 0, bytes = 0, longest = null;
      fields.forEach(function (f) {
        var n = f.value.length;
        chars = Math.max(chars, n);
        bytes += new Blob([f.value]).size;
        if (!longest || n > longest.value.length) longest = f;
      });
      var problem = "";
      if (chars > maxChars) {
        problem = "This is too long: clearair reads at most " + maxChars.toLocaleString("en") +
          " characters, and this is " + chars.toLocaleString("en") + ". Shorten it and send it again.";
      } else if (bytes > maxBytes) {
        problem = "This is too large to send (" + Math.ceil(bytes / 1000).toLocaleString("en") + " kB; at most " +
          Math.floor(maxBytes / 1000).toLocaleString("en") + " kB). Shorten it and send it again.";
      }
      var box = form.querySelector(".limit-error");
      if (!problem) { if (box) box.hidden = true; return; }
      event.preventDefault();
      if (!box) {
        box = document.createElement("p");
        box.className = "error limit-error";
        box.setAttribute("role", "alert");
        form.insertBefore(box, form.firstChild);
      }
      box.textContent = problem;
      box.hidden = false;
      if (longest) longest.focus();
    });
  });

  function selectText(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }
})();
