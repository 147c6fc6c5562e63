"""Actor networks for Gephi and networkx: actors as nodes, relations as directed edges.

GraphML and GEXF are written element by element (never a whole graph in memory); every
value is escaped, and characters XML 1.0 cannot hold are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, TextIO
from xml.sax.saxutils import quoteattr

from eventwire.export.source import ExportSource
from eventwire.knowledge.ontology import Ontology
from eventwire.model import Actor
from eventwire.registry import exporters
from eventwire.views import type_polarity

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# (key, GraphML/GEXF type) of node and edge attributes, in output order
NODE_KEYS = (
    ("label", "string"),
    ("type", "string"),
    ("country", "string"),
    ("mention_count", "int"),
    ("article_count", "int"),
    ("kb_id", "string"),
)
EDGE_KEYS = (
    ("relation", "string"),
    ("polarity", "string"),
    ("modality", "string"),
    ("negated", "boolean"),
    ("contested", "boolean"),
    ("first_seen", "string"),
    ("last_seen", "string"),
    ("source_count", "int"),
    ("evidence", "string"),
)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("", str(value))


# element text in one pass: what XML 1.0 cannot hold dropped, then &, < and > escaped
# (``escape(_text(value))``; dropping first changes nothing, as none of those is dropped)
_ELEMENT_TEXT: dict[int, str | None] = {
    **{c: None for c in [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]},
    ord("&"): "&amp;",
    ord("<"): "&lt;",
    ord(">"): "&gt;",
}


def _element_text(value: Any) -> str:
    """``escape(_text(value))``: an element's text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return str(value).translate(_ELEMENT_TEXT)


# what ``quoteattr(_text(value))`` changes in a string: XML 1.0's excluded characters,
# the escaped ones and both quotes (tab, newline and return become character references)
_ATTR_SPECIAL = re.compile("[\x00-\x1f&<>\"'\ufffe\uffff]")


def _attr(value: str) -> str:
    """``quoteattr(_text(value))`` for a string: an attribute's quoted value. Ids almost
    never hold a character it changes, so those are only quoted."""
    if _ATTR_SPECIAL.search(value) is None:
        return f'"{value}"'
    return quoteattr(_text(value))


def node_data(actor: Actor) -> dict[str, Any]:
    return {
        "label": actor.name,
        "type": actor.type,
        "country": actor.country,
        "mention_count": actor.mention_count,
        "article_count": actor.article_count,
        "kb_id": actor.kb_id,
    }


def edge_data(rel: dict[str, Any], onto: Ontology) -> dict[str, Any]:
    """An edge's attributes from its relation's export record (``relation_record``)."""
    evidence = rel["evidence"]
    return {
        "relation": rel["type"],
        "polarity": type_polarity(rel["type"], rel["negated"], onto),
        "modality": rel["modality"],
        "negated": rel["negated"],
        "contested": rel["contested"],
        "first_seen": rel["first_seen"],
        "last_seen": rel["last_seen"],
        "source_count": rel["source_count"],
        "evidence": evidence[0]["sentence"].strip() if evidence else None,
    }


def graph_parts(source: ExportSource) -> tuple[list[Actor], Iterator[dict[str, Any]]]:
    """The nodes (every actor, or with filters those the kept relations join) and edges,
    as the relations' export records (read from their stored JSON, no Relation built)."""
    actors = source.actors_by_id()
    if not source.filters.active:
        return list(actors.values()), source.relation_records()
    joined: set[str] = set()
    for rel in source.relation_records():
        joined.update((rel["source_actor"], rel["target_actor"]))
    nodes = [a for a in actors.values() if a.id in joined]
    return nodes, (
        r
        for r in source.relation_records()
        if r["source_actor"] in actors and r["target_actor"] in actors
    )


@exporters.register(
    "graphml", target="stream", suffix=".graphml", help="actor network (Gephi, networkx)"
)
def write_graphml(source: ExportSource, out: TextIO) -> int:
    nodes, edges = graph_parts(source)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for scope, keys in (("node", NODE_KEYS), ("edge", EDGE_KEYS)):
        for key, kind in keys:
            out.write(
                f'  <key id="{scope[0]}_{key}" for="{scope}" attr.name="{key}" attr.type="{kind}"/>\n'
            )
    out.write('  <graph id="eventwire" edgedefault="directed">\n')
    for actor in nodes:
        out.write(f"    <node id={quoteattr(_text(actor.id))}>\n")
        _graphml_data(out, "n", node_data(actor))
        out.write("    </node>\n")
    n = 0
    edge_text = _EdgeText(source.ontology)
    for rel in edges:  # one write an edge (a typical actor's download: 11,000 of them)
        out.write(
            f"    <edge id={_attr(rel['id'])} source={_attr(rel['source_actor'])}"
            f" target={_attr(rel['target_actor'])}>\n{edge_text(rel)}    </edge>\n"
        )
        n += 1
    out.write("  </graph>\n</graphml>\n")
    return len(nodes) + n


def _graphml_data(out: TextIO, scope: str, data: dict[str, Any]) -> None:
    out.write(_graphml_text(scope, data))


class _EdgeText:
    """``_graphml_text("e", edge_data(rel, onto))`` with the text of the values relations
    share (kind, dates) made once: a typical actor's GraphML writes 11,000 edges of a few
    dozen kinds and a few hundred dates."""

    def __init__(self, onto: Ontology) -> None:
        self._onto = onto
        self._kinds: dict[tuple[Any, ...], str] = {}
        self._values: dict[tuple[str, type, Any], str] = {}

    def __call__(self, rel: dict[str, Any]) -> str:
        negated, contested = rel["negated"], rel["contested"]
        kind = (rel["type"], negated.__class__, negated, rel["modality"], contested.__class__,
                contested)  # fmt: skip
        head = self._kinds.get(kind)
        if head is None:
            data = edge_data({**rel, "evidence": []}, self._onto)
            head = self._kinds[kind] = _graphml_text(
                "e",
                {k: data[k] for k in ("relation", "polarity", "modality", "negated", "contested")},
            )
        evidence = rel["evidence"]
        sentence = evidence[0]["sentence"].strip() if evidence else None
        return (
            head
            + self._value("first_seen", rel["first_seen"])
            + self._value("last_seen", rel["last_seen"])
            + self._value("source_count", rel["source_count"])
            + (
                ""
                if sentence is None
                else f'      <data key="e_evidence">{_element_text(sentence)}</data>\n'
            )
        )

    def _value(self, key: str, value: Any) -> str:
        found = self._values.get((key, value.__class__, value))
        if found is None:
            found = self._values[(key, value.__class__, value)] = _graphml_text("e", {key: value})
        return found


def _graphml_text(scope: str, data: dict[str, Any]) -> str:
    """The ``<data>`` elements of ``data``'s values that are not None."""
    return "".join(
        [
            f'      <data key="{scope}_{key}">{_element_text(value)}</data>\n'
            for key, value in data.items()
            if value is not None
        ]
    )


@exporters.register("gexf", target="stream", suffix=".gexf", help="actor network, GEXF 1.2 (Gephi)")
def write_gexf(source: ExportSource, out: TextIO) -> int:
    nodes, edges = graph_parts(source)
    gexf_type = {"int": "integer", "string": "string", "boolean": "boolean"}
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write('<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">\n')
    out.write("  <meta><creator>eventwire</creator></meta>\n")
    out.write('  <graph mode="static" defaultedgetype="directed">\n')
    for scope, keys in (("node", NODE_KEYS[1:]), ("edge", EDGE_KEYS)):
        out.write(f'    <attributes class="{scope}">\n')
        for number, (key, kind) in enumerate(keys):
            out.write(f'      <attribute id="{number}" title="{key}" type="{gexf_type[kind]}"/>\n')
        out.write("    </attributes>\n")
    out.write("    <nodes>\n")
    for actor in nodes:
        data = node_data(actor)
        label = data.pop("label")
        out.write(f"      <node id={quoteattr(_text(actor.id))} label={quoteattr(_text(label))}>\n")
        _gexf_values(out, data)
        out.write("      </node>\n")
    out.write("    </nodes>\n    <edges>\n")
    n = 0
    for rel in edges:
        out.write(
            f"      <edge id={quoteattr(_text(rel['id']))}"
            f" source={quoteattr(_text(rel['source_actor']))}"
            f' target={quoteattr(_text(rel["target_actor"]))} weight="{rel["source_count"]}">\n'
        )
        _gexf_values(out, edge_data(rel, source.ontology))
        out.write("      </edge>\n")
        n += 1
    out.write("    </edges>\n  </graph>\n</gexf>\n")
    return len(nodes) + n


def _gexf_values(out: TextIO, data: dict[str, Any]) -> None:
    out.write("        <attvalues>\n")
    for number, value in enumerate(data.values()):
        if value is not None:
            out.write(f'          <attvalue for="{number}" value={quoteattr(_text(value))}/>\n')
    out.write("        </attvalues>\n")
