"""Data we ship (actor seeds, ontology, gazetteer, outlet conventions) and its small readers."""
