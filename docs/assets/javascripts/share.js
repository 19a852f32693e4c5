/* LLM Roadmap: progress that travels. "Continue on another device" makes a link holding the
 * reader's progress and quiz results after the #, which browsers never send to a server, and
 * draws its QR code with the vendored qrcode-generator; opening such a link offers to merge or
 * replace. roadmap.js loads it only when needed: on that button's click, or when the page's
 * address carries progress.
 */
(function () {
  "use strict";

  var store = window.rmProgress, codec = window.rmStore;
  var loadProgress = store.load, saveProgress = store.save, emptyProgress = store.empty,
    mergeProgress = store.merge, quizAnswers = store.quizAnswers;

  /* ---------- progress that travels: a link (and its QR code) carrying it in the #fragment ---------- */

  /* The fragment never reaches a server. Its format, limits and validation are store.js's
     (encodeFragment, decodeFragment): a link is anyone's input, so what it carries is checked
     whole before it can reach the reader's progress. */
  var SHARE_KEY = "progress=";

  /* The published slot list that compact links are bits over (generated at build time); without
     it (a failed load) links fall back to the longer JSON form. */
  function loadSlots() {
    return window.rmSite.loadScript("javascripts/progress-slots.js").then(function () { return window.rmSlots; }, function () { return null; });
  }

  /* The hosted site's home, from the page's canonical address: a link made in the offline copy
     must open on another device, where a file:// address means nothing. */
  function hostedHome() {
    var canonical = document.querySelector('link[rel="canonical"]');
    return canonical ? canonical.href.split("#")[0].replace(/index\.html$/, "") : null;
  }

  function shareUrl(code) {
    var home = document.querySelector(".md-header__button.md-logo");
    var base = window.location.protocol === "file:" && hostedHome() ? hostedHome() : home ? home.href : window.location.href;
    return base.split("#")[0] + "#" + SHARE_KEY + code;
  }

  function loadQrLibrary() {
    return window.rmSite.loadScript("vendor/qrcode-generator/qrcode.js").then(function () { return window.qrcode; });
  }

  function drawQr(container, url) {
    return loadQrLibrary().then(function (qrcode) {
      var code = qrcode(0, "L");
      code.addData(url, "Byte");
      code.make();
      container.innerHTML = code.createSvgTag({ cellSize: 4, margin: 4, scalable: true });
      var svg = container.querySelector("svg");
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", "QR code of the link that carries your progress");
    });
  }

  /* Opening a link that carries progress: offer to merge it with this browser's, or replace it. */
  function offerSharedProgress(content) {
    var at = window.location.hash.indexOf(SHARE_KEY);
    if (at < 0 || content.querySelector(".rm-shared")) return;
    var code = window.location.hash.slice(at + SHARE_KEY.length);
    var known = [];
    Array.prototype.forEach.call(document.querySelectorAll("[data-rm-ids]"), function (card) {
      known = known.concat(card.getAttribute("data-rm-ids").split(" ").filter(Boolean));
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-rm-id]"), function (entry) {
      known.push(entry.getAttribute("data-rm-id"));
    });
    var box = document.createElement("section");
    box.className = "rm-shared admonition note";
    box.setAttribute("aria-label", "Progress from another device");
    var text = document.createElement("p");
    box.appendChild(text);
    var article = content.querySelector("article") || content;
    article.insertBefore(box, article.firstChild);
    function finish(message) {
      text.textContent = message;
      Array.prototype.forEach.call(box.querySelectorAll("button"), function (button) { button.remove(); });
      history.replaceState(null, "", window.location.pathname + window.location.search);
      document.dispatchEvent(new CustomEvent("rm-progress"));
    }
    loadSlots().then(function (slots) { return codec.decodeFragment(code, known, undefined, slots); }).then(function (incoming) {
      var resources = Object.keys(incoming.done).length;
      text.textContent = "This link carries progress from another device: " + resources + " resource" +
        (resources === 1 ? "" : "s") + " done, " + quizAnswers(incoming) + " quiz answers and " +
        Object.keys(incoming.exercises || {}).length + " passed exercises. Keep it?";
      [["merge", "Merge with mine"], ["replace", "Replace mine"], ["ignore", "Ignore"]].forEach(function (choice) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-button" + (choice[0] === "merge" ? " md-button--primary" : "");
        button.setAttribute("data-rm-action", "shared-" + choice[0]);
        button.textContent = choice[1];
        button.addEventListener("click", function () {
          if (choice[0] === "merge") saveProgress(mergeProgress(loadProgress(), incoming));
          if (choice[0] === "replace") saveProgress(mergeProgress(emptyProgress(), incoming));
          finish(choice[0] === "ignore" ? "The shared progress was not used." :
            choice[0] === "merge" ? "Merged: the shared progress was added to yours." : "Replaced: this browser now has the shared progress.");
        });
        box.appendChild(button);
      });
    }).catch(function () {
      finish("This link's progress could not be read; nothing was changed.");
    });
  }


  /* Make the link for this browser's progress, show it and draw its QR code. */
  function share(panel) {
    var status = panel.querySelector(".rm-progress-panel__status");
    function say(message) { status.textContent = message; }
    var box = panel.querySelector(".rm-share");
    var copy = box.querySelector("[data-rm-action=copy]");
    if (!copy.getAttribute("data-rm-ready")) {
      copy.setAttribute("data-rm-ready", "true");
      copy.addEventListener("click", function () {
        var field = box.querySelector("input");
        field.select();
        (navigator.clipboard ? navigator.clipboard.writeText(field.value) : Promise.reject()).then(function () {
          say("Link copied.");
        }, function () {
          say("Select the link and copy it.");
        });
      });
    }
    return loadSlots().then(function (slots) { return codec.encodeFragment(loadProgress(), slots); }).then(function (code) {
      var url = shareUrl(code);
      box.hidden = false;
      box.querySelector("input").value = url;
      return drawQr(box.querySelector(".rm-share__qr"), url);
    }).then(function () {
      say(window.location.protocol === "file:" && hostedHome() ?
        "This link opens the hosted site (" + hostedHome() + ") with your progress: open it, or scan the code, on your other device." :
        "Open the link, or scan the code, on your other device.");
    }).catch(function () {
      say("The QR code could not be drawn; the link above still works.");
    });
  }

  window.rmShare = { share: share, offer: offerSharedProgress };
})();
