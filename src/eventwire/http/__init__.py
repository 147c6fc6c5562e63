"""What the REST API (``api/``) and the web pages (``web/``) both read from a request:
validated query parameters (:mod:`.params`) and the app's store, settings and ontology
(:mod:`.deps`). It sits below both, so neither has to import the other to share them."""
