"""Request dependencies shared by the API and web routes: the app's store (borrowed from its
pool for one request), its settings and its copy of the ontology."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request

from eventwire.config import Settings
from eventwire.knowledge.ontology import Ontology
from eventwire.store.base import Store


def get_store(request: Request) -> Iterator[Store]:
    with request.app.state.stores.borrow() as store:
        yield store


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_ontology(request: Request) -> Ontology:
    ontology: Ontology = request.app.state.ontology
    return ontology


StoreDep = Annotated[Store, Depends(get_store)]
OntologyDep = Annotated[Ontology, Depends(get_ontology)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
