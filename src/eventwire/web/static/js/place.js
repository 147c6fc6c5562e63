// Place page: the place and its events on the offline map.
(function () {
  "use strict";
  var data = window.eventwire.readData();
  window.eventwire.drawMap(document.getElementById("map"), data.points, function (id) {
    window.location.href = "/events/" + encodeURIComponent(id);
  });
})();
