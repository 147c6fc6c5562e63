// Event and article pages: scroll each article box to its first highlighted sentence.
(function () {
  "use strict";
  document.querySelectorAll(".article-text").forEach(function (box) {
    var mark = box.querySelector("mark");
    if (mark) box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - 80);
  });
})();
