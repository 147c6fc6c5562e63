// Starts Swagger UI on the vendored bundle; the spec URL comes from a data attribute.
(function () {
  "use strict";
  var node = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({
    url: node.getAttribute("data-spec"),
    dom_id: "#swagger-ui",
    deepLinking: true,
  });
})();
