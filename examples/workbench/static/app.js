// The workbench's only script: it polls the facilitator's live view and
// posts the walking weights. The server does every computation; this file
// only renders what it answers, with textContent (never as HTML).
"use strict";
(function () {
  function cell(tr, text) { var td = document.createElement("td"); td.textContent = text; tr.appendChild(td); return td; }
  function pct(x) { return (x === null || x === undefined) ? "" : (100 * x).toFixed(1) + "%"; }
  function renderRanking(rows) {
    var body = document.querySelector("#ranking tbody");
    if (!body) { return; }
    body.textContent = "";
    rows.forEach(function (r) {
      var tr = document.createElement("tr");
      cell(tr, String(r.rank)); cell(tr, r.name); cell(tr, r.score.toFixed(3));
      body.appendChild(tr);
    });
  }
  var live = document.getElementById("live");
  var walking = false;
  if (live) {
    var poll = function () {
      fetch(live.dataset.url, { credentials: "same-origin" }).then(function (r) { return r.ok ? r.json() : null; }).then(function (g) {
        if (!g) { return; }
        var body = document.querySelector("#stakeholders tbody");
        body.textContent = "";
        g.stakeholders.forEach(function (s) {
          var tr = document.createElement("tr");
          cell(tr, s.name + (s.finished ? " ✓" : ""));
          cell(tr, String(s.answered));
          // cr is null until the answers link every criterion.
          cell(tr, typeof s.cr === "number" ? s.cr.toFixed(2) + (s.consistent ? "" : " ⚠") : "—");
          cell(tr, s.included && g.included > 1 ? s.distance.toFixed(3) : "");
          for (var i = 0; i < g.criteria.length; i++) { cell(tr, s.weights ? pct(s.weights[i]) : ""); }
          var form = document.createElement("form");
          form.method = "post";
          form.action = live.dataset.base + "stakeholders/" + s.id + "/link";
          var tok = document.createElement("input");
          tok.type = "hidden"; tok.name = "csrf"; tok.value = live.dataset.csrf;
          var btn = document.createElement("button");
          btn.type = "submit"; btn.textContent = "New link";
          form.appendChild(tok); form.appendChild(btn);
          cell(tr, "").appendChild(form);
          body.appendChild(tr);
        });
        var gtds = document.querySelectorAll("#group-row td");
        for (var i = 0; i < g.criteria.length; i++) { if (gtds[3 + i]) { gtds[3 + i].textContent = g.weights ? pct(g.weights[i]) : ""; } }
        var c = document.getElementById("consensus");
        if (c) {
          c.textContent = g.kendall_w !== null
            ? "Agreement on the order of the criteria (Kendall's W): " + g.kendall_w.toFixed(2) + ". Furthest from the group: " + g.outlier + ", most on " + g.outlier_criterion + "."
            : g.included + " of " + g.stakeholders.length + " stakeholders have answered enough to count.";
        }
        if (!walking && g.weights) {
          document.getElementById("ranking-title").textContent = "Ranking under the group's weights";
          renderRanking(g.ranking);
        }
      }).catch(function () {});
    };
    setInterval(poll, 3000);
  }
  var walk = document.getElementById("walk");
  if (walk) {
    var timer = null;
    walk.addEventListener("input", function (ev) {
      var out = ev.target.parentNode.querySelector("output");
      if (out) { out.textContent = ev.target.value; }
      walking = true;
      clearTimeout(timer);
      timer = setTimeout(function () {
        fetch(walk.dataset.url, { method: "POST", credentials: "same-origin", body: new URLSearchParams(new FormData(walk)) })
          .then(function (r) { return r.json(); })
          .then(function (res) {
            if (res.error) { return; }
            document.getElementById("ranking-title").textContent = "Ranking under the weights of the sliders";
            renderRanking(res.ranking);
          }).catch(function () {});
      }, 150);
    });
  }
})();
