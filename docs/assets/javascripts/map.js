/* LLM Roadmap: the map of the chapters (drawn at build time by scripts/content/chapter_map.py)
 * comes alive: each box fills with the chapter's progress, a path's route can be highlighted,
 * and a chapter's arrows light up with it. Loaded on the home page and the Map page only.
 */
(function () {
  "use strict";

  var loadProgress = window.rmProgress.load, countDone = window.rmProgress.countDone;

  /* ---------- the map: progress per chapter, a path's route, a chapter's arrows ---------- */

  function initMap(content) {
    var map = content.querySelector(".rm-map");
    if (!map || map.getAttribute("data-rm-ready")) return;
    map.setAttribute("data-rm-ready", "true");
    var nodes = Array.prototype.slice.call(map.querySelectorAll(".rm-map__node"));
    /* Each box gets its progress bar here (it only ever shows progress, which needs this script). */
    nodes.forEach(function (node) {
      var box = node.querySelector(".rm-map__box");
      var bar = document.createElementNS("http://www.w3.org/2000/svg", "rect");
      bar.setAttribute("class", "rm-map__bar");
      bar.setAttribute("x", String(Number(box.getAttribute("x")) + 6));
      bar.setAttribute("y", String(Number(box.getAttribute("y")) + Number(box.getAttribute("height")) - 6));
      bar.setAttribute("width", "0");
      bar.setAttribute("height", "3");
      bar.setAttribute("rx", "1.5");
      node.appendChild(bar);
    });
    var edges = Array.prototype.slice.call(map.querySelectorAll(".rm-map__edges path"));

    function idsOf(node) {
      var own = node.getAttribute("data-rm-map-ids");
      if (own !== null) return own.split(" ").filter(Boolean);
      /* On the home page the chapter's card already lists its resources. */
      var url = node.getAttribute("data-rm-chapter-url");
      var card = Array.prototype.filter.call(content.querySelectorAll(".rm-card"), function (c) {
        return c.getAttribute("data-rm-chapter") === url;
      })[0];
      return card ? card.getAttribute("data-rm-ids").split(" ").filter(Boolean) : [];
    }

    function render() {
      if (!map.isConnected) {
        document.removeEventListener("rm-progress", render);
        return;
      }
      var progress = loadProgress();
      nodes.forEach(function (node) {
        var ids = idsOf(node);
        var done = countDone(progress, ids);
        var box = node.querySelector(".rm-map__box");
        var full = Number(box.getAttribute("width")) - 12;
        node.querySelector(".rm-map__bar").setAttribute("width", String(Math.round(full * done / Math.max(ids.length, 1))));
        node.classList.toggle("rm-map__node--started", done > 0 && done < ids.length);
        node.classList.toggle("rm-map__node--done", ids.length > 0 && done === ids.length);
        var about = node.querySelector("desc");
        if (!about.hasAttribute("data-rm-text")) about.setAttribute("data-rm-text", about.textContent);
        about.textContent = about.getAttribute("data-rm-text") + (ids.length ? " " + done + " of " + ids.length + " resources done." : "");
      });
    }

    function near(slug, on) {
      edges.forEach(function (edge) {
        if (edge.getAttribute("data-rm-from") === slug || edge.getAttribute("data-rm-to") === slug) {
          edge.classList.toggle("is-near", on);
        }
      });
    }
    nodes.forEach(function (node) {
      var slug = node.getAttribute("data-rm-map-chapter");
      ["mouseenter", "focus"].forEach(function (type) { node.addEventListener(type, function () { near(slug, true); }); });
      ["mouseleave", "blur"].forEach(function (type) { node.addEventListener(type, function () { near(slug, false); }); });
    });

    var chooser = map.querySelector(".rm-map__routes");
    if (chooser) {
      var buttons = Array.prototype.slice.call(chooser.querySelectorAll("button"));
      buttons.forEach(function (button) {
        button.addEventListener("click", function () {
          var on = button.getAttribute("aria-pressed") !== "true";
          buttons.forEach(function (other) { other.setAttribute("aria-pressed", "false"); });
          button.setAttribute("aria-pressed", String(on));
          var route = on ? button.getAttribute("data-rm-route-chapters").split(" ") : [];
          var skim = on ? button.getAttribute("data-rm-route-skim").split(" ") : [];
          map.classList.toggle("rm-map--route", on);
          nodes.forEach(function (node) {
            var slug = node.getAttribute("data-rm-map-chapter");
            node.classList.toggle("is-on-route", route.indexOf(slug) >= 0);
            node.classList.toggle("is-skimmed", skim.indexOf(slug) >= 0);
          });
          /* The drawn arrows between two chapters of the path, and the path's own (dashed)
             connections across a chapter it skips, which the map draws for that path only. */
          var key = button.getAttribute("data-rm-route");
          edges.forEach(function (edge) {
            var paths = edge.getAttribute("data-rm-routes");
            edge.classList.toggle("is-on-route", paths !== null ? on && paths.split(" ").indexOf(key) >= 0 :
              route.indexOf(edge.getAttribute("data-rm-from")) >= 0 && route.indexOf(edge.getAttribute("data-rm-to")) >= 0);
          });
        });
      });
      chooser.hidden = false;
    }
    /* The path the placement quiz suggested starts highlighted. */
    var suggested = (loadProgress().placement || {}).path;
    var mine = suggested && map.querySelector('.rm-map__route[data-rm-route="' + suggested + '"]');
    if (mine && mine.getAttribute("aria-pressed") !== "true") mine.click();
    zoomOnNarrowScreens(map);
    document.addEventListener("rm-progress", render);
    render();
  }


  /* On a narrow screen the whole drawing fits the frame (map.css), so no name is cut; "Zoom in"
     shows it at full size in a frame that scrolls sideways, and says so. */
  function zoomOnNarrowScreens(map) {
    var frame = map.querySelector(".rm-map__frame");
    if (!frame || map.querySelector(".rm-map__zoom")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button rm-map__zoom";
    button.setAttribute("aria-pressed", "false");
    button.textContent = "Zoom in";
    var hint = document.createElement("p");
    hint.className = "rm-map__hint";
    hint.hidden = true;
    hint.textContent = "Scroll sideways to see the whole map.";
    button.addEventListener("click", function () {
      var zoomed = !map.classList.contains("rm-map--zoomed");
      map.classList.toggle("rm-map--zoomed", zoomed);
      button.setAttribute("aria-pressed", String(zoomed));
      button.textContent = zoomed ? "Fit to the screen" : "Zoom in";
      hint.hidden = !zoomed;
      if (zoomed) frame.scrollLeft = (frame.scrollWidth - frame.clientWidth) / 2;
    });
    frame.parentNode.insertBefore(button, frame);
    frame.parentNode.insertBefore(hint, frame);
  }

  /* roadmap.js (on every page, and run first: this file is deferred) calls this on each page. */
  window.rmSite.onPage("map", initMap);
})();
