"""The resolved picture's write, a mixin :class:`~eventwire.store.sql.SQLStore`
inherits: every table of the picture replaced in one transaction holding the write
lock, tagged with the ``documents`` generation it reflects (the ``picture`` generation)
and its overrides' fingerprint, the summary tables rewritten from it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from eventwire.model import Event, Incident, Resolution, Statistic, to_dict
from eventwire.resolve.actor_mentions import MentionActors
from eventwire.resolve.event_mentions import MentionRow
from eventwire.store.base import PictureState
from eventwire.store.export_lines import event_line, member_incidents, quote_line, relation_line
from eventwire.store.sql_base import SQLBase, as_json
from eventwire.store.sql_incidents import INCIDENT_TABLES
from eventwire.store.sql_summaries import SUMMARIES, SUMMARY_ORDER
from eventwire.store.sql_units import ACTOR_COLUMNS, actor_key_rows, actor_row, evidence_rows

# Tables of the resolved picture, children first (foreign keys point to actors).
PICTURE_TABLES = (
    "event_actor_types",
    "event_actor_roles",
    "event_pair_floors",
    "event_pair_suffixes",
    "event_pair_tails",
    "event_actor_kind_floors",
    "event_actor_running",
    "event_actor_floors",
    "event_actor_kinds",
    "event_pair_splits",
    "event_actor_sums",
    "relation_actor_sums",
    "event_pair_sums",
    "event_actor_periods",
    "event_pair_periods",
    "event_dates",
    "event_kinds",
    "event_days",
    "event_place_totals",
    "event_pairs",
    "event_degrees",
    "actor_keys",
    "mention_actor",
    "evidence",
    "events",
    "relations",
    "quotes",
    "places",
    "statistics",
    "actors",
)


class PictureSQL(SQLBase):
    """Writes the resolved picture and its summaries (see the module doc)."""

    if TYPE_CHECKING:  # provided by the other mixins of SQLStore

        def _write_incidents(
            self, res: Resolution, written: Sequence[Incident] | None = None
        ) -> None: ...
        def _replace_event_mentions(
            self, rows: Iterable[MentionRow] | None, generation: int | None
        ) -> None: ...
        def _write_statistics(self, statistics: Iterable[Statistic]) -> None: ...

    def picture_state(self) -> PictureState:
        rows = dict(self._all("SELECT name, value FROM store_state"))
        return PictureState(
            documents=int(rows.get("documents", 0)),
            picture=int(rows.get("picture", 0)),
            fingerprint=str(rows.get("fingerprint", "")),
        )

    def replace_resolution(
        self,
        resolution: Resolution,
        generation: int | None = None,
        fingerprint: str = "",
        *,
        force: bool = False,
        event_mentions: Iterable[MentionRow] | None = None,
    ) -> bool:
        """Replace the whole picture in one transaction.

        With a ``generation`` (the documents generation the resolution was computed
        from), the write happens only when no picture of a later generation, or of
        the same generation and ``fingerprint`` (unless ``force``), is stored; returns
        whether it wrote. ``event_mentions`` are the resolution's kept event mentions
        (what a refresh regroups from; without them, the next refresh resolves in full)."""
        try:
            with self._writing():
                if generation is not None:
                    state = self.picture_state()
                    if state.picture > generation or (
                        state.picture == generation
                        and state.fingerprint == fingerprint
                        and not force
                    ):
                        return False
                for table in INCIDENT_TABLES + PICTURE_TABLES:
                    self._execute(f"DELETE FROM {table}")
                self._write_resolution(resolution)
                self._write_incidents(resolution)
                self._replace_event_mentions(event_mentions, generation)
                self._set_state("units", "-1")  # stored units are of an older picture
                if generation is not None:
                    self._set_state("picture", str(generation))
                    self._set_state("fingerprint", fingerprint)
        except self.driver_errors as exc:
            raise self._fail("store resolution", exc) from exc
        return True

    def _write_resolution(
        self,
        res: Resolution,
        summaries: bool = True,
        member_of: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        # rows are made as they are inserted (generators), never all at once; an event's
        # line names the incidents it is a member of (written with it: migration 19), from
        # ``member_of`` when given (a refresh's, for the events it writes)
        if member_of is None:
            member_of = member_incidents(res.incidents)
        self._insert("actors", ("id", *ACTOR_COLUMNS), (actor_row(a, res) for a in res.actors))
        self._insert("actor_keys", ("actor_id", "key"), actor_key_rows(res.actors))
        links = res.mention_actor
        self._insert(
            "mention_actor",
            ("mention", "actor_id"),
            # a whole store's map gives its links in key order an article at a time
            links.sorted_items()
            if isinstance(links, MentionActors)
            else ((m, links[m]) for m in sorted(links)),
        )
        self._insert(
            "places",
            ("id", "name", "lat", "lon", "country", "admin1", "precision", "payload"),
            (
                (p.id, p.name, p.lat, p.lon, p.country, p.admin1, p.precision, as_json(to_dict(p)))
                for p in res.places
            ),
        )
        self._insert(
            "events",
            ("id", "type", "source_actor", "target_actor", "date", "date_precision", "place_id",
             "lat", "lon", "negated", "modality", "attributed_to", "source_count", "payload",
             "killed", "wounded", "displaced", "acled_type", "line"),
            (
                (e.id, e.type, e.source_actor, e.target_actor, e.date, e.date_precision,
                 e.location.id if e.location else None, e.location.lat if e.location else None,
                 e.location.lon if e.location else None, int(e.negated), e.modality,
                 e.attributed_to, e.source_count, as_json(to_dict(e)),
                 *_event_columns(e), event_line(e, member_of.get(e.id, ())))
                for e in res.events
            ),
        )  # fmt: skip
        self._insert(
            "relations",
            ("id", "source_actor", "target_actor", "type", "negated", "modality", "contested",
             "first_seen", "last_seen", "source_count", "payload", "line"),
            (
                (r.id, r.source_actor, r.target_actor, r.type, int(r.negated), r.modality,
                 int(r.contested), r.first_seen, r.last_seen, r.source_count, as_json(to_dict(r)),
                 relation_line(r))
                for r in res.relations
            ),
        )  # fmt: skip
        if summaries:  # an actors-only write (an incremental refresh) leaves them be
            self.write_summaries()
        self._insert(
            "quotes",
            ("id", "speaker", "article_id", "text", "sentence", "char_start", "char_end",
             "speaker_description", "line"),
            (
                (q.id, q.speaker, q.article_id, q.text, q.sentence, q.char_start, q.char_end,
                 q.speaker_description, quote_line(q))
                for q in res.quotes
            ),
        )  # fmt: skip
        self._write_statistics(res.statistics)
        self._insert(
            "evidence",
            ("kind", "record_id", "article_id", "char_start", "char_end"),
            evidence_rows((("event", res.events), ("relation", res.relations))),
        )

    def write_summaries(self) -> None:
        """Rewrite the summary tables from ``events`` and ``relations`` (every resolution
        write does; a store filled by other means, such as the latency bench's, calls it
        once)."""
        for table, query in SUMMARIES.items():
            self._execute(f"DELETE FROM {table}")
            order = f" ORDER BY {SUMMARY_ORDER[table]}" if table in SUMMARY_ORDER else ""
            self._execute(self._dialect(f"INSERT INTO {table} {query}{order}"))
            if self.remote:  # a server plans the summaries read from this one by its
                # statistics: without them (a store filled in this transaction) it took
                # the pair periods for a few rows and joined the pair tails' parts by a
                # nested loop (at 100,000 events over 8 minutes, hours at 1M)
                self._execute(f"ANALYZE {table}")


def _event_columns(event: Event) -> tuple[int, int, int, str | None]:
    """The killed, wounded, displaced and ACLED type columns of an event's row."""
    acled = event.codes.get("acled")
    acled_type = acled.get("event_type") if isinstance(acled, dict) else None
    return (
        int(event.counts.get("killed", 0)),
        int(event.counts.get("wounded", 0)),
        int(event.counts.get("displaced", 0)),
        acled_type if isinstance(acled_type, str) else None,
    )
