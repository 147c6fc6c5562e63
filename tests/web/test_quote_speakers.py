"""An unnamed quote speaker's description on the article page, the API and the CLI:
shown as "... (unnamed)", escaped like every article text."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from markupsafe import escape
from tests.web.conftest import XSS_TEXT, sample_articles, sample_resolution
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.config import Settings
from eventwire.model import DocumentRecords, Quote
from eventwire.store.sqlite import SQLiteStore
from eventwire.views import quote_speaker

DESCRIPTION = 'witness <b onmouseover="alert(3)">in</b> Kabala'


def _store(path: Path) -> Path:
    articles = sample_articles()
    res = sample_resolution(articles)
    unnamed = Quote("quo_unnamed", XSS_TEXT, "art_xss", XSS_TEXT, 0, len(XSS_TEXT),
                    speaker_description=DESCRIPTION)  # fmt: skip
    with SQLiteStore(path) as store:
        store.add_documents([(a, DocumentRecords(a.id)) for a in articles])
        store.replace_resolution(replace(res, quotes=(*res.quotes, unnamed)))
    return path


def test_quote_speaker_labels() -> None:
    base = Quote("q", "We stay", "a", "We stay, she said.", 0, 7)
    assert quote_speaker(replace(base, speaker="act_1"), {"act_1": "Ama Diallo"}) == "Ama Diallo"
    assert quote_speaker(replace(base, speaker_description="medics"), {}) == "medics (unnamed)"
    assert quote_speaker(base, {}) is None


def test_the_article_page_and_api_show_the_description_escaped(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from eventwire.api import create_app

    settings = Settings(db=str(_store(tmp_path / "web.db")))
    with TestClient(create_app(settings)) as client:
        page = client.get("/articles/art_xss").text
        items = client.get("/api/quotes").json()["items"]
    assert str(escape(f"{DESCRIPTION} (unnamed)")) in page
    assert "<b onmouseover" not in page
    described = {q["id"]: q["speaker_description"] for q in items}
    assert described["quo_unnamed"] == DESCRIPTION and described["quo_1"] is None


def test_the_quotes_command_names_an_unnamed_source(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["quotes", "--db", str(_store(tmp_path / "cli.db"))])
    assert result.exit_code == 0, result.output
    assert f"{DESCRIPTION} (unnamed):" in result.output
